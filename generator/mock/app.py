"""The WSGI application of the mock: route, check, choose, answer, and log one line per request."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from werkzeug.wrappers import Request, Response

from generator.mock.body import MAX_BODY, BadBody, read_body
from generator.mock.checks import Incoming, Problem, check
from generator.mock.links import own_origin, server_origins
from generator.mock.model import MockSpec
from generator.mock.problem import CONTENT_TYPE, problem_body
from generator.mock.respond import Rebase, Refused, choose, preferences, render
from generator.mock.router import Match, NoMethod, Router
from generator.mock.schemas import SchemaChecker

MOCK_HEADER = "X-Trunkline-Mock"  # "example" or "generated": where the answer came from
EXAMPLE_HEADER = "X-Trunkline-Example"  # the name of the documented exchange answered

StartResponse = Callable[..., Any]

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 token: what a method may be
_TARGET = re.compile(r"[!-~]*")  # a request target is printable ASCII; anything else must be percent-encoded
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class MockApp:
    """Serves one spec's documented exchanges; a WSGI callable."""

    def __init__(self, spec: MockSpec, log: Callable[[str], None] | None = None, max_body: int = MAX_BODY) -> None:
        """Route, check and answer with the operations of `spec`; `log` gets one line per request.

        A request body longer than `max_body` bytes is refused with 413 without being read.
        """
        self.spec = spec
        self.max_body = max_body
        self.router = Router(spec.operations, spec.prefixes)
        self.checker = SchemaChecker(spec.document, spec.version)
        self.log = log
        self.origins = server_origins(spec.document)  # URLs on these origins in answers point at the mock

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """The WSGI entry point; never raises, a failure of the mock itself is a 500 problem."""
        started = time.perf_counter()
        request = Request(environ)
        path = _raw_path(environ)
        try:
            response = self.answer(request, path)
        except Exception as exc:  # noqa: BLE001  (a bug in the mock: answer 500 and keep serving)
            response = _problem(500, f"the mock failed: {type(exc).__name__}: {exc}", [], path)
        if self.log is not None:
            elapsed = (time.perf_counter() - started) * 1000
            self.log(printable(f"{request.method} {path} {response.status_code} {elapsed:.1f}ms"))
        result: Iterable[bytes] = response(environ, start_response)
        return result

    def answer(self, request: Request, path: str) -> Response:
        """The response to one request."""
        if not _TOKEN.fullmatch(request.method):
            return _problem(400, f"the method {request.method[:40]!r} is not an HTTP token", [], path)
        if not _TARGET.fullmatch(path):
            return _problem(400, "the request target has a byte that is not printable ASCII; percent-encode it", [], path)
        found = self.router.find(request.method, path)
        if found is None:
            return _problem(404, f"no operation of the spec serves {path}", [], path)
        if isinstance(found, NoMethod):
            response = _problem(
                405, f"{path} does not take {request.method}; it takes {', '.join(found.allowed)}", [], path
            )
            response.headers["Allow"] = ", ".join(found.allowed)
            return response
        return self._operation(request, path, found)

    def _operation(self, request: Request, path: str, found: Match) -> Response:
        """Check the request against its operation, then answer with the chosen exchange."""
        op = found.operation
        if op.websocket:
            return _websocket_only(op.operation_id, op.websocket, path)
        try:
            body = read_body(request.environ, self.max_body)
        except BadBody as bad:
            detail = "the request body is too large" if bad.status == 413 else "the request body is malformed"
            return _problem(bad.status, detail, [Problem("body", bad.message)], path)
        incoming = Incoming(
            method=request.method,
            path_values=found.values,
            query={key: request.args.getlist(key) for key in request.args},
            headers={key.lower(): value for key, value in request.headers.items()},
            cookies=dict(request.cookies),
            body=body,
        )
        verdict = check(self.checker, op, incoming)
        if verdict.status:
            detail = {
                401: f"{op.operation_id} needs a credential",
                415: f"{op.operation_id} does not take this content type",
            }.get(verdict.status, f"the request does not match {op.operation_id} in the spec")
            response = _problem(verdict.status, detail, verdict.problems, path)
            for challenge in verdict.challenges:
                response.headers.add("WWW-Authenticate", challenge)
            return response
        prefer = preferences(request.headers.getlist("Prefer"))
        try:
            status, exchange = choose(op, verdict, prefer)
        except Refused as refused:
            return _problem(400, refused.problem.message, [refused.problem], path)
        own = own_origin(request.headers.get("Host"))
        links = Rebase(self.origins, own) if own is not None and self.origins else None
        reply = render(self.spec.document, op, status, exchange, links)
        response = Response(reply.body, status=reply.status)
        response.headers.remove("Content-Type")
        for name, value in reply.headers:
            response.headers.add(name, value)
        response.headers[MOCK_HEADER] = "generated" if reply.generated else "example"
        if reply.example is not None:
            response.headers[EXAMPLE_HEADER] = reply.example
        elif prefer.get("example") in op.bare:  # documented without values: named, body from the schema
            response.headers[EXAMPLE_HEADER] = prefer["example"]
        applied = next((key for key in ("example", "code") if key in prefer), None)
        if applied is not None:  # RFC 7240: say which preference was honoured
            response.headers["Preference-Applied"] = f"{applied}={prefer[applied]}"
        return response


def _raw_path(environ: dict[str, Any]) -> str:
    """The request path as sent, still percent-encoded (PATH_INFO has `%2F` already decoded)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if isinstance(raw, str) and raw:
        raw = _undo_wsgi_dance(raw)
        if "://" in raw:
            raw = urlsplit(raw).path
        return raw.split("?", 1)[0] or "/"
    script = str(environ.get("SCRIPT_NAME") or "")
    return script + str(environ.get("PATH_INFO") or "/")


def _undo_wsgi_dance(text: str) -> str:
    """The text werkzeug received: it stores request line text encoded to UTF-8 and read back as Latin-1."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def printable(text: str) -> str:
    """`text` with control characters escaped, so that a client cannot write escape sequences into the log."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def _websocket_only(operation_id: str, url: str, path: str) -> Response:
    """426 for an operation served only over WebSocket: the mock speaks plain HTTP, and a plain request is refused there.

    A generated client sends such a call as an ordinary HTTP(S) request, which a WebSocket server
    refuses (lint's `server-scheme` says so); answering it with an example would hide that.
    """
    detail = f"{operation_id} is served over WebSocket ({url}); the mock answers plain HTTP requests only"
    problem = Problem("header.Upgrade", "the operation takes a WebSocket connection, not a plain HTTP request")
    response = _problem(426, detail, [problem], path)
    response.headers["Upgrade"] = "websocket"  # RFC 9110 15.5.22: a 426 names the protocol to upgrade to
    return response


def _problem(status: int, detail: str, problems: list[Problem], path: str) -> Response:
    """A problem+json response."""
    return Response(problem_body(status, detail, problems, path), status=status, content_type=CONTENT_TYPE)
