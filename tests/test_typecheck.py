"""mypy: --strict on every generated package, and on the generator itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _mypy(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", *args],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False,
    )


def test_generated_packages_pass_mypy_strict() -> None:
    packages = sorted(p for p in (ROOT / "generated").iterdir() if (p / "src").is_dir())
    assert packages
    sources = os.pathsep.join(str(p / "src") for p in packages)
    args = ["--strict"]
    for package in packages:
        args += ["-p", f"trunkline_{package.name}"]
    result = _mypy(*args, env={"MYPYPATH": sources})
    assert result.returncode == 0, result.stdout + result.stderr


def test_generator_passes_mypy_strict() -> None:
    result = _mypy("--strict", "generator")
    assert result.returncode == 0, result.stdout + result.stderr
