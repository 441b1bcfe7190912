"""`trunkline proxy SPEC --upstream URL`: a local HTTP proxy to one upstream that checks the traffic against the spec."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

import httpx

from generator.commands.mock import spec_path
from generator.drift.checker import DriftChecker
from generator.drift.output import FORMATS, render, write_report
from generator.drift.proxy import MAX_CHECK, ProxyApp, bind_proxy
from generator.errors import UsageError
from generator.mock.server import MAX_CONNECTIONS, TIMEOUT, Limits, base_url, serve
from generator.reading.load import load

HELP = "forward requests to an API and check the traffic against a spec"
DESCRIPTION = (
    "Serve a local HTTP proxy that forwards every request to --upstream (and nowhere else), passes the answer "
    "back unchanged, and checks both against the spec. Point a client or a test suite at the URL printed on "
    "the first line. The aggregated report goes to --report after each request and when stopped (Ctrl-C), "
    "or to standard output when stopped. See docs/drift.md."
)
UPSTREAM_TIMEOUT = 60.0  # seconds the upstream has to answer


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the spec, the upstream, the address, the report and the limits."""
    parser.add_argument("spec", metavar="SPEC", help="spec file, or a vendor name of specs/ (e.g. hipcall)")
    parser.add_argument("--upstream", required=True, metavar="URL", help="the API's base URL; every request goes there")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: any free port)")
    parser.add_argument("--report", type=Path, metavar="FILE", help="write the report here, after each request and at the end")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default text)")
    parser.add_argument("--max-check-bytes", type=int, default=MAX_CHECK, metavar="BYTES",
                        help=f"check at most this much of each body; larger ones pass through unchecked (default {MAX_CHECK})")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                        help=f"time a client has to send its whole request (default {TIMEOUT:g})")
    parser.add_argument("--max-connections", type=int, default=MAX_CONNECTIONS, metavar="N",
                        help=f"requests served at once (default {MAX_CONNECTIONS})")


def upstream(text: str) -> str:
    """The upstream base URL, checked: absolute http(s), a host, no credentials, query or fragment."""
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL as exc:
        raise UsageError(f"--upstream {text!r} is not a URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise UsageError(f"--upstream {text!r} is not an absolute http(s) URL; give e.g. https://api.example.com/v1")
    if url.userinfo or url.query or url.fragment:
        raise UsageError("--upstream may not carry credentials, a query or a fragment; give the base URL only")
    return str(url).rstrip("/")


def run(args: argparse.Namespace) -> int:
    """Proxy until interrupted, then write the report; 0 after a clean stop, 2 for a bad spec or address."""
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port} is out of range; give 0-65535 (0 picks a free port)")
    if args.max_check_bytes < 0:
        raise UsageError("--max-check-bytes is negative; give a number of bytes")
    if not 1 <= args.max_connections <= 1024 or not 0 < args.timeout <= 3600:
        raise UsageError("--max-connections must be 1-1024 and --timeout more than 0 and at most 3600")
    base = upstream(args.upstream)
    spec = spec_path(args.spec)
    checker = DriftChecker(load(spec))
    specs = [spec]
    on_exchange = (lambda report: write_report(report, args.format, specs, args.report)) if args.report else None
    client = httpx.Client(trust_env=False, follow_redirects=False, timeout=UPSTREAM_TIMEOUT)
    log = lambda line: print(f"proxy: {line}", file=sys.stderr, flush=True)
    app = ProxyApp(checker, base, client, max_check=args.max_check_bytes, log=log, on_exchange=on_exchange)
    try:
        server = bind_proxy(app, args.host, args.port, Limits(timeout=args.timeout, max_connections=args.max_connections))
    except OSError as exc:
        print(f"trunkline: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(base_url(server, ""), flush=True)
    threading.Thread(target=checker.schemas.prepare, daemon=True).start()
    print(f"proxy: forwarding to {checker.redactor.url(base)}, checking against {spec}; stop with Ctrl-C", file=sys.stderr, flush=True)
    try:
        serve(server, sys.stderr, label="proxy")
    finally:
        client.close()
    with app.lock:
        if args.report:
            write_report(app.report, args.format, specs, args.report)
        else:
            sys.stdout.write(render(app.report, args.format, specs))
            sys.stdout.flush()
        count = len(app.report.findings())
        print(f"proxy: {app.report.exchanges} exchanges, {count} finding{'s' if count != 1 else ''}", file=sys.stderr, flush=True)
    return 0
