"""What users of the best SDKs expect of a client: their http_client honoured, a User-Agent,
compressed answers, `with_options`, errors that read as a log line, connection errors that say
why, a closed client that says so, a long `Retry-After` that does not block, and a logging
switch. Every test runs the sync and the async client against scripted transports."""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import gzip
import inspect
import logging
import platform
import socket
import ssl
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import (
    FLAVOURS,
    NOW,
    Run,
    Script,
    default_credentials,
    documented_response,
    json_response,
    module,
)

MONICA_KEY = default_credentials("monica")["api_key"]
ACCEPT_ENCODING = httpx.Client().headers["accept-encoding"]  # what httpx offers here: gzip, deflate (br, zstd if installed)


def user_agent(vendor: str) -> str:
    """The User-Agent a package sends by default."""
    version = module(vendor).__version__
    return f"trunkline-{vendor}/{version} httpx/{httpx.__version__} python/{platform.python_version()}"


def call_with(
    vendor: str,
    flavour: str,
    script: Script,
    action: Callable[[Any], Any],
    *,
    http: dict[str, Any] | None = None,
    hooks: list[Callable[[httpx.Request], None]] | None = None,
    credentials: dict[str, str] | None = None,
    **client_kwargs: Any,
) -> Run:
    """Build a client of `flavour` over an http_client made with `http` (its headers, params...) and run `action`.

    `action(client)` may return a value or an awaitable; request `hooks` are installed as the
    http_client's event hooks (wrapped in coroutines on the async client).
    """
    pkg = module(vendor)
    outcome = Run(requests=script.requests)
    kwargs = {**(default_credentials(vendor) if credentials is None else credentials), **client_kwargs}
    kwargs.setdefault("clock", lambda: NOW)
    http = dict(http or {})
    if flavour == "sync":
        if hooks:
            http["event_hooks"] = {"request": hooks}
        try:
            client = pkg.Client(http_client=httpx.Client(transport=httpx.MockTransport(script), **http), sleep=outcome.sleeps.append, **kwargs)
            outcome.result = action(client)
        except Exception as exc:  # noqa: BLE001  (the test inspects it)
            outcome.error = exc
        return outcome

    async def sleep(seconds: float) -> None:
        outcome.sleeps.append(seconds)

    def wrap(hook: Callable[[httpx.Request], None]) -> Callable[[httpx.Request], Any]:
        async def run_hook(request: httpx.Request) -> None:
            hook(request)

        return run_hook

    async def main() -> None:
        if hooks:
            http["event_hooks"] = {"request": [wrap(h) for h in hooks]}
        try:
            client = pkg.AsyncClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(script), **http), sleep=sleep, **kwargs)
            value = action(client)
            outcome.result = await value if inspect.isawaitable(value) else value
        except Exception as exc:  # noqa: BLE001
            outcome.error = exc

    asyncio.run(main())
    return outcome


def monica_ok() -> httpx.Response:
    return json_response(200, fetch("monica").body)


# -- the user's http_client -----------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_http_client_headers_params_cookies_timeout_and_hooks_apply(flavour: str) -> None:
    seen: list[tuple[str, str | None]] = []
    http = {
        "headers": {"X-Team": "blue", "Authorization": "Bearer theirs"},
        "params": {"tenant": "t 1/2"},
        "cookies": {"sid": "abc"},
        "timeout": httpx.Timeout(7.0),
    }
    script = Script(monica_ok())
    hook = lambda r: seen.append((str(r.url), r.headers.get("authorization")))
    outcome = call_with("monica", flavour, script, fetch("monica").invoke, http=http, hooks=[hook])
    assert outcome.error is None, outcome.error
    (sent,) = script.requests
    assert str(sent.url) == "https://app.monicahq.com/api/calls/1?tenant=t%201%2F2"
    assert sorted(sent.headers.multi_items()) == sorted(
        [
            ("host", "app.monicahq.com"),
            ("accept", "application/json"),
            ("accept-encoding", ACCEPT_ENCODING),
            ("connection", "keep-alive"),
            ("user-agent", user_agent("monica")),
            ("x-team", "blue"),
            ("authorization", f"Bearer {MONICA_KEY}"),  # the API credential, not the http_client's header
            ("cookie", "sid=abc"),
        ]
    )
    assert sent.extensions["timeout"] == httpx.Timeout(7.0).as_dict()
    # The event hook saw the request as sent, credential included.
    assert seen == [("https://app.monicahq.com/api/calls/1?tenant=t%201%2F2", f"Bearer {MONICA_KEY}")]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_calls_own_query_and_cookies_win_over_the_http_clients(flavour: str) -> None:
    # Agendize sends its API keys in the query: the http_client's `apiKey` param is not sent.
    http = {"params": {"apiKey": "theirs", "extra": "1"}, "cookies": {"sid": "abc"}}
    script = Script(json_response(200, {"id": "c-1"}))
    outcome = call_with("agendize", flavour, script, fetch("agendize").invoke, http=http)
    assert outcome.error is None, outcome.error
    creds = default_credentials("agendize")
    assert str(script.requests[0].url) == (
        f"https://api.agendize.com/api/2.0/calls/c-1?apiKey={creds['api_key']}&token={creds['token']}&extra=1"
    )
    assert script.requests[0].headers["cookie"] == "sid=abc"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_http_client_params_keep_the_calls_own_encoding(flavour: str) -> None:
    # httpx, left alone, replaces the query the runtime built with the http_client's params.
    script = Script(json_response(200, documented_response("monica", "calls_list")))
    action = lambda c: c.calls.list(limit=5, page=2, sort="-called_at")
    outcome = call_with("monica", flavour, script, action, http={"params": {"page": "9", "x": "a b"}})
    assert outcome.error is None, outcome.error
    assert str(script.requests[0].url) == "https://app.monicahq.com/api/calls?limit=5&page=2&sort=-called_at&x=a%20b"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_explicit_timeout_wins_over_the_http_clients_and_httpx_default_is_not_taken(flavour: str) -> None:
    script = Script(monica_ok(), monica_ok())
    call_with("monica", flavour, script, fetch("monica").invoke, http={"timeout": 7.0}, timeout=3.0)
    call_with("monica", flavour, script, fetch("monica").invoke)  # httpx's 5 s default: the package's 60 s applies
    assert script.requests[0].extensions["timeout"] == httpx.Timeout(3.0).as_dict()
    assert script.requests[1].extensions["timeout"] == {"connect": 10.0, "read": 60.0, "write": 60.0, "pool": 60.0}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_http_client_with_auth_is_refused(flavour: str) -> None:
    script = Script()
    outcome = call_with("monica", flavour, script, fetch("monica").invoke, http={"auth": ("user", "pass")})
    assert isinstance(outcome.error, ValueError)
    assert str(outcome.error).startswith(
        "http_client has auth= set, which httpx would let replace this API's credential on every request; remove it"
    )
    assert script.requests == []


# -- User-Agent and compression -------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_user_agent_by_default_and_each_way_to_override_it(flavour: str) -> None:
    script = Script(*(monica_ok() for _ in range(4)))
    invoke = fetch("monica").invoke
    call_with("monica", flavour, script, invoke)
    call_with("monica", flavour, script, invoke, default_headers={"User-Agent": "mine/1"})
    call_with("monica", flavour, script, invoke, http={"headers": {"User-Agent": "theirs/2"}})
    call_with("monica", flavour, script, lambda c: c.calls.get(id=1, request_options={"extra_headers": {"user-agent": "call/3"}}))
    agents = [r.headers.get_list("user-agent") for r in script.requests]
    assert agents == [[user_agent("monica")], ["mine/1"], ["theirs/2"], ["call/3"]]
    assert user_agent("monica") == module("monica")._runtime.USER_AGENT


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_gzip_answers_are_accepted_and_the_cap_holds_on_the_decompressed_size(flavour: str) -> None:
    body = fetch("monica").body
    packed = gzip.compress(httpx.Response(200, json=body).content)
    ok = httpx.Response(200, content=packed, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    bomb = gzip.compress(b"[" + b" " * 5_000_000 + b"]")  # 5 MB of JSON in about 5 KB
    big = httpx.Response(200, content=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    script = Script(ok, big)
    first = call_with("monica", flavour, script, fetch("monica").invoke)
    second = call_with("monica", flavour, script, fetch("monica").invoke, max_response_size=1_000_000)
    assert script.requests[0].headers["accept-encoding"] == ACCEPT_ENCODING
    assert first.error is None and first.result.data.id == body["data"]["id"]
    assert len(bomb) < 1_000_000
    assert type(second.error) is module("monica").ResponseTooLargeError


# -- with_options / copy --------------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_with_options_changes_only_what_is_asked_and_shares_the_pool(flavour: str) -> None:
    script = Script(monica_ok(), httpx.Response(503), httpx.Response(503))
    pkg = module("monica")

    async def both(client: Any) -> Any:
        assert client.calls._client is client
        copy = client.with_options(timeout=3.0, max_retries=1, default_headers={"X-Team": "red"})
        assert copy._http is client._http and type(copy) is type(client)
        assert copy.calls is not client.calls and copy.calls._client is copy
        await finish(client.calls.get(id=1))
        with pytest.raises(pkg.InternalServerError):  # max_retries=1: two 503s and it gives up
            await finish(copy.calls.get(id=1))
        return copy

    def sync_both(client: Any) -> Any:
        return asyncio.run(both(client))

    outcome = call_with("monica", flavour, script, sync_both if flavour == "sync" else both, default_headers={"X-Team": "blue"})
    assert outcome.error is None, outcome.error
    original, *copied = script.requests
    assert original.headers["x-team"] == "blue" and original.extensions["timeout"]["read"] == 60.0
    assert [r.headers["x-team"] for r in copied] == ["red"] * 2
    assert [r.extensions["timeout"] for r in copied] == [httpx.Timeout(3.0).as_dict()] * 2
    assert len(outcome.sleeps) == 1
    copy = outcome.result
    assert copy.retry.max_retries == 1 and copy.timeout == 3.0 and copy.base_url == "https://app.monicahq.com/api"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_closing_a_copy_leaves_the_pool_open_and_closing_the_original_closes_both(flavour: str) -> None:
    pkg = module("monica")
    cls = pkg.Client if flavour == "sync" else pkg.AsyncClient

    async def main() -> None:
        client = cls(api_key="k" * 8)
        copy = client.copy(max_response_size=10)
        assert copy.max_response_size == 10 and client.max_response_size == pkg._runtime.DEFAULT_MAX_RESPONSE_SIZE
        strict = client.with_options(strict=not client.strict)
        assert strict.strict is not client.strict and copy.strict is client.strict
        await _close(copy)
        assert copy.is_closed and not client.is_closed and not client._http.is_closed
        await _close(client)
        assert client.is_closed and client._http.is_closed

    asyncio.run(main())


def test_max_retries_with_retry_is_refused() -> None:
    pkg = module("monica")
    policy = pkg.RetryPolicy(max_retries=4)
    for cls in (pkg.Client, pkg.AsyncClient):
        with pytest.raises(ValueError, match=r"^pass max_retries= or retry=, not both"):
            cls(api_key="k", max_retries=1, retry=policy)
        client = cls(api_key="k", retry=policy)
        assert client.retry.max_retries == 4
        with pytest.raises(ValueError, match=r"^pass max_retries= or retry=, not both"):
            client.with_options(max_retries=1, retry=policy)
        assert client.with_options(retry=pkg.RetryPolicy(max_retries=0)).retry.max_retries == 0


async def finish(value: Any) -> Any:
    """`value`, awaited when the async client returned a coroutine."""
    return await value if inspect.isawaitable(value) else value


async def _close(client: Any) -> None:
    closing = client.close() if hasattr(client, "close") else client.aclose()
    if inspect.isawaitable(closing):
        await closing


# -- errors that read as a log line ---------------------------------------------------------

SERVER_MESSAGES = [
    ({"message": "Call 99 does not exist"}, "Call 99 does not exist"),
    ({"error": {"message": "The resource has not been found", "error_code": 31}}, "The resource has not been found"),
    ({"error": "invalid_grant", "error_description": "expired"}, "invalid_grant"),
    ({"detail": "No call with this id"}, "No call with this id"),
    ({"errors": [{"message": "id is unknown"}, {"message": "second"}]}, "id is unknown"),
    ({"type": "about:blank", "title": "Not Found"}, "Not Found"),
    ({"detail": [{"loc": ["path", "id"], "msg": "bad id"}]}, "bad id"),
    ({"message": "two\nlines\u202e and\tbidi"}, "two lines and bidi"),
    ({"message": f"token {MONICA_KEY} is revoked"}, "token *** is revoked"),
    ({"message": "x" * 1000}, "x" * 297 + "..."),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("body", "said"), SERVER_MESSAGES, ids=[str(i) for i in range(len(SERVER_MESSAGES))])
def test_str_of_a_status_error_holds_the_servers_message(body: Any, said: str, flavour: str) -> None:
    outcome = call_with("monica", flavour, Script(json_response(404, body)), fetch("monica").invoke)
    assert type(outcome.error) is module("monica").NotFoundError
    assert str(outcome.error) == f"calls_get: 404 Not Found: {said}"
    assert outcome.error.request_id is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_text_plain_and_bodies_without_a_message(flavour: str) -> None:
    script = Script(
        httpx.Response(502, text="upstream down\n", headers={"Content-Type": "text/plain"}),
        httpx.Response(502, html="<h1>Bad gateway</h1>"),
        json_response(404, {"code": 7}),
    )
    texts = [str(call_with("monica", flavour, script, fetch("monica").invoke, max_retries=0).error) for _ in range(3)]
    assert texts == ["calls_get: 502 Bad Gateway: upstream down", "calls_get: 502 Bad Gateway", "calls_get: 404 Not Found"]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("header", ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"])
def test_request_id_from_the_usual_headers(header: str, flavour: str) -> None:
    script = Script(json_response(404, {"message": "gone"}, {header: "req-42"}))
    outcome = call_with("monica", flavour, script, fetch("monica").invoke)
    assert outcome.error.request_id == "req-42"
    assert str(outcome.error) == "calls_get: 404 Not Found: gone (request id req-42)"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_x_request_id_wins_and_the_id_is_printable(flavour: str) -> None:
    script = Script(json_response(500, {}, {"request-id": "second", "x-request-id": "a\x01b"}))
    outcome = call_with("monica", flavour, script, fetch("monica").invoke, max_retries=0)
    assert outcome.error.request_id == "ab"


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("All connection attempts failed", request=request) from ConnectionRefusedError(111, "Connection refused")


def dns(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from socket.gaierror(-2, "Name or service not known")


def tls(request: httpx.Request) -> httpx.Response:
    cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    cause.verify_message = "self-signed certificate"
    raise httpx.ConnectError("certificate verify failed", request=request) from cause


def read_timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


CONNECTION_FAILURES = [
    (refused, "APIConnectionError", "refused", "connection refused"),
    (dns, "APIConnectionError", "dns", "DNS lookup failed (Name or service not known)"),
    (tls, "APIConnectionError", "tls", "TLS certificate verification failed (self-signed certificate)"),
    (read_timeout, "APITimeoutError", "timeout", "timed out waiting for the answer"),
    (httpx.RemoteProtocolError, "APIConnectionError", "protocol", "the server closed the connection or broke HTTP"),
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("step", "cls", "reason", "why"), CONNECTION_FAILURES, ids=[c[2] for c in CONNECTION_FAILURES])
def test_connection_errors_say_why_without_secrets(step: Any, cls: str, reason: str, why: str, flavour: str) -> None:
    script = Script(step, step)
    outcome = call_with("agendize", flavour, script, fetch("agendize").invoke, max_retries=1)
    assert type(outcome.error) is getattr(module("agendize"), cls)
    assert str(outcome.error) == f"calls_get: {why} (api.agendize.com; 2 attempt(s))"
    assert outcome.error.reason == reason
    assert "secret" not in str(outcome.error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_real_refused_connection_is_named(flavour: str) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pkg = module("monica")

    async def main() -> BaseException:
        cls = pkg.Client if flavour == "sync" else pkg.AsyncClient
        client = cls(api_key="k" * 8, base_url=f"http://127.0.0.1:{port}/api", max_retries=0)
        try:
            result = client.calls.get(id=1)
            if inspect.isawaitable(result):
                await result
        except pkg.APIError as exc:
            return exc
        finally:
            await _close(client)
        raise AssertionError("the call succeeded")

    error = asyncio.run(main())
    assert type(error) is pkg.APIConnectionError
    assert str(error) == f"calls_get: connection refused (127.0.0.1:{port}; 1 attempt(s))"
    assert error.reason == "refused"


# -- a closed client ------------------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_call_after_close_raises_the_packages_error(flavour: str) -> None:
    pkg = module("monica")
    script = Script(monica_ok())

    async def closed_call(client: Any) -> Any:
        assert not client.is_closed
        await _close(client)
        assert client.is_closed
        return await finish(client.calls.get(id=1))

    outcome = call_with("monica", flavour, script, lambda c: asyncio.run(closed_call(c)) if flavour == "sync" else closed_call(c))
    assert type(outcome.error) is pkg.ClientClosedError
    assert isinstance(outcome.error, pkg.APIError)
    assert str(outcome.error) == f"this {'Client' if flavour == 'sync' else 'AsyncClient'} is closed; make a new one (or use it in a with block)"
    assert script.requests == []


def test_a_closed_http_client_makes_the_client_closed() -> None:
    pkg = module("monica")
    http = httpx.Client(transport=httpx.MockTransport(Script()))
    client = pkg.Client(api_key="k" * 8, http_client=http)
    http.close()
    assert client.is_closed
    with pytest.raises(pkg.ClientClosedError):
        client.calls.get(id=1)
    with pkg.Client(api_key="k" * 8) as inside:
        pass
    assert inside.is_closed


# -- Retry-After beyond the cap -------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("value", "seconds"), [("120", 120.0), (email.utils.formatdate(NOW + 3600, usegmt=True), 3600.0)])
def test_retry_after_beyond_the_cap_is_raised_at_once_with_retry_after(value: str, seconds: float, flavour: str) -> None:
    pkg = module("monica")
    script = Script(json_response(429, {"message": "slow down"}, {"Retry-After": value}))
    outcome = call_with("monica", flavour, script, fetch("monica").invoke)  # max_retry_after: 60 s by default
    assert type(outcome.error) is pkg.RateLimitError
    assert outcome.error.retry_after == seconds
    assert str(outcome.error) == f"calls_get: 429 Too Many Requests: slow down (retry after {seconds:.0f} s)"
    assert outcome.sleeps == [] and len(script.requests) == 1


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_retry_after_within_the_cap_is_still_waited_and_a_last_error_carries_it(flavour: str) -> None:
    script = Script(*(json_response(503, {}, {"Retry-After": "20"}) for _ in range(2)))
    outcome = call_with("monica", flavour, script, fetch("monica").invoke, max_retries=1)
    assert outcome.sleeps == [20.0]
    assert outcome.error.retry_after == 20.0


# -- logging --------------------------------------------------------------------------------


@pytest.fixture
def fresh_logging(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The monica runtime with no log handler installed yet; whatever a test installs is removed after it."""
    runtime = module("monica")._runtime
    loggers = [runtime.logger, logging.getLogger("httpx")]
    levels = [lg.level for lg in loggers]
    monkeypatch.setattr(runtime, "_LOG_HANDLER", None)
    yield runtime
    for lg, level in zip(loggers, levels, strict=True):
        if runtime._LOG_HANDLER is not None:
            lg.removeHandler(runtime._LOG_HANDLER)
        lg.setLevel(level)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_log_env_debug_writes_each_request_to_stderr(
    flavour: str, fresh_logging: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MONICA_LOG", "debug")
    outcome = call_with("monica", flavour, Script(monica_ok()), fetch("monica").invoke)
    assert outcome.error is None
    err = capsys.readouterr().err
    lines = [line.split("] ", 1)[1] for line in err.splitlines()]
    assert any(line.startswith("GET https://app.monicahq.com/api/calls/1 -> 200 (") for line in lines), err
    assert 'HTTP Request: GET https://app.monicahq.com/api/calls/1 "HTTP/1.1 200 OK"' in lines, err
    assert "trunkline_monica DEBUG" in err and MONICA_KEY not in err


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_log_env_info_masks_query_credentials(
    flavour: str, fresh_logging: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agendize = module("agendize")._runtime
    monkeypatch.setattr(agendize, "_LOG_HANDLER", None)
    monkeypatch.setenv("AGENDIZE_LOG", "INFO")
    try:
        call_with("agendize", flavour, Script(json_response(200, {"id": "c-1"})), fetch("agendize").invoke)
    finally:
        handler = agendize._LOG_HANDLER
        for lg in (agendize.logger, logging.getLogger("httpx")):
            lg.removeHandler(handler)
        agendize.logger.setLevel(logging.NOTSET)
    err = capsys.readouterr().err
    assert "HTTP Request: GET https://api.agendize.com/api/2.0/calls/c-1?apiKey=***&token=*** " in err, err
    assert "secret" not in err and "DEBUG" not in err


def test_no_log_env_no_handler(fresh_logging: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONICA_LOG", raising=False)
    module("monica").Client(api_key="k" * 8)
    monkeypatch.setenv("MONICA_LOG", "verbose")  # not a level this switch knows
    module("monica").Client(api_key="k" * 8)
    assert fresh_logging._LOG_HANDLER is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_json_body_is_readable_in_an_event_hook(flavour: str) -> None:
    # Hooks run before the transport reads the body: `request.content` must already be there.
    bodies: list[bytes] = []
    action = lambda c: c.calls.create(content="hi", contact_id=3, called_at=datetime.date(2024, 1, 2))
    script = Script(monica_ok())
    outcome = call_with("monica", flavour, script, action, hooks=[lambda r: bodies.append(r.content)])
    assert outcome.error is None, outcome.error
    assert bodies == [b'{"content":"hi","contact_id":3,"called_at":"2024-01-02"}']
    assert script.requests[0].headers["content-length"] == str(len(bodies[0]))


def test_tls_errors_without_detail_still_say_tls() -> None:
    runtime = module("monica")._runtime
    request = httpx.Request("GET", "https://app.monicahq.com/api/calls/1")
    plain = httpx.ConnectError("x", request=request)
    plain.__cause__ = ssl.SSLError(1, "handshake")
    bare = httpx.ConnectError("x", request=request)
    bare.__cause__ = ssl.SSLCertVerificationError(1, "verify")
    assert runtime._failure(plain) == ("tls", "TLS handshake failed (SSLError)")
    assert runtime._failure(bare) == ("tls", "TLS certificate verification failed (no detail)")
