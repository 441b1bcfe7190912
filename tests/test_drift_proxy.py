"""`trunkline proxy`: the generated client through the proxy to a fake Hipcall with planted departures.

The report must list every planted departure at its spec place and nothing else, hold no secret,
and the proxy must send every request to its upstream only, passing answers back unchanged.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.drift.checker import DriftChecker
from generator.drift.proxy import OffUpstream, ProxyApp, bind_proxy, upstream_url
from generator.reading.load import load
from tests.drift_upstream import LINE_TEXT, PLANTED, PREFIX, SPEC, TOKEN, Upstream, session

TRUNKLINE = Path(sys.executable).parent / "trunkline"


def test_a_session_through_trunkline_proxy_reports_each_planted_departure(tmp_path: Path) -> None:
    report = tmp_path / "drift.json"
    with Upstream().running() as upstream:
        proxy = subprocess.Popen(
            [str(TRUNKLINE), "proxy", str(SPEC), "--upstream", upstream.url, "--report", str(report), "--format", "json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            assert proxy.stdout is not None
            base = proxy.stdout.readline().strip()
            assert base.startswith("http://127.0.0.1:")
            with httpx.Client(trust_env=False) as http:
                session(base, http)
            # written after each exchange, once the answer has gone back: wait for the last one
            assert _report_reaches(report, 6)
        finally:
            proxy.send_signal(signal.SIGINT)
            out, err = proxy.communicate(timeout=30)
    assert proxy.returncode == 0, err
    assert TOKEN not in out and TOKEN not in err
    text = report.read_text()
    assert TOKEN not in text
    findings = json.loads(text)["findings"]
    assert {(f["kind"], f["pointer"]) for f in findings} == PLANTED
    document = load(SPEC)
    lines = SPEC.read_text().splitlines()
    for f in findings:
        assert f["line"] == document.locate(f["pointer"]).line
        assert lines[f["line"] - 1].strip() == LINE_TEXT[f["pointer"]]
    assert "proxy: 6 exchanges, 11 findings" in err
    # every request reached the upstream, under its base path
    assert [(m, t.split("?")[0]) for m, t, _ in upstream.seen] == [
        ("GET", f"{PREFIX}/numbers/1"), ("GET", f"{PREFIX}/cdrs"), ("GET", f"{PREFIX}/extensions"),
        ("GET", f"{PREFIX}/extensions/99"), ("DELETE", f"{PREFIX}/numbers/1"), ("GET", f"{PREFIX}/numbers/abc")]


def _report_reaches(report: Path, exchanges: int) -> bool:
    """Whether the report file comes to count `exchanges` (within 20 s; it is rewritten after each)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if report.exists() and json.loads(report.read_text() or "{}").get("exchanges") == exchanges:
            return True
        time.sleep(0.05)
    return False


class _Proxy:
    """The proxy application on a loopback server in this process."""

    def __init__(self, upstream: str, max_check: int) -> None:
        self.http = httpx.Client(trust_env=False, follow_redirects=False)
        self.app = ProxyApp(DriftChecker(load(SPEC)), upstream, self.http, max_check=max_check)
        self.server = bind_proxy(self.app, "127.0.0.1", 0)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def checked(self, exchanges: int) -> bool:
        """Whether the report comes to count `exchanges` (within 20 s: the check follows the answer)."""
        deadline = time.monotonic() + 20
        while self.app.report.exchanges < exchanges and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.app.report.exchanges == exchanges

    def close(self) -> None:
        self.server.shutdown()
        self.http.close()


@pytest.fixture()
def proxied() -> Iterator[tuple[Upstream, _Proxy]]:
    with Upstream().running() as upstream:
        proxy = _Proxy(upstream.url, max_check=8 * 1024 * 1024)
        try:
            yield upstream, proxy
        finally:
            proxy.close()


def _raw(port: int, head: str) -> bytes:
    """Send a raw request head and read the whole answer (the request asks to close)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode("ascii"))
        chunks = []
        while True:
            piece = sock.recv(65536)
            if not piece:
                return b"".join(chunks)
            chunks.append(piece)


def test_absolute_form_targets_and_host_headers_still_go_to_the_upstream(proxied: tuple[Upstream, _Proxy]) -> None:
    upstream, proxy = proxied
    with Upstream().running() as other:  # another server on loopback: it must never be contacted
        elsewhere = other.url.removesuffix(PREFIX).removeprefix("http://")
        answer = _raw(proxy.port, f"GET http://{elsewhere}/numbers/1 HTTP/1.1\r\nHost: {elsewhere}\r\nConnection: close\r\n\r\n")
        second = _raw(proxy.port, f"GET //{elsewhere}/x HTTP/1.1\r\nHost: {elsewhere}\r\nConnection: close\r\n\r\n")
        assert other.seen == []
    assert answer.startswith(b"HTTP/1.1 200 ")
    up_host = upstream.url.removesuffix(PREFIX).removeprefix("http://")
    assert upstream.seen[0] == ("GET", f"{PREFIX}/numbers/1", up_host)
    assert second.startswith(b"HTTP/1.1 404 ")  # the upstream's own answer to its path `//host/x`
    # http.server reduces leading slashes to one: the host in the path is a path segment, sent upstream
    assert upstream.seen[1] == ("GET", f"{PREFIX}/{elsewhere}/x", up_host)


def test_upstream_url_keeps_scheme_host_and_port() -> None:
    base = httpx.URL("http://127.0.0.1:8000/api")
    assert str(upstream_url(base, "/a?b=1")) == "http://127.0.0.1:8000/api/a?b=1"
    assert str(upstream_url(base, "http://evil.example:9/a")) == "http://127.0.0.1:8000/api/a"
    assert str(upstream_url(base, "//evil.example/a")) == "http://127.0.0.1:8000/api//evil.example/a"
    for target in ("*", "evil.example:443", "@evil.example/a"):
        with pytest.raises(OffUpstream):
            upstream_url(base, target)
    root = httpx.URL("http://127.0.0.1:8000")
    assert upstream_url(root, "//evil.example/a").host == "127.0.0.1"


def test_answers_pass_back_unchanged(proxied: tuple[Upstream, _Proxy]) -> None:
    upstream, proxy = proxied
    with httpx.Client(trust_env=False) as http:
        direct = http.get(f"{upstream.url}/numbers/1")
        through = http.get(f"http://127.0.0.1:{proxy.port}/numbers/1", headers={"Authorization": f"Bearer {TOKEN}"})
    assert through.status_code == direct.status_code == 200
    assert through.content == direct.content
    def end_to_end(response: httpx.Response) -> list[tuple[str, str]]:
        """The headers but Connection (hop-by-hop; the proxy closes) and Date's value (a second may pass)."""
        return [(k, "" if k == "date" else v) for k, v in response.headers.multi_items() if k != "connection"]

    assert end_to_end(through) == end_to_end(direct)  # Server and Date the upstream's, nothing added
    for name in ("content-type", "content-length", "x-trace-id", "x-ratelimit-limit"):
        assert through.headers[name] == direct.headers[name]
    assert upstream.seen[1][0:2] == ("GET", f"{PREFIX}/numbers/1")


def test_a_body_past_the_check_limit_is_forwarded_whole_and_reported_unchecked() -> None:
    with Upstream().running() as upstream:
        proxy = _Proxy(upstream.url, max_check=64)
        try:
            with httpx.Client(trust_env=False) as http:
                direct = http.get(f"{upstream.url}/cdrs")
                through = http.get(f"http://127.0.0.1:{proxy.port}/cdrs", headers={"Authorization": f"Bearer {TOKEN}"})
        finally:
            proxy.close()
    assert len(direct.content) > 64 and through.content == direct.content
    assert proxy.checked(1)
    kinds: dict[str, Any] = {f.kind: f for f in proxy.app.report.findings()}
    assert set(kinds) == {"unchecked-body"}
    assert kinds["unchecked-body"].location.pointer == "/paths/~1cdrs/get/responses/200"


def test_an_upstream_that_does_not_answer_is_a_502(tmp_path: Path) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    proxy = _Proxy(f"http://127.0.0.1:{port}", max_check=64)
    try:
        with httpx.Client(trust_env=False) as http:
            answer = http.get(f"http://127.0.0.1:{proxy.port}/numbers/1")
    finally:
        proxy.close()
    assert answer.status_code == 502
    assert answer.headers["content-type"] == "application/problem+json"
    assert proxy.app.report.exchanges == 0


def test_request_bodies_are_forwarded_as_sent_and_checked_at_their_schema(proxied: tuple[Upstream, _Proxy]) -> None:
    upstream, proxy = proxied
    body = b'{"name": "Call back", "task_list": "four", "contact_ids": [1, "two"]}'
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def pieces() -> Iterator[bytes]:
        yield body[:20]
        yield body[20:]

    with httpx.Client(trust_env=False) as http:
        whole = http.post(f"http://127.0.0.1:{proxy.port}/tasks", content=body, headers=auth)
        chunked = http.post(f"http://127.0.0.1:{proxy.port}/tasks", content=pieces(), headers=auth)
    assert whole.status_code == chunked.status_code == 201
    assert upstream.bodies == [body, body]  # the same bytes, whether sent with a length or chunked
    assert proxy.checked(2)
    found = {(f.kind, f.location.pointer, f.count) for f in proxy.app.report.findings()}
    assert found == {
        ("request-not-allowed", "/components/schemas/TaskCreateRequest/properties/task_list", 2),
        ("request-not-allowed", "/components/schemas/TaskCreateRequest/properties/contact_ids/items", 2),
    }


def test_a_compressed_answer_passes_compressed_and_is_checked_decoded(proxied: tuple[Upstream, _Proxy]) -> None:
    upstream, proxy = proxied
    with httpx.Client(trust_env=False) as http:
        direct = http.get(f"{upstream.url}/numbers/2")
        through = http.get(f"http://127.0.0.1:{proxy.port}/numbers/2", headers={"Authorization": f"Bearer {TOKEN}"})
    assert through.headers["content-encoding"] == "gzip"
    assert through.content == direct.content  # httpx decodes both the same way
    assert proxy.checked(1)
    kinds = {f.kind for f in proxy.app.report.findings()}
    assert kinds == {"wrong-type", "null-not-nullable", "undocumented-field"}
