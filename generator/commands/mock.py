"""`trunkline mock SPEC`: serve a spec's documented examples over HTTP for tests."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from generator.errors import UsageError
from generator.mock.app import MockApp
from generator.mock.body import MAX_BODY
from generator.mock.model import mock_spec
from generator.mock.server import MAX_CONNECTIONS, TIMEOUT, Limits, base_url, bind, serve
from generator.reading.load import load

HELP = "serve a spec's documented examples on a local HTTP server"
DESCRIPTION = (
    "Serve the documented examples of one spec over HTTP, checking each request against the spec. "
    "The first line of output is the base URL to give a client; one line per request goes to stderr."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the spec, the address, and the limits that keep a hostile client from exhausting the server."""
    parser.add_argument("spec", metavar="SPEC", help="spec file, or a vendor name of specs/ (e.g. monica)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: any free port)")
    parser.add_argument(
        "--max-body", type=int, default=MAX_BODY, metavar="BYTES",
        help=f"largest request body taken; a larger one is answered 413 unread (default {MAX_BODY})",
    )
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
        help=f"time a connection has to send its whole request; idle ones are closed after it (default {TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-connections", type=int, default=MAX_CONNECTIONS, metavar="N",
        help=f"requests served at once; more wait briefly, then get 503 (default {MAX_CONNECTIONS})",
    )


def spec_path(text: str) -> Path:
    """The spec file named by `text`: a path, or the vendor name of a file in specs/."""
    path = Path(text)
    if path.exists() or path.suffix:
        return path
    vendor = Path("specs") / f"{text}.yaml"
    return vendor if vendor.exists() else path


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 0 after a clean stop, 2 for a bad spec or an address in use."""
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is out of range; give 0-65535 (0 picks a free port)")
    limits = _limits(args)
    spec = mock_spec(load(spec_path(args.spec)))
    app = MockApp(spec, log=lambda line: print(line, file=sys.stderr, flush=True), max_body=args.max_body)
    try:
        server = bind(app, args.host, args.port, limits)
    except OSError as exc:
        print(f"trunkline: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(base_url(server, spec.prefixes[0] if spec.prefixes else ""), flush=True)
    threading.Thread(target=app.checker.prepare, daemon=True).start()  # the validators load meanwhile
    print(f"mock: serving {len(spec.operations)} operations of {args.spec}; stop with Ctrl-C", file=sys.stderr, flush=True)
    serve(server, sys.stderr)
    return 0


def _limits(args: argparse.Namespace) -> Limits:
    """The server's limits from the options; UsageError for a value that would disable one."""
    if args.max_body < 0:
        raise UsageError(f"--max-body {args.max_body} is negative; give a number of bytes (default {MAX_BODY})")
    if not 0 < args.timeout <= 3600:  # NaN fails too
        raise UsageError(f"--timeout {args.timeout} is out of range; give seconds, more than 0 and at most 3600")
    if not 1 <= args.max_connections <= 1024:
        raise UsageError(f"--max-connections {args.max_connections} is out of range; give 1-1024")
    return Limits(timeout=args.timeout, max_connections=args.max_connections)
