"""A content-addressed cache on disk for slow, pure steps (black, datamodel-code-generator).

The key is a hash of everything the step's output depends on, so a hit is always right; a
cache that cannot be read or written is skipped, never an error. `TRUNKLINE_CACHE_DIR` moves
it, `TRUNKLINE_CACHE_DIR=off` turns it off. `generator_digest` is the part of a key that stands
for the generator itself; package manifests record it too, so a changed generator regenerates.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

# Libraries whose output shapes the files, and how much of their version can change it: black
# changes its stable style only in a new year's major release; datamodel-code-generator is 0.x.
_TOOLS = (("trunkline", 3), ("black", 1), ("datamodel-code-generator", 2))


def cache_root() -> Path | None:
    """Where cached results live, or None when caching is off."""
    configured = os.environ.get("TRUNKLINE_CACHE_DIR")
    if configured:
        return None if configured.lower() in {"off", "0", "none"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "trunkline"


def digest(*parts: str | bytes) -> str:
    """A SHA-256 over the parts, each length-prefixed so that boundaries count."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


class ContentCache:
    """Text results of one step by key, under `<cache root>/<step>/`."""

    def __init__(self, step: str, root: Path | None = None) -> None:
        base = root if root is not None else cache_root()
        self.directory = base / step if base is not None else None

    def get(self, key: str) -> str | None:
        """The cached text for `key`, if any."""
        if self.directory is None:
            return None
        try:
            return (self.directory / key[:2] / key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: str) -> None:
        """Store `text` for `key` atomically; failures are ignored (the cache is optional)."""
        if self.directory is None:
            return
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.replace(temporary, folder / key)
        except OSError:
            return


@cache
def generator_digest() -> str:
    """A hash of the generator's code, templates and output-shaping library versions."""
    package = Path(__file__).resolve().parent  # the generator package, all its stages
    parts: list[str | bytes] = [f"{tool} {'.'.join(_version(tool).split('.')[:depth])}" for tool, depth in _TOOLS]
    checkout = package.parent / "templates"
    for root in (package, checkout if checkout.is_dir() else package / "templates"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2"} and "__pycache__" not in path.parts:
                parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


def _version(tool: str) -> str:
    try:
        return version(tool)
    except Exception:  # not installed as a distribution (a bare checkout): the code hash covers it
        return "unknown"
