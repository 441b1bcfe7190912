"""`trunkline mock` against hostile clients: huge, short, broken and deep bodies, slow and idle
sockets, malformed request lines and headers. Each test talks to a real server on 127.0.0.1 through
raw sockets, finishes in seconds (the limits are small here), and checks the server still answers
a normal request afterwards.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from generator.mock.app import MockApp
from generator.mock.body import MAX_BODY, MAX_DEPTH
from generator.mock.checks import MAX_PROBLEMS
from generator.mock.model import mock_spec
from generator.mock.server import Limits, MockServer, bind
from generator.reading.load import load
from tests.test_mock import AUTH, SPEC
from tests.test_replay_http import ROOT, MockProcess

CAP = 64 * 1024  # the body cap of the servers here
TIMEOUT = 1.0  # seconds a connection has to send its request here
WAIT = 5.0  # no socket operation of a test waits longer
AUTH_LINE = b"Authorization: Bearer secret\r\n"


class Mock:
    """A running mock: its address, the lines its app logged, and a way to check it still answers."""

    def __init__(self, server: MockServer, lines: list[str]) -> None:
        self.server = server
        self.lines = lines
        self.address = (str(server.server_address[0]), int(server.server_address[1]))

    def url(self, path: str) -> str:
        return f"http://{self.address[0]}:{self.address[1]}/base/v1{path}"

    def answers_normally(self) -> None:
        """A well-formed request gets its documented answer, quickly."""
        started = time.monotonic()
        response = httpx.get(self.url("/items/2"), headers=AUTH, timeout=WAIT)
        assert response.status_code == 200 and response.json() == {"id": 2, "name": "two"}
        assert time.monotonic() - started < 1.0


@contextmanager
def running(spec_file: Path, limits: Limits, max_body: int = CAP) -> Iterator[Mock]:
    lines: list[str] = []
    server = bind(MockApp(mock_spec(load(spec_file)), log=lines.append, max_body=max_body), "127.0.0.1", 0, limits)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Mock(server, lines)
    finally:
        server.shutdown()
        thread.join(WAIT)


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-mock") / "shop.yaml"
    path.write_text(SPEC)
    return path


@pytest.fixture()
def mock(spec_file: Path) -> Iterator[Mock]:
    with running(spec_file, Limits(timeout=TIMEOUT)) as server:
        yield server
        server.answers_normally()  # every test: the server is still up afterwards


def connect(mock: Mock) -> socket.socket:
    sock = socket.create_connection(mock.address, timeout=WAIT)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def parse(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one HTTP/1.1 response."""
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split(" ")[1]), headers, body


def send(mock: Mock, data: bytes, *, half_close: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes (then maybe end the sending side) and read the whole answer."""
    with connect(mock) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return parse(read_all(sock))


def problem(status: int, headers: dict[str, str], body: bytes) -> dict[str, object]:
    """The problem+json document of an answer, checked for its shape."""
    assert headers["content-type"] == "application/problem+json"
    document: dict[str, object] = json.loads(body)
    assert document["status"] == status
    return document


def post_head(length: int | None = None, extra: bytes = b"") -> bytes:
    framing = b"Transfer-Encoding: chunked\r\n" if length is None else f"Content-Length: {length}\r\n".encode()
    return b"POST /base/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + AUTH_LINE + framing + extra + b"\r\n"


# -- 1. the body is capped -------------------------------------------------------------------


def test_declared_body_over_the_cap_is_413_before_it_is_read(mock: Mock) -> None:
    started = time.monotonic()
    with connect(mock) as sock:
        sock.sendall(post_head(200 * 1024 * 1024) + b"{" * 1000)  # 200 MB announced, 1 kB sent
        status, headers, body = parse(read_all(sock))
    assert time.monotonic() - started < 2 * TIMEOUT  # answered at once, not after reading or timing out
    assert status == 413
    document = problem(status, headers, body)
    assert document["type"] == "urn:trunkline:mock:body-too-large"
    assert document["errors"] == [
        {"location": "body", "message": f"the body is 209715200 bytes; the mock takes at most {CAP} (--max-body)"}
    ]


def test_over_the_cap_with_expect_100_continue_never_asks_for_the_body(mock: Mock) -> None:
    with connect(mock) as sock:
        sock.sendall(post_head(200 * 1024 * 1024, b"Expect: 100-continue\r\n"))
        raw = read_all(sock)
    assert raw.startswith(b"HTTP/1.1 413 ")
    assert b"100 Continue" not in raw


def test_within_the_cap_expect_100_continue_asks_for_the_body(mock: Mock) -> None:
    body = b'{"name": "big", "size": 10}'
    with connect(mock) as sock:
        sock.sendall(post_head(len(body), b"Expect: 100-continue\r\n"))
        assert sock.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        status, _, answer = parse(read_all(sock))
    assert status == 201 and json.loads(answer) == {"id": 2, "name": "big", "size": 10}


def test_chunked_body_is_cut_off_at_the_cap(mock: Mock) -> None:
    chunk = b"4000\r\n" + b" " * 0x4000 + b"\r\n"  # 16 KiB a chunk; five pass the 64 KiB cap
    with connect(mock) as sock:
        sock.sendall(post_head() + chunk * 5)  # and never the last chunk: the server must not wait for it
        status, headers, body = parse(read_all(sock))
    assert status == 413
    assert problem(status, headers, body)["errors"] == [
        {"location": "body", "message": f"the chunked body passed {CAP} bytes, the most the mock takes (--max-body)"}
    ]


def test_a_client_still_sending_a_large_body_reads_its_413(mock: Mock) -> None:
    """The server drops what comes after its answer for a moment instead of resetting the connection."""
    response = httpx.post(mock.url("/items"), content=b"x" * (8 * 1024 * 1024), headers=AUTH, timeout=WAIT)
    assert response.status_code == 413


def test_body_exactly_at_the_cap_is_accepted_and_one_more_byte_is_not(mock: Mock) -> None:
    at_cap = b'{"name": "' + b"a" * (CAP - 12) + b'"}'
    assert len(at_cap) == CAP
    status, _, _ = send(mock, post_head(CAP) + at_cap)
    assert status == 201
    status, _, _ = send(mock, post_head(CAP + 1) + at_cap + b" ")
    assert status == 413


# -- 2. idle and slow connections are timed out and bounded ---------------------------------


def test_idle_connections_cost_no_thread_and_are_closed_after_the_timeout(spec_file: Path) -> None:
    limits = Limits(timeout=TIMEOUT, max_connections=2, max_queued=1)
    with running(spec_file, limits) as mock:
        idle = [connect(mock) for _ in range(40)]  # twenty times the threads there are
        try:
            mock.answers_normally()  # meanwhile
            started = time.monotonic()
            for sock in idle:
                assert read_all(sock) == b""  # closed by the server, unanswered
            assert time.monotonic() - started < TIMEOUT + 1.0
        finally:
            for sock in idle:
                sock.close()
        mock.answers_normally()


def test_idle_connections_past_the_bound_drop_the_oldest(spec_file: Path) -> None:
    limits = Limits(timeout=WAIT, max_idle=5)
    with running(spec_file, limits) as mock:
        idle = [connect(mock) for _ in range(8)]
        try:
            mock.answers_normally()  # its connection made room, not waited for the timeout
            time.sleep(0.3)
            idle[0].settimeout(0.5)
            assert read_all(idle[0]) == b""  # the oldest was closed to make room
            idle[-1].settimeout(0.3)
            with pytest.raises(TimeoutError):
                idle[-1].recv(1)  # the newest is still held
        finally:
            for sock in idle:
                sock.close()


def drip(sock: socket.socket, seconds: float) -> bytes:
    """Send one byte of a header every 0.1 s until the server answers or closes; what it sent."""
    received = b""
    started = time.monotonic()
    sock.settimeout(0.1)
    while time.monotonic() - started < seconds:
        try:
            sock.sendall(b"X")  # never idle, never done
        except OSError:
            break
        try:
            chunk = sock.recv(1024)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    return received


def test_a_slow_drip_of_headers_is_answered_408_at_the_timeout(mock: Mock) -> None:
    with connect(mock) as sock:
        sock.sendall(b"GET /base/v1/items/2 HTTP/1.1\r\nX-Slow: ")
        started = time.monotonic()
        raw = drip(sock, TIMEOUT + 2.0)
    assert TIMEOUT - 0.1 < time.monotonic() - started < TIMEOUT + 1.0
    status, headers, body = parse(raw)
    assert status == 408
    assert problem(status, headers, body)["detail"] == f"the request head did not arrive within {TIMEOUT:g} s (--timeout)"


def test_slow_drips_of_headers_hold_no_thread(spec_file: Path) -> None:
    limits = Limits(timeout=TIMEOUT, max_connections=2, max_queued=1)
    with running(spec_file, limits) as mock:
        slow = [connect(mock) for _ in range(20)]
        try:
            for sock in slow:
                sock.sendall(b"GET /base/v1/items/2 HTTP/1.1\r\nX-Slow: a")
            mock.answers_normally()  # meanwhile
            for sock in slow:
                assert read_all(sock).startswith(b"HTTP/1.1 408 ")
        finally:
            for sock in slow:
                sock.close()
        mock.answers_normally()


def test_a_slow_body_is_answered_400_at_the_timeout(mock: Mock) -> None:
    with connect(mock) as sock:
        sock.sendall(post_head(100) + b'{"name": ')  # 9 of 100 bytes, then nothing
        started = time.monotonic()
        status, headers, body = parse(read_all(sock))
    assert TIMEOUT - 0.1 < time.monotonic() - started < TIMEOUT + 1.0
    assert status == 400
    message = problem(status, headers, body)["errors"][0]["message"]  # type: ignore[index]
    assert message == f"the body did not arrive in time: the request took longer than {TIMEOUT:g} s (--timeout)"


def test_slow_bodies_take_the_threads_then_a_short_queue_then_503_and_all_recover(spec_file: Path) -> None:
    limits = Limits(timeout=TIMEOUT, max_connections=2, max_queued=1)
    with running(spec_file, limits) as mock:
        slow = [connect(mock) for _ in range(3)]  # two hold the threads, one waits in the queue
        try:
            for sock in slow:
                sock.sendall(post_head(100) + b'{"name": ')  # a whole head, then 9 of 100 bytes of body
            time.sleep(0.2)
            started = time.monotonic()
            status, headers, body = send(mock, b"GET /base/v1/items/2 HTTP/1.1\r\n" + AUTH_LINE + b"\r\n")
            assert time.monotonic() - started < 0.5
            assert status == 503 and headers["retry-after"] == "1"
            assert problem(status, headers, body)["type"] == "urn:trunkline:mock:busy"
            held, queued = slow[:2], slow[2]
            for sock in held:
                assert parse(read_all(sock))[0] == 400  # the body did not arrive in time
            assert parse(read_all(queued))[0] == 503  # its time ran out while it waited
        finally:
            for sock in slow:
                sock.close()
        mock.answers_normally()  # right after the slow ones ran out of time


# -- 3. malformed framing and bodies are 400, not 500 -----------------------------------------


def test_short_body_then_half_close_is_400(mock: Mock) -> None:
    status, headers, body = send(mock, post_head(100) + b'{"name": "x"}', half_close=True)
    assert status == 400
    document = problem(status, headers, body)
    assert document["detail"] == "the request body is malformed"
    assert document["errors"] == [{"location": "body", "message": "the body ended after 13 of the 100 bytes its Content-Length declares"}]


@pytest.mark.parametrize(
    ("chunks", "says"),
    [
        (b"zz\r\n{}\r\n0\r\n\r\n", "expected a chunk size in hexadecimal, got 'zz\\r\\n'"),
        (b"-2\r\n{}\r\n0\r\n\r\n", "expected a chunk size in hexadecimal, got '-2\\r\\n'"),
        (b"1" * 16 + b"\r\n{}\r\n0\r\n\r\n", f"expected a chunk size in hexadecimal, got '{'1' * 16}\\r\\n'"),
        (b"2" + b" " * 5000 + b"\r\n{}\r\n0\r\n\r\n", "a line of the chunked framing is longer than 4096 bytes"),
        (b"2\r\n{}XX0\r\n\r\n", "a chunk is longer than its size says (no line end after its data)"),
        (b"10\r\n{}", "the body ended with 14 bytes of a chunk still to come"),
        (b"2\r\n{}\r\n", "expected a chunk size in hexadecimal, got 'the end of the body'"),
        (b"2\r\n{}\r\n0\r\nX-Trailer: 1", "the body ended before the empty line after the last chunk"),
        (b"2\r\n{}\r\n0\r\n" + b"X: 1\r\n" * 101 + b"\r\n", "more than 100 trailer lines after the last chunk"),
    ],
    ids=["bad-size", "negative-size", "size-too-long", "size-line-too-long", "no-terminator", "cut-short", "no-last-chunk",
         "cut-in-trailers", "too-many-trailers"],
)
def test_bad_chunked_encoding_is_400(mock: Mock, chunks: bytes, says: str) -> None:
    status, headers, body = send(mock, post_head() + chunks, half_close=True)
    assert status == 400
    assert problem(status, headers, body)["errors"] == [{"location": "body", "message": f"the chunked body is malformed: {says}"}]


def test_a_good_chunked_body_is_read(mock: Mock) -> None:
    status, _, body = send(mock, post_head() + b"f\r\n{\"name\": \"big\",\r\nc\r\n \"size\": 10}\r\n0\r\n\r\n")
    assert status == 201 and json.loads(body)["size"] == 10


def test_chunk_extensions_and_trailers_are_ignored(mock: Mock) -> None:
    chunks = b"F ;name=value\r\n{\"name\": \"big\",\r\nc;x\r\n \"size\": 10}\r\n0\r\nX-Checksum: 1\r\n\r\n"
    status, _, body = send(mock, post_head() + chunks)
    assert status == 201 and json.loads(body)["size"] == 10


@pytest.mark.parametrize("depth", [100_000, MAX_DEPTH + 1], ids=["100k", "just-past-the-bound"])
def test_deep_json_is_400_without_recursing(spec_file: Path, depth: int) -> None:
    deep = b"[" * depth + b"]" * depth
    with running(spec_file, Limits(timeout=TIMEOUT), max_body=MAX_BODY) as mock:
        status, headers, body = send(mock, post_head(len(deep)) + deep)
        mock.answers_normally()
    assert status == 400
    assert problem(status, headers, body)["errors"] == [
        {"location": "body", "message": f"the body is not valid JSON: it nests deeper than {MAX_DEPTH} levels"}
    ]


def test_json_at_the_depth_bound_is_checked_as_usual(mock: Mock) -> None:
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    deep = f'{{"name": "x", "size": {nested}}}'.encode()
    status, headers, body = send(mock, post_head(len(deep)) + deep)
    assert status == 400
    assert [e["location"] for e in problem(status, headers, body)["errors"]] == ["body/size"]  # type: ignore[attr-defined]


def test_a_flood_of_bad_values_lists_a_bounded_number_of_problems(mock: Mock) -> None:
    """Ten thousand bad array items give 100 problems and a note, not an answer ten thousand long."""
    tags = ",".join(["x"] * 10_000)
    status, headers, body = send(mock, f"GET /base/v1/items?limit=1&tags={tags} HTTP/1.1\r\n".encode() + AUTH_LINE + b"\r\n")
    assert status == 400
    errors = problem(status, headers, body)["errors"]
    assert isinstance(errors, list) and len(errors) == MAX_PROBLEMS + 1
    assert errors[-1] == {"location": "query.tags.100", "message": f"and more problems; the mock lists the first {MAX_PROBLEMS}"}
    assert len(body) < 20_000


# -- malformed requests of every other kind: a 4xx problem, and the server stays up ---------


@pytest.mark.parametrize(
    ("request_bytes", "status", "says"),
    [
        (b"G(E)T /base/v1/items/2 HTTP/1.1\r\n\r\n", 400, "is not an HTTP token"),
        (b"GET /base/v1/items/2 HTTP/1.1\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n", 431, "headers are longer than 65536"),
        (b"GET /base/v1/items/2 HTTP/1.1\r\n" + b"X: a\r\n" * 11_000 + b"\r\n", 431, "headers are longer than 65536"),
        (b"GET /base/v1/items/2 HTTP/1.1\r\n" + b"X: a\r\n" * 101 + b"\r\n", 431, "Too many headers"),
        (b"GET /base/v1/" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414, "line is longer than 65536"),
        (b"GET /base/v1/items/\xff\xfe HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, "not printable ASCII"),
        (b"GET /base/v1/\x1b[31mred HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, "not printable ASCII"),
        (b"GET /base/v1/items/%00 HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, "the request does not match items_get"),
        (b"GET /base/v1/items/%ff HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, "the request does not match items_get"),
        (b"GET /base/v1/items/2 HTTP/1.1\r\n" + AUTH_LINE + b"broken header line\r\n\r\n", 200, None),
        (b"GET /base/v1/items/2 HTTP/9.9\r\n\r\n", 505, "Invalid HTTP version (9.9)"),
        (b"GET /base/v1/items/2 HTTP/1.1.1\r\n\r\n", 400, "Bad request version"),
        (b"GET\r\n\r\n", 400, "Bad request syntax"),
        (b"GET /base/v1/items/2 HTTP/1.1\n" + AUTH_LINE.replace(b"\r", b"") + b"\n", 200, None),
        (post_head(None, b"Content-Length: 2\r\n") + b"{}", 400, "both Transfer-Encoding and Content-Length"),
        (post_head(2, b"Content-Length: 3\r\n") + b"{}", 400, "more than once, with different values"),
        (post_head(None, b"Transfer-Encoding: gzip\r\n"), 400, "is not supported"),
        (post_head(None).replace(b"chunked", b"chunked, gzip"), 400, "is not supported"),
        (post_head(2).replace(b"Content-Length: 2", b"Content-Length: -2") + b"{}", 400, "is not a number of bytes"),
        (post_head(2).replace(b"Content-Length: 2", b"Content-Length: " + b"9" * 5000), 413, "the mock takes at most"),
        (b"GET /base/v1/items/" + b"9" * 5000 + b" HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, '"location": "path.id"'),
        (b"GET /base/v1/items?limit=" + b"9" * 5000 + b" HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, '"location": "query.limit"'),
        (b"GET /base/v1/items/%D9%A1%D9%A2 HTTP/1.1\r\n" + AUTH_LINE + b"\r\n", 400, "is not of type 'integer'"),
        (post_head(26) + b'{"name": "x", "size": 1e999}', 400, "the request does not match items_create"),
        (post_head(3) + b'"\xff"', 400, "the body is not valid JSON"),
        (post_head(13) + b'{"name": "\xe9"}', 400, "the body is not valid JSON"),
        (post_head(31) + b'{"name": "x", "size": "\\ud800"}', 400, "the request does not match items_create"),
        (post_head(13).replace(b"application/json", b"text/plain") + b'{"name": "x"}', 415, "does not take this content type"),
    ],
    ids=[
        "method-token", "huge-header", "many-headers", "101-headers", "huge-target", "non-utf8-path", "escape-in-path", "nul-in-path", "bad-percent",
        "header-without-colon", "http-9.9", "bad-version", "one-word", "bare-line-feeds", "te-and-cl", "two-lengths",
        "gzip-coding", "chunked-then-gzip", "negative-length", "5000-digit-length",
        "5000-digit-path-value", "5000-digit-query-value", "arabic-indic-digits", "json-infinite-number", "json-not-utf8", "json-latin1", "json-lone-surrogate", "wrong-content-type",
    ],
)
def test_malformed_requests_get_a_4xx_problem(mock: Mock, request_bytes: bytes, status: int, says: str | None) -> None:
    got, headers, body = send(mock, request_bytes)
    assert got == status
    if status < 300:
        return
    document = problem(got, headers, body)
    if says is not None:
        assert says in json.dumps(document, ensure_ascii=False)


def test_the_log_line_escapes_control_characters(mock: Mock) -> None:
    send(mock, b"GET /base/v1/\x1b[2Jcleared HTTP/1.1\r\n\r\n")
    assert mock.lines[-1].startswith("GET /base/v1/\\x1b[2Jcleared 400 ")
    assert not any("\x1b" in line for line in mock.lines)


# -- the command's options -----------------------------------------------------------------


def test_cli_limits_are_options(spec_file: Path) -> None:
    server = MockProcess(spec_file, "--max-body", "10", "--timeout", "0.5", "--max-connections", "1")
    try:
        address = tuple(server.url.split("//")[1].split("/")[0].split(":"))
        big = httpx.post(server.url + "/items", content=b'{"name": "x"}', headers={**AUTH, "Content-Type": "application/json"})
        assert big.status_code == 413
        assert big.json()["errors"][0]["message"] == "the body is 13 bytes; the mock takes at most 10 (--max-body)"
        with socket.create_connection((address[0], int(address[1])), timeout=WAIT) as idle:
            started = time.monotonic()
            assert read_all(idle) == b""
            assert time.monotonic() - started < 1.5  # --timeout 0.5
        assert httpx.get(server.url + "/items/2", headers=AUTH).status_code == 200
    finally:
        assert server.stop() == 0


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (["--max-body", "-1"], "--max-body -1 is negative"),
        (["--timeout", "0"], "--timeout 0.0 is out of range"),
        (["--timeout", "nan"], "--timeout nan is out of range"),
        (["--max-connections", "0"], "--max-connections 0 is out of range"),
    ],
)
def test_cli_refuses_a_limit_that_would_disable_itself(spec_file: Path, option: list[str], says: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "mock", str(spec_file), *option], cwd=ROOT, capture_output=True, text=True,
        timeout=30, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )
    assert result.returncode == 2
    assert result.stdout == "" and says in result.stderr and "Traceback" not in result.stderr


def test_idle_sockets_past_the_descriptor_limit_leave_room_to_serve(spec_file: Path) -> None:
    """With few file descriptors allowed, idle sockets are dropped before they starve a serving thread."""

    few_files = (
        "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_NOFILE, (48, 48)); "
        "sys.argv = ['generator.mock', sys.argv[1]]; runpy.run_module('generator.mock', run_name='__main__')"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", few_files, str(spec_file)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    idle: list[socket.socket] = []
    try:
        url = process.stdout.readline().strip()
        host, port = url.split("//")[1].split("/")[0].split(":")
        idle = [socket.create_connection((host, int(port)), timeout=WAIT) for _ in range(100)]
        for _ in range(3):
            assert httpx.get(url + "/items/2", headers=AUTH, timeout=WAIT).status_code == 200
    finally:
        for sock in idle:
            sock.close()
        process.terminate()
        assert process.wait(10) == 0
        log = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    assert "Traceback" not in log and "Too many open files" not in log
