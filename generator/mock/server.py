"""Run the mock on a real socket with werkzeug; stop cleanly on SIGINT or SIGTERM."""

from __future__ import annotations

import signal
import socket
import sys
import threading
from types import FrameType
from typing import Any, TextIO

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from generator.mock.app import MockApp


class _QuietHandler(WSGIRequestHandler):
    """werkzeug's handler without its own access log: the app logs one line per request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Skip werkzeug's access line."""

    def log(self, type: str, message: str, *args: Any) -> None:
        """Only errors, on one line."""
        if type == "error":
            print(f"mock: {message % args if args else message}", file=sys.stderr, flush=True)


def bind(app: MockApp, host: str, port: int) -> BaseWSGIServer:
    """A threaded HTTP/1.1 server bound to host:port (port 0: any free port); OSError when it cannot bind.

    The socket is bound here so that a port in use is an exception, not werkzeug's own exit.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.create_server((host, port), family=family)
    try:
        return make_server(host, port, app, threaded=True, request_handler=_QuietHandler, fd=listening.fileno())
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
