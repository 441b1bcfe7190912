"""`trunkline mock` refuses a plain HTTP request to an operation served only over WebSocket (Telnyx's TranscriptionOverWs).

The generated client sends such a call as an ordinary HTTPS request (lint's `server-scheme` warns);
a WebSocket server refuses it, so the mock answers 426 instead of a documented example.
"""

from __future__ import annotations

import httpx
import pytest

from generator.mock.app import MOCK_HEADER
from tests.wire_support import mock_client

SPEC = """\
openapi: 3.1.0
info: {title: Speech, version: '1'}
servers:
  - url: https://api.example.test/v2
paths:
  /transcription:
    get:
      operationId: transcribe_ws
      servers:
        - url: wss://api.example.test/v2
      responses:
        '101': {description: switching protocols}
  /streams:
    servers:
      - url: ws://api.example.test/v2
      - url: wss://api.example.test/v2
    get:
      operationId: streams_ws
      responses:
        '101': {description: switching protocols}
  /jobs:
    servers:
      - url: wss://api.example.test/v2
      - url: https://api.example.test/v2
    get:
      operationId: jobs_list
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    """A client of the mock's application over SPEC."""
    return mock_client(tmp_path_factory.mktemp("speech"), SPEC)


@pytest.mark.parametrize(("path", "operation_id", "url"), [
    ("/v2/transcription", "transcribe_ws", "wss://api.example.test/v2"),  # the operation's own servers
    ("/v2/streams", "streams_ws", "ws://api.example.test/v2"),  # its path's
])
def test_a_websocket_only_operation_is_refused_with_426(http: httpx.Client, path: str, operation_id: str, url: str) -> None:
    """426 with `Upgrade: websocket`, a problem naming the WebSocket URL, and no example."""
    answer = http.get(path)
    assert answer.status_code == 426
    assert answer.headers["upgrade"] == "websocket"
    assert MOCK_HEADER not in answer.headers
    problem = answer.json()
    assert problem["type"] == "urn:trunkline:mock:websocket-only"
    assert problem["detail"] == f"{operation_id} is served over WebSocket ({url}); the mock answers plain HTTP requests only"
    assert [e["location"] for e in problem["errors"]] == ["header.Upgrade"]


def test_an_operation_with_an_http_server_too_is_served(http: httpx.Client) -> None:
    """One https server among the WebSocket ones: a plain request is fine."""
    answer = http.get("/v2/jobs")
    assert answer.status_code == 200, answer.text
    assert answer.headers[MOCK_HEADER] == "generated"
