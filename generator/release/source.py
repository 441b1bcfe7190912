"""One side of a diff: a spec file on disk, or `path@gitref` read from git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import Location, TrunklineError
from generator.reading.load import Document, load, parse


def read_side(spec: str) -> Document:
    """Load `spec`: a file path, or `path@ref` for the file as it was at a git ref."""
    path_text, _, ref = spec.rpartition("@")
    if not path_text or not ref or Path(spec).is_file():
        return load(Path(spec))
    return parse(_git_show(Path(path_text), ref, spec), Path(path_text), spec)


def _git_show(path: Path, ref: str, shown: str) -> str:
    """The text of `path` at `ref`, from the repository that contains it."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise TrunklineError(f"no directory {directory} to find a git repository in", Location(shown))
    top = _git(directory, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise TrunklineError(f"{directory} is not inside a git repository; give a plain file path instead", Location(shown))
    if _git(directory, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise TrunklineError(f"unknown git ref {ref!r}; give a branch, tag, commit or HEAD~N", Location(shown))
    shown_file = _git(directory, "show", f"{ref}:./{path.name}")
    if shown_file.returncode != 0:
        raise TrunklineError(f"{path} does not exist at {ref}", Location(shown))
    return shown_file.stdout


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in `directory`, capturing text output."""
    try:
        return subprocess.run(["git", "-C", str(directory), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise TrunklineError("git is not installed; give plain file paths instead") from None
