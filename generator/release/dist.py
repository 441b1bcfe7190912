"""PEP 517 builds of generated packages (wheel and sdist) and their `twine check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from build import BuildBackendException, BuildException, ProjectBuilder
from build.env import DefaultIsolatedEnv

from generator.errors import TrunklineError
from generator.release.packages import Package

_Prepare = Callable[[set[str]], None]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")


class _Runner:
    """Runs the backend's hooks quietly, keeping their output for an error message."""

    def __init__(self) -> None:
        self.output = ""

    def __call__(self, cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None) -> None:
        env = dict(os.environ)
        env.update(extra_environ or {})
        done = subprocess.run(list(cmd), cwd=cwd, env=env, capture_output=True, text=True, check=False)
        self.output = done.stdout + done.stderr
        if done.returncode:
            raise subprocess.CalledProcessError(done.returncode, list(cmd), done.stdout, done.stderr)


def build_all(packages: list[Package], dist: Path, isolation: bool = True, jobs: int | None = None) -> list[Path]:
    """Build a wheel and an sdist of each package into `dist`; the files written, in package order.

    With isolation, one fresh environment holding the build backend serves every package (the
    backend is installed once from the package index); without it, this interpreter's backend is used.
    Each package is built from a scratch copy so no build leftovers land in the generated tree; the
    builds are subprocesses, so up to `jobs` (default: the CPU count) run at once.
    """
    dist.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(len(packages), jobs or os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="trunkline-build-") as scratch:
        if not isolation:
            def plain(package: Package) -> list[Path]:
                runner = _Runner()
                builder = ProjectBuilder(_copy(package, Path(scratch)), python_executable=sys.executable, runner=runner)
                return _build_one(package, builder, dist, runner, _check_installed)

            return _in_parallel(plain, packages, jobs)
        with DefaultIsolatedEnv() as env:
            lock = threading.Lock()
            installed: set[str] = set()

            def prepare(requirements: set[str]) -> None:
                with lock:
                    _install(env, requirements, installed)

            def isolated(package: Package) -> list[Path]:
                runner = _Runner()
                builder = ProjectBuilder.from_isolated_env(env, _copy(package, Path(scratch)), runner=runner)
                return _build_one(package, builder, dist, runner, prepare)

            return _in_parallel(isolated, packages, jobs)


def _in_parallel(build: Callable[[Package], list[Path]], packages: list[Package], jobs: int) -> list[Path]:
    """Every package's files, in package order; the first failure (in package order) is raised."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return [path for files in pool.map(build, packages) for path in files]


def _copy(package: Package, scratch: Path) -> Path:
    target = scratch / package.vendor
    shutil.copytree(package.directory, target, ignore=IGNORED)
    return target


def _build_one(package: Package, builder: ProjectBuilder, dist: Path, runner: _Runner, prepare: _Prepare) -> list[Path]:
    """sdist then wheel of one package; a TrunklineError naming the package on failure."""
    files: list[Path] = []
    try:
        prepare(set(builder.build_system_requires))
        for kind in ("sdist", "wheel"):
            prepare(set(builder.get_requires_for_build(kind)))
            files.append(Path(builder.build(kind, dist)))
    except (BuildException, BuildBackendException, subprocess.CalledProcessError) as exc:
        tail = " | ".join(line for line in runner.output.strip().splitlines()[-3:])
        raise TrunklineError(f"building {package.name} {package.version} failed: {exc}" + (f" ({tail})" if tail else "")) from None
    return files


def _install(env: DefaultIsolatedEnv, requirements: set[str], installed: set[str]) -> None:
    """Install requirements into the isolated environment, once each."""
    missing = requirements - installed
    if not missing:
        return
    try:
        env.install(sorted(missing))
    except subprocess.CalledProcessError as exc:
        raise TrunklineError(f"could not install the build backend ({', '.join(sorted(missing))}) from the package index: "
                             f"{(exc.stderr or exc.stdout or str(exc)).strip().splitlines()[-1:]}; check network access or use --no-isolation") from None
    installed |= missing


def _check_installed(requirements: set[str]) -> None:
    """Without isolation the backend must already be installed in this interpreter."""
    from build import check_dependency

    missing = sorted({str(chain[0]) for req in requirements for chain in check_dependency(req)})
    if missing:
        raise TrunklineError(f"--no-isolation needs {', '.join(missing)} installed in {sys.executable}; install it or drop --no-isolation")


def twine_check(files: list[Path]) -> None:
    """`twine check --strict` on built files; a TrunklineError with twine's complaint."""
    if not files:
        return
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        problems = [line.strip() for line in (done.stdout + done.stderr).splitlines() if "FAILED" in line or "ERROR" in line or "WARNING" in line]
        raise TrunklineError(f"twine check failed: {'; '.join(problems) or done.stdout.strip()}")
