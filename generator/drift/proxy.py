"""The WSGI application of `trunkline proxy`: forward each request to the upstream only, pass the answer back
unchanged as it streams, and check both against the spec.

The upstream URL is fixed at start: a request's path and query are appended to it, so neither an
absolute-form request target nor a Host header can send a request anywhere else, and the URL built
is checked to have the upstream's scheme, host and port before it is sent. Bodies stream through;
the first `max_check` bytes of each are kept for the checks, a longer body is reported unchecked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import urlsplit

import httpx

from generator.drift.checker import DriftChecker
from generator.drift.exchange import Exchange
from generator.drift.findings import Report
from generator.mock.app import printable
from generator.mock.problem import CONTENT_TYPE, problem_body
from generator.mock.server import Handler, Limits, MockServer, bind

MAX_CHECK = 8 * 1024 * 1024  # bytes of a body kept for checking (`--max-check-bytes`)
_PIECE = 64 * 1024
# Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are not forwarded; Host is the upstream's.
HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te",
    "trailer", "transfer-encoding", "upgrade", "host",
})
StartResponse = Callable[..., Any]


class _ProxyHandler(Handler):
    """The mock's bounded handler, adding no Server or Date header of its own: the upstream's pass through."""

    label = "proxy"

    def send_response(self, code: int, message: str | None = None) -> None:
        """The status line only (http.server would add Server and Date)."""
        self.log_request(code)
        self.send_response_only(code, message)


def bind_proxy(app: ProxyApp, host: str, port: int, limits: Limits | None = None) -> MockServer:
    """The mock's bounded server (see generator/mock/server.py) serving `app`; OSError when it cannot bind."""
    server = bind(cast(Any, app), host, port, limits)
    server.RequestHandlerClass = _ProxyHandler
    return server


class OffUpstream(ValueError):
    """A request target that would leave the upstream."""


def upstream_url(base: httpx.URL, target: str) -> httpx.URL:
    """The URL a request target goes to: the upstream base with the target's path and query appended.

    An absolute-form target (`http://elsewhere/x`) keeps only its path and query. OffUpstream for a
    target that is not a path, or a result whose scheme, host or port differ from the upstream's.
    """
    if "://" in target.split("?", 1)[0]:
        parts = urlsplit(target)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if not target.startswith("/"):
        raise OffUpstream(f"the request target {target[:60]!r} is not a path")
    url = httpx.URL(str(base).rstrip("/") + target)
    if (url.scheme, url.host, url.port) != (base.scheme, base.host, base.port):
        raise OffUpstream(f"the request target {target[:60]!r} would leave the upstream")
    return url


class _Capture:
    """Keeps the first `limit` bytes of a stream going past, and whether there was more."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept = bytearray()
        self.truncated = False

    def take(self, piece: bytes) -> bytes:
        """Note `piece` and hand it on."""
        room = self.limit - len(self.kept)
        if len(piece) > room:
            self.truncated = True
        if room > 0:
            self.kept += piece[:room]
        return piece


class ProxyApp:
    """Forwards to one upstream and checks each exchange into a shared report."""

    def __init__(
        self, checker: DriftChecker, upstream: str, client: httpx.Client, *, max_check: int = MAX_CHECK,
        log: Callable[[str], None] | None = None, on_exchange: Callable[[Report], None] | None = None,
    ) -> None:
        """Forward to `upstream` with `client`; `on_exchange` is called (under the report's lock) after each check."""
        self.checker = checker
        self.upstream = httpx.URL(upstream)
        self.client = client
        self.max_check = max_check
        self.log = log
        self.on_exchange = on_exchange
        self.report = Report()
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """The WSGI entry point: forward, stream the answer back, check once it has all passed."""
        method = str(environ.get("REQUEST_METHOD", "GET"))
        target = _target(environ)
        if method == "CONNECT":
            return _problem(start_response, 405, "the proxy forwards requests to its upstream; it opens no tunnels", target)
        try:
            url = upstream_url(self.upstream, target)
        except OffUpstream as exc:
            return _problem(start_response, 400, str(exc), target)
        headers = _request_headers(environ)
        sent = _Capture(self.max_check)
        content = _body(environ, sent) if _has_body(environ) else None
        request = self.client.build_request(method, url, headers=headers, content=content)
        try:
            response = self.client.send(request, stream=True)
        except httpx.HTTPError as exc:
            self._note(f"{method} {self.checker.redactor.url(str(url))} failed: {type(exc).__name__}")
            return _problem(start_response, 502, f"the upstream did not answer: {type(exc).__name__}", target)
        reply = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in HOP_BY_HOP]
        start_response(f"{response.status_code} {response.reason_phrase or 'Unknown'}", reply)
        exchange = Exchange(method=method, url=str(url), request_headers=tuple(headers), status=response.status_code,
                            response_headers=tuple(response.headers.multi_items()))
        return _Answer(self, exchange, sent, response)

    def _check(self, exchange: Exchange) -> None:
        """Check one exchange into the report, log one line, and call `on_exchange`."""
        try:
            found = self.checker.check(exchange)
        except Exception as exc:  # noqa: BLE001  (a bug in a check must not stop the traffic)
            self._note(f"checking failed: {type(exc).__name__}: {exc}")
            return
        with self.lock:
            self.report.exchanges += 1
            self.report.add(found)
            if self.on_exchange is not None:
                self.on_exchange(self.report)
        shown = self.checker.redactor.url(exchange.url)
        self._note(f"{exchange.method} {shown} {exchange.status}: {len(found)} departure{'s' if len(found) != 1 else ''}")

    def _note(self, line: str) -> None:
        if self.log is not None:
            self.log(printable(line))


class _Answer:
    """The WSGI body of a forwarded answer: the upstream's bytes as they come, checked once the server
    closes it (whole, cut short by the client, or never started)."""

    def __init__(self, app: ProxyApp, exchange: Exchange, sent: _Capture, response: httpx.Response) -> None:
        self.app = app
        self.exchange = exchange
        self.sent = sent
        self.response = response
        self.answer = _Capture(app.max_check)
        self.complete = False
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        """Pass each piece on, keeping the first bytes for the check."""
        for piece in self.response.iter_raw(_PIECE):
            yield self.answer.take(piece)
        self.complete = True

    def close(self) -> None:
        """Release the upstream connection, then check the exchange (once)."""
        if self.closed:
            return
        self.closed = True
        self.response.close()
        self.app._check(replace(
            self.exchange, request_body=bytes(self.sent.kept), request_truncated=self.sent.truncated,
            response_body=bytes(self.answer.kept), response_truncated=self.answer.truncated or not self.complete,
        ))


def _target(environ: dict[str, Any]) -> str:
    """The request target as sent (path and query, still percent-encoded)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if isinstance(raw, str) and raw:
        try:
            return raw.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return raw
    query = str(environ.get("QUERY_STRING") or "")
    return str(environ.get("SCRIPT_NAME") or "") + str(environ.get("PATH_INFO") or "/") + (f"?{query}" if query else "")


def _request_headers(environ: dict[str, Any]) -> list[tuple[str, str]]:
    """The request's end-to-end headers, as sent."""
    headers: list[tuple[str, str]] = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            name = key[5:].replace("_", "-").title()
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            name = key.replace("_", "-").title()
        else:
            continue
        if name.lower() not in HOP_BY_HOP:
            headers.append((name, str(value)))
    return headers


def _has_body(environ: dict[str, Any]) -> bool:
    """Whether the request has a body to forward: chunked, or a Content-Length above 0."""
    text = str(environ.get("CONTENT_LENGTH") or "").strip()
    return bool(environ.get("wsgi.input_terminated")) or (text.isdigit() and int(text) > 0)


def _body(environ: dict[str, Any], capture: _Capture) -> Iterator[bytes]:
    """The request body as it arrives: Content-Length bytes, or to the end of a chunked body."""
    stream = environ["wsgi.input"]
    chunked = bool(environ.get("wsgi.input_terminated"))
    text = str(environ.get("CONTENT_LENGTH") or "").strip()
    remaining = int(text) if text.isdigit() else 0
    while chunked or remaining > 0:
        piece = stream.read(_PIECE if chunked else min(_PIECE, remaining))
        if not piece:
            break
        remaining -= len(piece)
        yield capture.take(piece)


def _problem(start_response: StartResponse, status: int, detail: str, target: str) -> list[bytes]:
    """A problem+json answer from the proxy itself."""
    body = problem_body(status, detail, [], target if target.isascii() and target.isprintable() else "")
    start_response(f"{status} {HTTPStatus(status).phrase}", [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body)))])
    return [body]
