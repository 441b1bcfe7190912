"""Write rendered packages into the output tree atomically, and compare a tree with them.

A write stages every package in full inside `out/.trunkline-staging-*`, records a journal,
then swaps one package directory at a time. A staged file whose bytes the old package already
holds (a regular file of ours, linked nowhere else) is a hard link to it rather than a new
write: a small spec change rewrites a few files, not thousands. The old files are never
modified, so a rollback still finds them as they were. An exception or Ctrl-C undoes the swaps at once;
a killed process leaves the journal, and the next write (or `recover`) undoes them before
anything else, so `out` is always either entirely old or entirely new.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.errors import TrunklineError
from generator.modeling.naming import check_file_names

STAGING_PREFIX = ".trunkline-staging-"
_JOURNAL = "journal.json"


def write_packages(out: Path, packages: dict[str, dict[str, str]]) -> None:
    """Replace `out/<name>` with each rendered package; all of them, or none on failure."""
    for name, files in packages.items():
        check_file_names(f"{name}/{rel}" for rel in files)  # names `naming` made safe: proven before any write
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrunklineError(f"cannot create the output directory {out}: {exc}") from None
    with _locked(out):
        recover(out)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        try:
            _stage(staging, packages)
            names = list(packages)
            journal: dict[str, object] = {"packages": [{"name": n, "had_old": (out / n).exists()} for n in names]}
            _write_journal(staging, journal)
            try:
                for name in names:
                    if (out / name).exists():
                        _move(out / name, staging / "old" / name)
                    _move(staging / "new" / name, out / name)
            except BaseException as exc:
                _rollback(out, staging)
                if isinstance(exc, OSError):
                    raise TrunklineError(f"could not write {out}: {exc}; nothing was changed") from None
                raise
            (staging / _JOURNAL).unlink()  # the commit point: from here on the new packages stay
        except OSError as exc:
            raise TrunklineError(f"could not write {out}: {exc}; nothing was changed") from None
        finally:
            if not (staging / _JOURNAL).exists():
                shutil.rmtree(staging, ignore_errors=True)


def recover(out: Path) -> list[str]:
    """Undo the swaps of any write that was killed midway and remove its staging; what was restored."""
    restored: list[str] = []
    if not out.is_dir():
        return restored
    for staging in sorted(out.glob(STAGING_PREFIX + "*")):
        if not staging.is_dir():
            continue
        if (staging / _JOURNAL).exists():
            restored.extend(_rollback(out, staging))
        shutil.rmtree(staging, ignore_errors=True)
    return restored


def _stage(staging: Path, packages: dict[str, dict[str, str]]) -> None:
    """Write every package in full under `staging/new`, linking the files the old one has already."""
    made: set[Path] = set()
    mode = _fresh_mode(staging)
    for name, files in packages.items():
        old = staging.parent / name
        for rel, text in files.items():
            target = staging / "new" / name / rel
            if target.parent not in made:  # thousands of model files share a few folders
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            data = text.encode("utf-8")
            if mode is not None and _link_same(old / rel, target, data, mode):
                continue
            with open(target, "wb") as handle:
                handle.write(data)
    (staging / "old").mkdir()


def _fresh_mode(staging: Path) -> int | None:
    """The permission bits a file written now gets (the umask decides), or None where files
    are never linked (Windows, where hard links and their rules differ)."""
    if sys.platform == "win32":
        return None
    probe = staging / ".mode"
    with open(probe, "wb") as handle:
        mode = stat.S_IMODE(os.fstat(handle.fileno()).st_mode)
    probe.unlink()
    return mode


def _link_same(old: Path, target: Path, data: bytes, mode: int) -> bool:
    """Hard-link `old` as `target` if it is what writing `data` would make: a regular file (no
    symlink), ours, with the permission bits of a new file, linked nowhere else, holding exactly
    `data`. False (and nothing left at `target`) otherwise."""
    try:
        fd = os.open(old, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and info.st_size == len(data)
                and stat.S_IMODE(info.st_mode) == mode and info.st_uid == os.getuid()):
            return False
        with os.fdopen(os.dup(fd), "rb") as handle:
            if handle.read(len(data) + 1) != data:
                return False
        os.link(old, target, follow_symlinks=False)
        linked = os.lstat(target)
        if (linked.st_dev, linked.st_ino) == (info.st_dev, info.st_ino):
            return True
        target.unlink()  # `old` was replaced between the read and the link
        return False
    except OSError:  # no hard links here (another file system, a FAT disk): write the file instead
        with contextlib.suppress(OSError):
            if target.exists() or target.is_symlink():
                target.unlink()
        return False
    finally:
        os.close(fd)


def _write_journal(staging: Path, journal: dict[str, object]) -> None:
    """Record what the swap will do, durably, before the first package moves."""
    temporary = staging / (_JOURNAL + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(journal, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, staging / _JOURNAL)
    _sync_dir(staging)


def _rollback(out: Path, staging: Path) -> list[str]:
    """Put every package of the journal back as it was; safe to repeat after a crash."""
    journal = json.loads((staging / _JOURNAL).read_text(encoding="utf-8"))
    restored: list[str] = []
    for entry in reversed(journal["packages"]):
        name, had_old = str(entry["name"]), bool(entry["had_old"])
        current, new, old = out / name, staging / "new" / name, staging / "old" / name
        swapped_in = not new.exists() and (current.exists() or current.is_symlink())
        if swapped_in:
            _move(current, new)
        moved_back = had_old and old.exists() and not current.exists()
        if moved_back:
            _move(old, current)
        if swapped_in or moved_back:
            restored.append(name)
    (staging / _JOURNAL).unlink()
    _sync_dir(out)
    return restored


def _move(source: Path, target: Path) -> None:
    """One atomic rename (a seam the crash tests use)."""
    os.replace(source, target)


def _sync_dir(directory: Path) -> None:
    """Flush a directory's entries to disk where the platform allows it."""
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out` so two writes (or a write and a recovery) never interleave."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


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
