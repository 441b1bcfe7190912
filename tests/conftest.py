"""Test set-up: assertion details in the shared replay helpers."""

import pytest

pytest.register_assert_rewrite("tests.replay")
