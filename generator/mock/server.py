"""Run the mock on a real socket with werkzeug, bounded against hostile clients; stop on SIGINT or SIGTERM.

A connection costs no thread until it has sent its first bytes: the accept loop holds idle ones (at
most `max_idle`, the oldest dropped first) and closes them after `timeout`. A connection that has
sent something is served by one of at most `max_connections` threads; beyond that it waits in a
short queue, and past the queue it is answered 503. Every request must arrive whole within
`timeout` of its connection being accepted, so a slow drip cannot hold a thread for longer.
"""

from __future__ import annotations

import io
import selectors
import signal
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from types import FrameType
from typing import Any, TextIO

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler

from generator.mock.app import MockApp, printable
from generator.mock.problem import CONTENT_TYPE, problem_body

TIMEOUT = 30.0  # seconds a connection has, from accept, to send its whole request (`--timeout`)
MAX_CONNECTIONS = 32  # threads serving requests at once (`--max-connections`)
MAX_QUEUED = 64  # connections with a request waiting for a free thread; beyond, 503
MAX_IDLE = 512  # accepted connections that have sent nothing yet; beyond, the oldest is closed
LINGER = 2.0  # seconds at most spent dropping what a client still sends after its answer
_LINGER_IDLE = 0.2  # ... and the pause in its sending that ends that sooner
_PIECE = 64 * 1024  # bytes read at a time


@dataclass(frozen=True)
class Limits:
    """How long a request may take to arrive and how many connections are served, waiting or idle."""

    timeout: float = TIMEOUT
    max_connections: int = MAX_CONNECTIONS
    max_queued: int = MAX_QUEUED
    max_idle: int = MAX_IDLE


@dataclass(frozen=True)
class _Connection:
    """An accepted socket, its peer, and the monotonic time by which its request must have arrived."""

    sock: socket.socket
    address: Any
    deadline: float


class _Input(io.RawIOBase):
    """The request side of a connection: reads end at the deadline, and at the answer.

    Once the answer starts, reads give end-of-file: the request is over, and nothing more of it is
    read (werkzeug would otherwise read the rest of an unwanted body). `Expect: 100-continue` is
    answered on the first read, so a body refused before it is read is never asked for.
    """

    def __init__(self, sock: socket.socket, deadline: float, timeout: float) -> None:
        """Read from `sock` until `deadline`; `timeout` is the socket's timeout between reads."""
        self.sock = sock
        self.deadline = deadline
        self.timeout = timeout
        self.answered = False
        self.continue_pending = False

    def readable(self) -> bool:
        """A readable stream."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill `buffer` from the socket; 0 once answered; TimeoutError past the deadline."""
        if self.answered:
            return 0
        if self.continue_pending:
            self.continue_pending = False
            self.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"the request took longer than {self.timeout:g} s (--timeout)")
        self.sock.settimeout(left)
        try:
            return self.sock.recv_into(buffer)
        except TimeoutError:
            raise TimeoutError(f"the request took longer than {self.timeout:g} s (--timeout)") from None
        finally:
            self.sock.settimeout(self.timeout)


class _Output(io.BufferedIOBase):
    """The answer side of a connection: the first write ends the request side."""

    def __init__(self, sock: socket.socket, request: _Input) -> None:
        """Write to `sock`; mark `request` answered."""
        self.sock = sock
        self.request = request

    def writable(self) -> bool:
        """A writable stream."""
        return True

    def write(self, data: Any) -> int:
        """Send all of `data`."""
        self.request.answered = True
        self.sock.sendall(data)
        return len(data)


class _Handler(WSGIRequestHandler):
    """werkzeug's handler on a bounded connection: no access log of its own, errors as problem+json."""

    protocol_version = "HTTP/1.1"
    server: MockServer

    def setup(self) -> None:
        """Wrap the socket in the deadline-bound input and the answer-marking output."""
        connection: _Connection = self.request  # MockServer passes a _Connection
        self.request = self.connection = connection.sock
        timeout = self.server.limits.timeout
        self.connection.settimeout(timeout)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.input = _Input(connection.sock, connection.deadline, timeout)
        self.rfile = io.BufferedReader(self.input, _PIECE)
        self.wfile = _Output(connection.sock, self.input)

    def handle_expect_100(self) -> bool:
        """Say nothing yet: `100 Continue` goes out when the application reads the body (see run_wsgi)."""
        return True

    def run_wsgi(self) -> None:
        """Refuse ambiguous framing, defer `100 Continue` to the first read, then run the application."""
        wrong = _framing_problem(self.headers)
        if wrong is not None:
            self.log("error", "%s %s 400: %s", self.command, self.path, wrong)
            self.send_problem(400, wrong)
            return
        if self.headers.get("Expect", "").strip(" \t").lower() == "100-continue":
            del self.headers["Expect"]  # werkzeug would send 100 Continue before the app has looked
            self.input.continue_pending = self.request_version >= "HTTP/1.1"
        super().run_wsgi()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, header too long, ...) as problem+json."""
        self.log("error", "code %d, message %s", code, message)
        self.send_problem(code, message or HTTPStatus(code).phrase)

    def send_problem(self, status: int, detail: str) -> None:
        """A complete problem+json answer, then the connection closes."""
        path = getattr(self, "path", "")
        body = problem_body(status, detail, [], path if _printable_ascii(path) else "")
        self.close_connection = True
        if self.request_version == "HTTP/0.9":  # a request line that did not parse: still send a status line
            self.request_version = "HTTP/1.0"
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Skip werkzeug's access line: the app logs one line per request."""

    def log(self, type: str, message: str, *args: Any) -> None:
        """Only errors, on one line, control characters escaped."""
        if type == "error":
            text = message % args if args else message
            print(f"mock: {printable(text)}", file=sys.stderr, flush=True)


class MockServer(BaseWSGIServer):
    """werkzeug's WSGI server with a selector accept loop and a bounded set of serving threads."""

    multithread = True

    def __init__(self, host: str, port: int, app: MockApp, fd: int, limits: Limits) -> None:
        """Serve `app` on the listening socket `fd` within `limits`."""
        super().__init__(host, port, app, handler=_Handler, fd=fd)
        self.limits = limits
        self._lock = threading.Lock()
        self._busy = 0
        self._queued: deque[_Connection] = deque()
        self._stop = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Accept, hold idle connections, hand each connection with data to a thread; until shutdown()."""
        idle: dict[socket.socket, _Connection] = {}
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            try:
                while not self._stop.is_set():
                    for key, _ in selector.select(poll_interval):
                        if key.fileobj is self.socket:
                            self._accept(selector, idle)
                        else:
                            selector.unregister(key.fileobj)
                            self._dispatch(idle.pop(key.fileobj))  # type: ignore[call-overload]
                    self._expire(selector, idle, time.monotonic())
            finally:
                for connection in idle.values():
                    connection.sock.close()
                self.server_close()
                self._stopped.set()

    def shutdown(self) -> None:
        """Stop serve_forever (from another thread) and wait until it has returned."""
        self._stop.set()
        self._stopped.wait()

    def _accept(self, selector: selectors.BaseSelector, idle: dict[socket.socket, _Connection]) -> None:
        """Take one new connection and wait, without a thread, for its first bytes."""
        try:
            sock, address = self.socket.accept()
        except OSError:  # out of file descriptors, or the peer gave up: make room
            if idle:
                _drop(selector, idle, next(iter(idle)))
            return
        if len(idle) >= self.limits.max_idle:
            _drop(selector, idle, next(iter(idle)))
        sock.setblocking(False)
        idle[sock] = _Connection(sock, address, time.monotonic() + self.limits.timeout)
        selector.register(sock, selectors.EVENT_READ)

    def _expire(self, selector: selectors.BaseSelector, idle: dict[socket.socket, _Connection], now: float) -> None:
        """Close idle connections past their deadline (the oldest come first)."""
        while idle:
            oldest = next(iter(idle))
            if idle[oldest].deadline > now:
                return
            _drop(selector, idle, oldest)

    def _dispatch(self, connection: _Connection) -> None:
        """Serve `connection` on a new thread if one is free, else queue it, else answer 503."""
        with self._lock:
            start = self._busy < self.limits.max_connections
            if start:
                self._busy += 1
            elif len(self._queued) < self.limits.max_queued:
                self._queued.append(connection)
                return
        if start:
            threading.Thread(target=self._work, args=(connection,), daemon=True).start()
        else:
            _refuse(connection.sock)

    def _work(self, connection: _Connection) -> None:
        """Serve `connection`, then each queued one, until the queue is empty."""
        current: _Connection | None = connection
        while current is not None:
            self._serve(current)
            with self._lock:
                current = self._queued.popleft() if self._queued else None
                if current is None:
                    self._busy -= 1

    def _serve(self, connection: _Connection) -> None:
        """One connection: its request and answer (503 if it waited past its deadline), then a lingering close."""
        try:
            if time.monotonic() >= connection.deadline:
                _refuse(connection.sock)
                return
            connection.sock.setblocking(True)
            self.RequestHandlerClass(connection, connection.address, self)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001  (a failure of one connection must not end its thread's loop)
            self.handle_error(connection.sock, connection.address)
        finally:
            _linger(connection.sock)
            connection.sock.close()


def _framing_problem(headers: Message) -> str | None:
    """What makes the body's framing ambiguous, or None: the ways to smuggle a second request in a first."""
    lengths = {value.strip() for value in headers.get_all("Content-Length") or []}
    codings = headers.get_all("Transfer-Encoding") or []
    if codings:
        if lengths:
            return "a request may not have both Transfer-Encoding and Content-Length"
        named = [part.strip().lower() for part in ",".join(codings).split(",")]
        if named != ["chunked"]:
            return f"Transfer-Encoding {', '.join(codings)[:80]!r} is not supported; send chunked or a Content-Length"
    if len(lengths) > 1:
        return "Content-Length is given more than once, with different values"
    return None


def _drop(selector: selectors.BaseSelector, idle: dict[socket.socket, _Connection], sock: socket.socket) -> None:
    """Close an idle connection."""
    selector.unregister(sock)
    del idle[sock]
    sock.close()


def _refuse(sock: socket.socket) -> None:
    """Answer 503 without blocking (what the client sent is dropped) and close."""
    body = problem_body(503, "the mock is serving as many connections as it may (--max-connections); retry", [], "")
    head = f"HTTP/1.1 503 Service Unavailable\r\nContent-Type: {CONTENT_TYPE}\r\nContent-Length: {len(body)}\r\n"
    try:
        sock.setblocking(False)
        try:
            sock.recv(_PIECE)
        except OSError:
            pass
        sock.send(head.encode("ascii") + b"Retry-After: 1\r\nConnection: close\r\n\r\n" + body)
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    finally:
        sock.close()


def _linger(sock: socket.socket) -> None:
    """End the answer, then drop what the client still sends for a moment, so that closing does not
    reset the connection before the client has read its answer (a 413 while it is still sending)."""
    try:
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(_LINGER_IDLE)
        ends = time.monotonic() + LINGER
        while time.monotonic() < ends and sock.recv(_PIECE):
            pass
    except OSError:
        pass


def _printable_ascii(text: str) -> bool:
    """Whether `text` is printable ASCII (a request target fit to quote as a problem's instance)."""
    return text.isascii() and text.isprintable()


def bind(app: MockApp, host: str, port: int, limits: Limits | None = None) -> MockServer:
    """A server bound to host:port (port 0: any free port); OSError when it cannot bind.

    The socket is bound here so that a port in use is an exception, not werkzeug's own exit.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.create_server((host, port), family=family)
    try:
        return MockServer(host, port, app, listening.fileno(), limits or Limits())
    finally:
        listening.close()


def base_url(server: BaseWSGIServer, prefix: str) -> str:
    """The URL a client uses as its base: the bound address and the spec's server path."""
    host = str(server.server_address[0])
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{server.server_address[1]}{prefix}"


def serve(server: BaseWSGIServer, out: TextIO) -> None:
    """Serve until SIGINT or SIGTERM; the server is closed on return."""
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        """Shut the server down from another thread (shutdown() waits for serve_forever)."""
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever(poll_interval=0.1)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.server_close()
        print("mock: stopped", file=out, flush=True)
