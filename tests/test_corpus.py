"""Real public specs nobody here wrote: generated with nothing dropped, importable, type-checked.

Each corpus spec is generated once per session with `generate --spec`; the audit compares the
package with the spec (every operation a method, every component schema a model, every
documented 2xx JSON body typed, every module importing). mypy --strict runs on all four (about
20 s each for Telnyx and GitHub here). Skipped with a reason when `../shared/corpus` is absent (a user's fresh clone).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.corpus_audit import CORPUS, SPECS, Audit, audit

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus of public specs is not at {CORPUS}")


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="session")
def generated(corpus_out: Path) -> dict[str, Path]:
    """Lazily generated corpus packages, by name."""
    return {}


def _package(name: str, corpus_out: Path, generated: dict[str, Path]) -> Path:
    if name not in generated:
        assert main(["generate", "--spec", str(CORPUS / SPECS[name]), "--out", str(corpus_out), "--name", name]) == 0
        generated[name] = corpus_out / name
    return generated[name]


@pytest.mark.parametrize("name", list(SPECS))
def test_corpus_spec_generates_with_nothing_dropped(name: str, corpus_out: Path, generated: dict[str, Path]) -> None:
    package = _package(name, corpus_out, generated)
    result = audit(CORPUS / SPECS[name], package, name)
    assert result.operations > 0 and result.schemas > 0
    assert result == Audit(result.operations, result.schemas), result


@pytest.mark.parametrize("name", list(SPECS))
def test_corpus_package_passes_mypy_strict(name: str, corpus_out: Path, generated: dict[str, Path]) -> None:
    package = _package(name, corpus_out, generated)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--strict", "-p", f"trunkline_{name}"],
        env={**os.environ, "MYPYPATH": str(package / "src")}, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_github_names_read_like_the_api(corpus_out: Path, generated: dict[str, Path]) -> None:
    package = _package("github", corpus_out, generated)
    script = (
        "import inspect, trunkline_github as g\n"
        "c = g.Client()\n"
        "print(list(inspect.signature(c.repos.get).parameters)[:2])\n"
        "print(callable(c.issues.list_for_repo), callable(c.pulls.create))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(package / "src")}, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["['owner', 'repo']", "True True"]
