"""Test set-up: assertion details in the shared replay helpers; a private cache."""

import os
import tempfile
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.replay")

# Tests never read or fill the user's cache of formatted files and models.
os.environ.setdefault("TRUNKLINE_CACHE_DIR", tempfile.mkdtemp(prefix="trunkline-test-cache-"))


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """An output directory holding an earlier package that no failed run may touch."""
    directory = tmp_path / "generated"
    (directory / "keep" / "src").mkdir(parents=True)
    (directory / "keep" / "src" / "module.py").write_text("VALUE = 1\n")
    (directory / "keep" / "README.md").write_text("earlier output\n")
    return directory
