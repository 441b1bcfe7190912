"""Run the mock on a real socket with werkzeug, bounded against hostile clients; stop on SIGINT or SIGTERM.

A connection costs no thread until the head of its request (request line and headers) has
arrived: the accept loop reads heads itself, holding at most `max_idle` connections (the oldest
dropped first), and closes those still incomplete after `timeout` (408 when some of it came). A
head longer than MAX_HEAD is refused. A connection with a whole head is served by one of at most
`max_connections` threads; beyond that it waits in a short queue, and past the queue it is answered
503. Its body must arrive within `timeout` of the connection being accepted too, so a slow drip
cannot hold a thread for longer.
"""

from __future__ import annotations

import errno
import io
import re
import selectors
import signal
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from types import FrameType
from typing import Any, TextIO

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler

from generator.mock.app import MockApp, printable
from generator.mock.body import Dechunked
from generator.mock.problem import CONTENT_TYPE, problem_body

TIMEOUT = 30.0  # seconds a connection has, from accept, to send its whole request (`--timeout`)
MAX_CONNECTIONS = 32  # threads serving requests at once (`--max-connections`)
MAX_QUEUED = 64  # connections with a request waiting for a free thread; beyond, 503
MAX_IDLE = 512  # accepted connections whose head has not all come; beyond, the oldest is closed
MAX_HEAD = 64 * 1024  # bytes of request line and headers taken; a longer head is 414 or 431
LINGER = 2.0  # seconds at most spent dropping what a client still sends after its answer
_LINGER_IDLE = 0.2  # ... and the pause in its sending that ends that sooner
_PIECE = 64 * 1024  # bytes read at a time
_HEAD_END = re.compile(rb"\n\r?\n")  # the empty line after the headers (http.server takes bare LF too)


@dataclass(frozen=True)
class Limits:
    """How long a request may take to arrive and how many connections are served, waiting or idle."""

    timeout: float = TIMEOUT
    max_connections: int = MAX_CONNECTIONS
    max_queued: int = MAX_QUEUED
    max_idle: int = MAX_IDLE


@dataclass
class _Connection:
    """An accepted socket, its peer, the monotonic time by which its request must have arrived, and
    what the accept loop has read of it so far."""

    sock: socket.socket
    address: Any
    deadline: float
    received: bytes = field(default=b"")


class _Input(io.RawIOBase):
    """The request side of a connection: reads end at the deadline, and at the answer.

    Once the answer starts, reads give end-of-file: the request is over, and nothing more of it is
    read (werkzeug would otherwise read the rest of an unwanted body). `Expect: 100-continue` is
    answered on the first read, so a body refused before it is read is never asked for.
    """

    def __init__(self, sock: socket.socket, deadline: float, timeout: float, received: bytes) -> None:
        """Give `received` first, then read from `sock` until `deadline`; `timeout` is the socket's timeout."""
        self.sock = sock
        self.received = received
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
        if self.received:
            size = min(len(buffer), len(self.received))
            buffer[:size] = self.received[:size]
            self.received = self.received[size:]
            return size
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


class Handler(WSGIRequestHandler):
    """werkzeug's handler on a bounded connection: no access log of its own, errors as problem+json."""

    protocol_version = "HTTP/1.1"
    server: MockServer
    label = "mock"  # what its log lines start with

    def setup(self) -> None:
        """Wrap the socket in the deadline-bound input and the answer-marking output."""
        connection: _Connection = self.request  # MockServer passes a _Connection
        self.request = self.connection = connection.sock
        timeout = self.server.limits.timeout
        self.connection.settimeout(timeout)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.input = _Input(connection.sock, connection.deadline, timeout, connection.received)
        self.rfile = io.BufferedReader(self.input, _PIECE)
        self.wfile = _Output(connection.sock, self.input)

    def make_environ(self) -> dict[str, Any]:
        """werkzeug's environ, with a chunked body read by body.Dechunked (extensions, trailers, clear errors)."""
        environ = super().make_environ()
        if environ.get("wsgi.input_terminated"):
            environ["wsgi.input"] = Dechunked(self.rfile)
        return environ

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
            print(f"{self.label}: {printable(text)}", file=sys.stderr, flush=True)


class MockServer(BaseWSGIServer):
    """werkzeug's WSGI server with a selector loop that reads request heads and a bounded set of serving threads."""

    multithread = True

    def __init__(self, host: str, port: int, app: MockApp, fd: int, limits: Limits) -> None:
        """Serve `app` on the listening socket `fd` within `limits`."""
        super().__init__(host, port, app, handler=Handler, fd=fd)
        self.limits = limits
        self._lock = threading.Lock()
        self._busy = 0  # threads serving
        self._queued: deque[_Connection] = deque()  # whole heads waiting for a thread
        self._waiting: dict[socket.socket, _Connection] = {}  # accepted, head not whole yet, oldest first
        self._closing: dict[socket.socket, float] = {}  # answered by the loop, input dropped until then
        self._selector = selectors.DefaultSelector()
        self._held = _held_at_most(limits)  # waiting plus closing, so that serving threads keep descriptors
        self._stop = threading.Event()
        self._stopped = threading.Event()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Accept, read heads, hand each connection with a whole head to a thread; until shutdown()."""
        self._selector.register(self.socket, selectors.EVENT_READ, "listening")
        try:
            while not self._stop.is_set():
                for key, _ in self._selector.select(poll_interval):
                    sock: Any = key.fileobj
                    if key.data == "listening":
                        self._accept()
                    elif key.data == "head":
                        self._receive(self._waiting[sock])
                    else:
                        self._drain(sock)
                self._expire(time.monotonic())
        finally:
            for sock in [*self._waiting, *self._closing]:
                self._close(sock)
            self._selector.close()
            self.server_close()
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop serve_forever (from another thread) and wait until it has returned."""
        self._stop.set()
        self._stopped.wait()

    def _accept(self) -> None:
        """Take one new connection and wait, without a thread, for the head of its request."""
        try:
            sock, address = self.socket.accept()
        except OSError as exc:
            if exc.errno in (errno.EMFILE, errno.ENFILE):  # out of file descriptors: make room
                held = self._waiting or self._closing
                if held:
                    self._close(next(iter(held)))
                else:
                    time.sleep(0.01)  # all are serving: do not spin until one ends
            return
        if len(self._waiting) + len(self._closing) >= self._held:
            self._close(next(iter(self._closing or self._waiting)))
        sock.setblocking(False)
        self._waiting[sock] = _Connection(sock, address, time.monotonic() + self.limits.timeout)
        self._selector.register(sock, selectors.EVENT_READ, "head")

    def _receive(self, connection: _Connection) -> None:
        """Read what has come of a head; serve the connection once the head is whole, refuse it when too long."""
        data = _recv(connection.sock)
        if data is None:
            return
        if not data:  # the client left before its request was whole: nothing to answer
            self._close(connection.sock)
            return
        connection.received += data
        end = _HEAD_END.search(connection.received)
        if end is not None and end.end() <= MAX_HEAD:
            self._selector.unregister(connection.sock)
            del self._waiting[connection.sock]
            self._dispatch(connection)
        elif end is not None or len(connection.received) > MAX_HEAD:
            if connection.received.find(b"\n", 0, MAX_HEAD) < 0:
                self._refuse(connection.sock, 414, f"the request line is longer than {MAX_HEAD} bytes")
            else:
                self._refuse(connection.sock, 431, f"the request line and headers are longer than {MAX_HEAD} bytes")

    def _drain(self, sock: socket.socket) -> None:
        """Drop what a refused client still sends; close when it is done."""
        if _recv(sock) == b"":
            self._close(sock)

    def _expire(self, now: float) -> None:
        """Close what has run out of time: heads not whole by their deadline (408 if some came), refusals."""
        while self._waiting:
            oldest = next(iter(self._waiting))
            connection = self._waiting[oldest]
            if connection.deadline > now:
                break
            if connection.received:  # some of a request came, too slowly: say so
                timeout = self.limits.timeout
                self._refuse(oldest, 408, f"the request head did not arrive within {timeout:g} s (--timeout)")
            else:
                self._close(oldest)
        while self._closing:
            oldest = next(iter(self._closing))
            if self._closing[oldest] > now:
                break
            self._close(oldest)

    def _refuse(self, sock: socket.socket, status: int, detail: str) -> None:
        """Answer a problem from the loop without blocking, then drop the client's input for a moment."""
        if sock in self._waiting:
            self._selector.unregister(sock)
            del self._waiting[sock]
        try:
            sock.send(_refusal(status, detail))  # a fresh socket's buffer takes it whole
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            sock.close()
            return
        if len(self._waiting) + len(self._closing) >= self._held:
            self._close(next(iter(self._closing or self._waiting)))
        self._closing[sock] = time.monotonic() + LINGER
        self._selector.register(sock, selectors.EVENT_READ, "closing")

    def _close(self, sock: socket.socket) -> None:
        """Close a connection the loop holds."""
        self._selector.unregister(sock)
        self._waiting.pop(sock, None)
        self._closing.pop(sock, None)
        sock.close()

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
            detail = "the mock is serving as many requests as it may (--max-connections); retry"
            self._refuse(connection.sock, 503, detail)

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
        """One connection on this thread: its request and answer (503 if it waited past its deadline), then a
        lingering close."""
        try:
            connection.sock.setblocking(True)
            connection.sock.settimeout(self.limits.timeout)
            if time.monotonic() >= connection.deadline:
                connection.sock.sendall(_refusal(503, "the request waited for a free thread past its time; retry"))
                return
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


def _held_at_most(limits: Limits) -> int:
    """How many connections the loop may hold: `max_idle`, less if the process may open few files.

    Each serving thread needs a few descriptors (its socket, werkzeug's selector); idle sockets must
    not take them all.
    """
    try:
        import resource
    except ImportError:  # not on Unix
        return limits.max_idle
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return limits.max_idle
    spare = soft - 2 * limits.max_connections - limits.max_queued - 64  # 64: the process's own files
    return max(8, min(limits.max_idle, spare))


def _recv(sock: socket.socket) -> bytes | None:
    """What a non-blocking socket has: b"" at its end (or a reset), None when nothing has come yet."""
    try:
        return sock.recv(_PIECE)
    except BlockingIOError:
        return None
    except OSError:
        return b""


def _refusal(status: int, detail: str) -> bytes:
    """A whole problem+json answer that closes the connection (503 says when to retry)."""
    body = problem_body(status, detail, [], "")
    head = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        f"Content-Type: {CONTENT_TYPE}",
        f"Content-Length: {len(body)}",
        *(["Retry-After: 1"] if status == 503 else []),
        "Connection: close",
    ]
    return "\r\n".join(head).encode("ascii") + b"\r\n\r\n" + body


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


def serve(server: BaseWSGIServer, out: TextIO, label: str = "mock") -> None:
    """Serve until SIGINT or SIGTERM; the server is closed on return, saying so on `out` after `label`."""
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
        print(f"{label}: stopped", file=out, flush=True)
