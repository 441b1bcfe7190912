"""`trunkline mock` checks a `pattern` Python's `re` cannot compile with pydantic's engine, as the
models do, and never fails on one: AWS specs carry ECMA-262's `\\p{...}` classes, and the mock
answered their requests with a 500."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from generator.mock.app import MOCK_HEADER
from tests.wire_support import mock_client

SPEC = """\
openapi: 3.0.3
info: {title: Patterns, version: '1'}
paths:
  /things:
    get:
      operationId: things_list
      parameters:
        - {name: upper, in: query, schema: {type: string, pattern: '^\\p{Lu}+$'}}
        - {name: plain, in: query, schema: {type: string, pattern: '^[a-z]+$'}}
        - {name: broken, in: query, schema: {type: string, pattern: '(?<=a'}}
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object}}}
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    return mock_client(tmp_path_factory.mktemp("patterns"), SPEC)


@pytest.mark.parametrize(
    ("query", "accepted"),
    [
        ({"upper": "ÄBC"}, True),  # \\p{Lu}: an upper-case letter in any script
        ({"upper": "AbC"}, False),
        ({"plain": "abc"}, True),  # a pattern `re` compiles is checked by `re`, as before
        ({"plain": "ab1"}, False),
        ({"broken": "anything"}, True),  # no engine compiles it: the spec's mistake refuses nothing
    ],
)
def test_patterns_are_checked_or_skipped_never_a_crash(client: httpx.Client, query: dict[str, str], accepted: bool) -> None:
    answer = client.get("/things", params=query)
    assert answer.status_code == (200 if accepted else 400)
    assert (MOCK_HEADER in answer.headers) == accepted
    if not accepted:
        assert "does not match" in answer.text

