"""Write rendered packages into the output tree atomically, and compare a tree with them."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import TrunklineError


def write_packages(out: Path, packages: dict[str, dict[str, str]]) -> None:
    """Replace `out/<name>` with each rendered package; all of them, or none on failure.

    Every package is first written in full to a staging directory beside `out`; then each old
    directory is moved aside and the new one moved in. If any move fails, every move already
    made is undone, so `out` is left exactly as it was.
    """
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".trunkline-staging-", dir=out))
    try:
        for name, files in packages.items():
            for rel, text in files.items():
                target = staging / "new" / name / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
        (staging / "old").mkdir()
        done: list[tuple[str, bool]] = []
        try:
            for name in packages:
                current = out / name
                had_old = current.exists()
                if had_old:
                    os.replace(current, staging / "old" / name)
                done.append((name, had_old))
                os.replace(staging / "new" / name, current)
        except OSError as exc:
            for name, had_old in reversed(done):
                if (out / name).exists() and not (staging / "new" / name).exists():
                    os.replace(out / name, staging / "new" / name)
                if had_old:
                    os.replace(staging / "old" / name, out / name)
            raise TrunklineError(f"could not write {out}: {exc}; nothing was changed") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by relative path, ignoring caches."""
    found: dict[str, bytes] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
            found[path.relative_to(directory).as_posix()] = path.read_bytes()
    return found


def differences(directory: Path, files: dict[str, str]) -> list[str]:
    """Paths that differ between `directory` and `files`: changed, missing or extra."""
    on_disk = tree(directory)
    wanted = {rel: text.encode("utf-8") for rel, text in files.items()}
    changed = [rel for rel in wanted if on_disk.get(rel) != wanted[rel]]
    extra = [rel for rel in on_disk if rel not in wanted]
    return sorted(changed + extra)
