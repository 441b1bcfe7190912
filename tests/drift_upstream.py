"""A fake Hipcall on loopback that departs from specs/hipcall.yaml in planted ways, one per kind of drift,
and a client session (the generated client plus two raw requests) that meets every one of them.

Shared by tests/test_drift_verify.py and tests/test_drift_proxy.py.
"""

from __future__ import annotations

import base64
import copy
import gzip
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from generator.reading.load import Document, load
from tests.replay import client_module

SPEC = Path("specs/hipcall.yaml")
PREFIX = "/api/v20211124"
TOKEN = "tl-PLANTED-secret-7f3a9c51"  # the API key; must never appear in any report or log

# (kind, JSON pointer of the spec place to fix): every departure the upstream plants.
PLANTED = {
    ("wrong-type", "/components/schemas/PhoneNumber/properties/id"),  # id "1" for an integer
    ("null-not-nullable", "/components/schemas/PhoneNumber/properties/name"),  # name null
    ("undocumented-field", "/components/schemas/PhoneNumber/properties/echo"),  # a field the schema does not list
    ("undocumented-response-header", "/paths/~1numbers~1{id}/get/responses/200/headers/x-trace-id"),
    ("enum-value", "/components/schemas/CallDirection"),  # direction 7
    ("format-mismatch", "/components/schemas/Call/properties/uuid"),  # uuid "not-a-uuid"
    ("pagination-shape", "/paths/~1cdrs/get/x-pagination/next"),  # a relative next link
    ("missing-field", "/components/schemas/PaginationMeta/required/4"),  # meta without `to`
    ("undocumented-status", "/paths/~1extensions~1{id}/get/responses/418"),
    ("undocumented-operation", "/paths/~1numbers~1{id}/delete"),
    ("request-not-allowed", "/paths/~1numbers~1{id}/get/parameters/0"),  # id "abc" for an integer path parameter
}
# The text of the spec line each planted pointer is located at (a mapping is located at its first
# entry; a place that does not exist yet, at the entries of the mapping it would be added to).
LINE_TEXT = {
    "/components/schemas/PhoneNumber/properties/id": "type: integer",
    "/components/schemas/PhoneNumber/properties/name": "type: string",
    "/components/schemas/PhoneNumber/properties/echo": "resource_type:",
    "/paths/~1numbers~1{id}/get/responses/200/headers/x-trace-id": "x-ratelimit-limit:",
    "/components/schemas/CallDirection": "type: integer",
    "/components/schemas/Call/properties/uuid": "type: string",
    "/paths/~1cdrs/get/x-pagination/next": "next: links.next",
    "/components/schemas/PaginationMeta/required/4": "required: [current_page, from, path, per_page, to]",
    "/paths/~1extensions~1{id}/get/responses/418": "'200':",
    "/paths/~1numbers~1{id}/delete": "get:",
    "/paths/~1numbers~1{id}/get/parameters/0": "- name: id",
}


def example(document: Document, path: str, method: str, status: str = "200") -> Any:
    """The first documented example answer of an operation (a deep copy)."""
    media = document.data["paths"][path][method]["responses"][status]["content"]["application/json"]
    return copy.deepcopy(next(iter(media["examples"].values()))["value"])


def answers(document: Document) -> dict[tuple[str, str], tuple[int, dict[str, str], Any]]:
    """(method, path) -> (status, extra headers, JSON body): the documented answers with the planted departures."""
    limits = {"X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "29"}
    number = example(document, "/numbers/{id}", "get")
    number["data"].update(id="1", name=None, echo=TOKEN)
    calls = example(document, "/cdrs", "get")
    calls["data"] = calls["data"][:1]
    calls["data"][0].update(direction=7, uuid="not-a-uuid")
    calls["links"]["next"] = "/api/v20211124/cdrs?page=2"
    extensions = example(document, "/extensions", "get")
    del extensions["meta"]["to"]
    return {
        ("GET", "/numbers/1"): (200, {**limits, "X-Trace-Id": "4bf92f3577b34da6"}, number),
        ("GET", "/cdrs"): (200, limits, calls),
        ("GET", "/extensions"): (200, limits, extensions),
        ("GET", "/extensions/99"): (418, {}, {"message": "I'm a teapot"}),
        ("DELETE", "/numbers/1"): (200, {}, {"data": None}),
        ("GET", "/numbers/abc"): (404, {}, {"errors": "No such number"}),
        ("POST", "/tasks"): (201, {}, {"data": {"id": 5}}),
        ("GET", "/numbers/2"): (200, {**limits, "Content-Encoding": "gzip"}, number),
    }


class Upstream:
    """The fake vendor: answers the planted exchanges under PREFIX and records every request it gets."""

    def __init__(self) -> None:
        self.document = load(SPEC)
        self.answers = answers(self.document)
        self.seen: list[tuple[str, str, str]] = []  # (method, target, Host header)
        self.bodies: list[bytes] = []  # the request bodies, in the same order
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                upstream.seen.append((self.command, self.path, self.headers.get("Host", "")))
                upstream.bodies.append(self._body())
                path = self.path.split("?", 1)[0].removeprefix(PREFIX)
                status, headers, body = upstream.answers.get((self.command, path), (404, {}, {"errors": "no route"}))
                data = json.dumps(body).encode()
                if headers.get("Content-Encoding") == "gzip":
                    data = gzip.compress(data, mtime=0)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                """The request body: Content-Length bytes, or a chunked body decoded."""
                if "chunked" not in self.headers.get("Transfer-Encoding", ""):
                    return self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0], 16)
                    body += self.rfile.read(size)
                    self.rfile.readline()
                    if size == 0:
                        return body

            do_GET = do_DELETE = do_POST = do_PUT = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{PREFIX}"

    @contextmanager
    def running(self) -> Iterator[Upstream]:
        """Serve on a thread for the duration of a with block."""
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


def session(base_url: str, http_client: httpx.Client) -> None:
    """What a user's code does: four calls through the generated client (lenient), two raw requests."""
    hipcall = client_module("hipcall")
    client = hipcall.Client(api_key=TOKEN, base_url=base_url, http_client=http_client, strict=False, max_retries=0)
    number = client.numbers.get(id=1)
    assert number.data.name is None  # read leniently, kept as sent
    client.calls.list()
    client.extensions.list()
    try:
        client.extensions.get(id=99)
    except hipcall.APIStatusError as exc:
        assert exc.status_code == 418
    else:
        raise AssertionError("the 418 answer did not raise")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert http_client.delete(f"{base_url}/numbers/1", headers=auth).status_code == 200
    assert http_client.get(f"{base_url}/numbers/abc", headers=auth).status_code == 404


class HarRecorder:
    """Records every exchange of an httpx client as HAR 1.2 entries (bodies base64, as Chrome saves binary ones)."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []

    def hook(self, response: httpx.Response) -> None:
        """httpx response event hook: read the answer and note the exchange."""
        response.read()
        request = response.request
        entry: dict[str, Any] = {
            "request": {
                "method": request.method, "url": str(request.url), "httpVersion": "HTTP/1.1",
                "headers": [{"name": k, "value": v} for k, v in request.headers.multi_items()],
                "queryString": [], "cookies": [], "headersSize": -1, "bodySize": len(request.content),
            },
            "response": {
                "status": response.status_code, "statusText": response.reason_phrase, "httpVersion": "HTTP/1.1",
                "headers": [{"name": k, "value": v} for k, v in response.headers.multi_items()],
                "cookies": [], "redirectURL": "", "headersSize": -1, "bodySize": len(response.content),
                "content": {"size": len(response.content), "mimeType": response.headers.get("content-type", ""),
                            "text": base64.b64encode(response.content).decode("ascii"), "encoding": "base64"},
            },
            "cache": {}, "timings": {"send": 0, "wait": 0, "receive": 0}, "startedDateTime": "2026-11-30T08:00:00Z", "time": 0,
        }
        if request.content:
            entry["request"]["postData"] = {"mimeType": request.headers.get("content-type", ""), "text": request.content.decode()}
        self.entries.append(entry)

    def write(self, path: Path) -> None:
        """Save the recording as a HAR file."""
        har = {"log": {"version": "1.2", "creator": {"name": "tests", "version": "1"}, "entries": self.entries}}
        path.write_text(json.dumps(har, indent=1))

    def client(self) -> httpx.Client:
        """An httpx client whose exchanges are recorded."""
        return httpx.Client(event_hooks={"response": [self.hook]}, trust_env=False)
