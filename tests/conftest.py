"""Test set-up: assertion details in the shared replay helpers; a private cache."""

import os
import tempfile
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.replay")

# Tests never read or fill the user's cache of formatted files and models.
os.environ.setdefault("TRUNKLINE_CACHE_DIR", tempfile.mkdtemp(prefix="trunkline-test-cache-"))
# The generated clients parse strictly in tests, as CI should: an answer that drifts from its schema
# raises instead of being read leniently. Tests of lenient parsing pass strict=False explicitly.
for _vendor in ("AGENDIZE", "HIPCALL", "MONICA", "SNAPCALL", "VOIPNOW"):
    os.environ[f"{_vendor}_STRICT"] = "1"


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """An output directory holding an earlier package that no failed run may touch."""
    directory = tmp_path / "generated"
    (directory / "keep" / "src").mkdir(parents=True)
    (directory / "keep" / "src" / "module.py").write_text("VALUE = 1\n")
    (directory / "keep" / "README.md").write_text("earlier output\n")
    return directory


# The slow files: whole corpus specs, installs into fresh virtual environments, subprocesses per
# README snippet, mypy over generated packages. `make test-fast` leaves them out for the edit loop;
# `make test` (and CI) runs everything.
SLOW_FILES = frozenset({
    "test_atomic.py", "test_black_stable.py", "test_conformance.py", "test_corpus.py", "test_drift_proxy.py", "test_incremental.py",
    "test_publish.py", "test_readme_snippets.py", "test_replay_http.py", "test_typecheck.py", "test_unseen_specs.py",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of the slow files `slow`."""
    for item in items:
        if item.path.name in SLOW_FILES or item.path.parent.name == "lint" and item.path.name == "test_corpus.py":
            item.add_marker(pytest.mark.slow)
