"""Test set-up: assertion details in the shared replay helpers; a private cache."""

import os
import tempfile

import pytest

pytest.register_assert_rewrite("tests.replay")

# Tests never read or fill the user's cache of formatted files and models.
os.environ.setdefault("TRUNKLINE_CACHE_DIR", tempfile.mkdtemp(prefix="trunkline-test-cache-"))
