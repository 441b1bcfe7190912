"""A content-addressed cache on disk for slow, pure steps (black, datamodel-code-generator).

The key is a hash of everything the step's output depends on, so a hit is always right; a
cache that cannot be read or written is skipped, never an error. `TRUNKLINE_CACHE_DIR` moves
it, `TRUNKLINE_CACHE_DIR=off` turns it off. `generator_digest` is the part of a key that stands
for the generator itself; package manifests record it too, so a changed generator regenerates.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from functools import cache
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
        self._made = False

    def get(self, key: str) -> str | None:
        """The cached text for `key`, if any."""
        if self.directory is None:
            return None
        try:
            return (self.directory / key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: str) -> None:
        """Store `text` for `key` atomically; failures are ignored (the cache is optional). One
        folder a step, no fan-out: a cold run of a small spec made a folder for nearly every entry."""
        if self.directory is None:
            return
        try:
            if not self._made:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._made = True
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            os.replace(temporary, self.directory / key)
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
        return tool_version(tool)
    except Exception:  # noqa: BLE001  (not installed as a distribution, a bare checkout: the code hash covers it)
        return "unknown"


def tool_version(distribution: str) -> str:
    """The installed version of `distribution`, as importlib.metadata gives it (first on sys.path).

    Read from the name of its `NAME-VERSION.dist-info` folder, which installers write so: importing
    importlib.metadata costs a small run more than all its lookups. importlib.metadata answers
    when no folder is named so (an egg, a zip), and raises as it does for one not installed.
    """
    wanted = _normalized(distribution)
    for entry in sys.path:
        found = _dist_infos(entry or ".").get(wanted)
        if found is not None:
            return found
    from importlib.metadata import version

    return version(distribution)


@cache
def _dist_infos(folder: str) -> dict[str, str]:
    """Normalized distribution name -> version, of the `.dist-info` folders in `folder`."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    found: dict[str, str] = {}
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix == "dist-info" and stem.count("-") == 1:
            distribution, version = stem.split("-")
            found.setdefault(_normalized(distribution), version)
    return found


def _normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()
