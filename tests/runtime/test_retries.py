"""Retries, backoff, Retry-After and timeouts of every generated client, sync and async."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from tests.runtime.cases import create, fetch
from tests.runtime.support import FLAVOURS, NOW, VENDORS, Script, json_response, module, run

NO_JITTER = {"rand": lambda: 0.0}


def _policy(vendor: str, **kwargs: object) -> object:
    return module(vendor).RetryPolicy(**{**NO_JITTER, **kwargs})


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_429_then_200_waits_retry_after_seconds(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(json_response(429, {}, {"Retry-After": "7"}), json_response(call.status, call.body))
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor))
    assert outcome.error is None, outcome.error
    assert outcome.sleeps == [7.0]
    assert len(script.requests) == 2
    assert outcome.result is not None


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_503_three_times_exhausts_retries_with_exponential_backoff(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(*(httpx.Response(503, text="busy") for _ in range(3)))
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor, max_retries=2))
    pkg = module(vendor)
    assert isinstance(outcome.error, pkg.InternalServerError)
    assert outcome.error.status_code == 503
    assert outcome.error.content == b"busy"
    assert outcome.sleeps == [0.5, 1.0]
    assert len(script.requests) == 3


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_backoff_is_capped_and_jittered_by_the_injected_random(flavour: str) -> None:
    call = fetch("monica")
    script = Script(*(httpx.Response(500) for _ in range(5)), json_response(200, call.body))
    policy = module("monica").RetryPolicy(max_retries=5, initial_delay=1.0, max_delay=4.0, jitter=0.5, rand=lambda: 0.5)
    outcome = run("monica", flavour, script, call.invoke, retry=policy)
    assert outcome.error is None
    # 1, 2, 4, 4 (capped), 4, each less a quarter (jitter 0.5 x rand 0.5)
    assert outcome.sleeps == [0.75, 1.5, 3.0, 3.0, 3.0]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_retry_after_as_http_date_uses_the_injected_clock(flavour: str) -> None:
    call = fetch("hipcall")
    when = email.utils.formatdate(NOW + 30, usegmt=True)
    script = Script(json_response(503, {"errors": "x"}, {"Retry-After": when}), json_response(200, call.body))
    outcome = run("hipcall", flavour, script, call.invoke, retry=_policy("hipcall"))
    assert outcome.error is None
    assert outcome.sleeps == [30.0]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_unparseable_retry_after_falls_back_to_backoff(flavour: str) -> None:
    call = fetch("monica")
    script = Script(json_response(429, {}, {"Retry-After": "soon"}), json_response(200, call.body))
    outcome = run("monica", flavour, script, call.invoke, retry=_policy("monica"))
    assert outcome.sleeps == [0.5]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_connection_reset_then_success(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(httpx.ConnectError, httpx.RemoteProtocolError, json_response(call.status, call.body))
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor))
    assert outcome.error is None, outcome.error
    assert outcome.sleeps == [0.5, 1.0]
    assert len(script.requests) == 3


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_connection_errors_exhausted_raise_connection_error(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(httpx.ConnectError, httpx.ConnectError, httpx.ConnectError)
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor))
    pkg = module(vendor)
    assert type(outcome.error) is pkg.APIConnectionError
    assert isinstance(outcome.error, pkg.APIError)
    assert "3 attempt(s)" in str(outcome.error)
    assert outcome.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_timeout_raises_timeout_error_after_retries(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(httpx.ReadTimeout, httpx.ConnectTimeout, httpx.ReadTimeout)
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor))
    pkg = module(vendor)
    assert isinstance(outcome.error, pkg.APITimeoutError)
    assert isinstance(outcome.error, pkg.APIConnectionError)
    assert len(script.requests) == 3


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_408_is_retried(flavour: str) -> None:
    call = fetch("voipnow")
    script = Script(httpx.Response(408), json_response(200, call.body))
    outcome = run("voipnow", flavour, script, call.invoke, retry=_policy("voipnow"))
    assert outcome.error is None
    assert len(script.requests) == 2


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(status: int, flavour: str) -> None:
    call = fetch("monica")
    script = Script(json_response(status, {"error": {"message": "no", "error_code": 31}}))
    outcome = run("monica", flavour, script, call.invoke, retry=_policy("monica"))
    assert isinstance(outcome.error, module("monica").APIStatusError)
    assert outcome.sleeps == []
    assert len(script.requests) == 1


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_non_idempotent_calls_are_not_retried_by_default(vendor: str, flavour: str) -> None:
    call = create(vendor)
    script = Script(httpx.Response(503))
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor))
    assert isinstance(outcome.error, module(vendor).InternalServerError)
    assert [r.method for r in script.requests] == ["POST"]
    assert outcome.sleeps == []


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_non_idempotent_calls_retry_when_asked(vendor: str, flavour: str) -> None:
    call = create(vendor)
    script = Script(httpx.ConnectError, httpx.Response(call.status, json=call.body) if call.body is not None else httpx.Response(call.status))
    outcome = run(vendor, flavour, script, call.invoke, retry=_policy(vendor), retry_non_idempotent=True)
    assert outcome.error is None, outcome.error
    assert len(script.requests) == 2
    assert script.requests[0].content == script.requests[1].content


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_max_retries_per_client(flavour: str) -> None:
    call = fetch("hipcall")
    script = Script(*(httpx.Response(502) for _ in range(5)))
    outcome = run("hipcall", flavour, script, call.invoke, max_retries=4)
    assert isinstance(outcome.error, module("hipcall").InternalServerError)
    assert len(script.requests) == 5
    assert len(outcome.sleeps) == 4
    # default policy: 0.5 * 2**n less up to a quarter of jitter
    for attempt, waited in enumerate(outcome.sleeps):
        assert 0.75 * 0.5 * 2**attempt <= waited <= 0.5 * 2**attempt


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("per_call", [0, 1, 3])
def test_max_retries_per_call_overrides_the_client(per_call: int, flavour: str) -> None:
    script = Script(*(httpx.Response(500) for _ in range(per_call + 1)))
    outcome = run(
        "monica", flavour, script,
        lambda c: c.calls.get(id=1, request_options={"max_retries": per_call}),
        retry=_policy("monica", max_retries=2),
    )
    assert isinstance(outcome.error, module("monica").InternalServerError)
    assert len(script.requests) == per_call + 1
    assert len(outcome.sleeps) == per_call


def _timeouts(request: httpx.Request) -> dict[str, float | None]:
    return dict(request.extensions["timeout"])


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_default_client_and_per_call_timeouts(flavour: str) -> None:
    call = fetch("monica")
    script = Script(*(json_response(200, call.body) for _ in range(3)))

    def action(client: object) -> object:
        async def both() -> None:
            await client.calls.get(id=1)  # type: ignore[attr-defined]
            await client.calls.get(id=1, request_options={"timeout": 2.5})  # type: ignore[attr-defined]

        if flavour == "async":
            return both()
        client.calls.get(id=1)  # type: ignore[attr-defined]
        client.calls.get(id=1, request_options={"timeout": 2.5})  # type: ignore[attr-defined]
        return None

    outcome = run("monica", flavour, script, action)
    assert outcome.error is None
    assert _timeouts(script.requests[0]) == {"connect": 10.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert _timeouts(script.requests[1]) == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}

    script = Script(json_response(200, call.body))
    outcome = run("monica", flavour, script, call.invoke, timeout=httpx.Timeout(12.0, connect=3.0))
    assert _timeouts(script.requests[0]) == {"connect": 3.0, "read": 12.0, "write": 12.0, "pool": 12.0}
