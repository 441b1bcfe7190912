"""Reading answers: empty and binary bodies, raw and streamed responses, and answers that are broken or hostile."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import FLAVOURS, VENDORS, Script, default_credentials, json_response, module, run

AUDIO = bytes(range(256)) * 40


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_204_returns_none(flavour: str) -> None:
    script = Script(httpx.Response(204))
    outcome = run("hipcall", flavour, script, lambda c: c.companies.remove_tag(id=4, tag_id=9))
    assert outcome.error is None, outcome.error
    assert outcome.result is None
    assert script.requests[0].method == "DELETE"
    assert script.requests[0].url.path == "/api/v20211124/companies/4/tags/9"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_documented_204_alternative_returns_none(flavour: str) -> None:
    outcome = run("voipnow", flavour, Script(httpx.Response(204)), lambda c: c.phone_calls.create_simple(user_id="@me"))
    assert outcome.error is None and outcome.result is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_empty_200_body_returns_none(flavour: str) -> None:
    outcome = run("monica", flavour, Script(httpx.Response(200, content=b"")), lambda c: c.calls.get(id=1))
    assert outcome.error is None and outcome.result is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_recording_as_bytes(flavour: str) -> None:
    script = Script(httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/mpeg"}))
    outcome = run("snapcall", flavour, script, lambda c: c.calls.get_recording(id=123))
    assert outcome.error is None, outcome.error
    assert outcome.result == AUDIO
    assert script.requests[0].url.path == "/v2/calls/123/recording"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_recording_as_a_stream(flavour: str) -> None:
    script = Script(httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/wav"}))
    options = {"stream": True}

    def action(client: Any) -> Any:
        if flavour == "sync":
            with client.with_raw_response.calls.get_recording(id=123, request_options=options) as raw:
                assert raw.status_code == 200
                return raw.headers["content-type"], list(raw.iter_bytes(1000))

        async def read() -> Any:
            raw = await client.with_raw_response.calls.get_recording(id=123, request_options=options)
            async with raw:
                return raw.headers["content-type"], [chunk async for chunk in raw.aiter_bytes(1000)]

        return read()

    outcome = run("snapcall", flavour, script, action)
    assert outcome.error is None, outcome.error
    content_type, chunks = outcome.result
    assert content_type == "audio/wav"
    assert len(chunks) > 1
    assert b"".join(chunks) == AUDIO


def test_stream_without_raw_response_is_refused() -> None:
    outcome = run("snapcall", "sync", Script(), lambda c: c.calls.get_recording(id=1, request_options={"stream": True}))
    assert isinstance(outcome.error, ValueError)
    assert "with_raw_response" in str(outcome.error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_streamed_json_parses_when_read(flavour: str) -> None:
    pkg = module("monica")
    call = fetch("monica")
    script = Script(json_response(200, call.body))
    options = {"stream": True}

    def action(client: Any) -> Any:
        if flavour == "sync":
            return client.with_raw_response.calls.get(id=1, request_options=options).parse()

        async def read() -> Any:
            raw = await client.with_raw_response.calls.get(id=1, request_options=options)
            assert json.loads(await raw.aread()) == call.body
            return raw.parse()

        return read()

    outcome = run("monica", flavour, script, action)
    assert outcome.error is None, outcome.error
    assert isinstance(outcome.result, pkg.models.CallResponse)
    assert outcome.result.data.id == call.body["data"]["id"]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_raw_response_next_to_the_parsed_model(vendor: str, flavour: str) -> None:
    call = fetch(vendor)
    script = Script(json_response(call.status, call.body, {"X-RateLimit-Remaining": "59"}))

    def action(client: Any) -> Any:
        return call.invoke(client.with_raw_response)

    outcome = run(vendor, flavour, script, action)
    raw = outcome.result
    assert isinstance(raw, module(vendor).RawResponse)
    assert raw.status_code == call.status
    assert raw.headers["x-ratelimit-remaining"] == "59"
    assert json.loads(raw.content) == call.body
    plain = run(vendor, flavour, Script(json_response(call.status, call.body)), call.invoke).result
    assert raw.parse() == plain


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_response_of_an_error_raises_the_status_error(flavour: str) -> None:
    pkg = module("monica")
    outcome = run("monica", flavour, Script(json_response(404, {"error": {"error_code": 31}})), lambda c: c.with_raw_response.calls.get(id=1))
    assert isinstance(outcome.error, pkg.NotFoundError)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_response_of_a_list_call_parses_to_the_page(flavour: str) -> None:
    pkg = module("snapcall")
    outcome = run("snapcall", flavour, Script(json_response(200, {"data": [{"id": 1}]})), lambda c: c.with_raw_response.calls.list(limit=5))
    raw = outcome.result
    assert raw.status_code == 200
    page = raw.parse()
    assert isinstance(page, pkg.AsyncPage if flavour == "async" else pkg.Page)
    assert page.items == [{"id": 1}]


# -- issue 9: answers that are broken or hostile ---------------------------------------------


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent in 8 KiB chunks without a length, sync or async; counts what was pulled."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pulled = 0

    def __iter__(self) -> Any:
        for start in range(0, len(self.data), 8192):
            self.pulled += 1
            yield self.data[start : start + 8192]

    async def __aiter__(self) -> Any:
        for chunk in iter(self):
            yield chunk


def _bad(vendor: str, flavour: str, response: httpx.Response, **kwargs: Any) -> Any:
    call = fetch(vendor)
    script = Script(response)
    outcome = run(vendor, flavour, script, call.invoke, **kwargs)
    assert len(script.requests) == 1
    return outcome.error


def _no_secret(vendor: str, error: BaseException) -> None:
    text = str(error) + repr(error)
    assert all(secret not in text for secret in default_credentials(vendor).values())


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_truncated_json(vendor: str, flavour: str) -> None:
    pkg = module(vendor)
    body = json.dumps(fetch(vendor).body or {"a": 1}).encode()[:-7]
    response = httpx.Response(fetch(vendor).status, content=body, headers={"Content-Type": "application/json"})
    error = _bad(vendor, flavour, response)
    assert isinstance(error, pkg.ResponseValidationError) and isinstance(error, pkg.APIResponseError)
    assert "not valid JSON" in str(error)
    assert error.status_code == fetch(vendor).status
    assert error.content == body
    assert error.headers["content-type"] == "application/json"
    _no_secret(vendor, error)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", ["hipcall", "monica", "voipnow"])
def test_wrong_content_type_for_a_typed_answer(vendor: str, flavour: str) -> None:
    pkg = module(vendor)
    error = _bad(vendor, flavour, httpx.Response(200, text="<html>maintenance</html>", headers={"Content-Type": "text/html"}))
    assert isinstance(error, pkg.ResponseValidationError)
    assert "text/html" in str(error)
    assert error.content == b"<html>maintenance</html>"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_open_answer_with_a_text_content_type_is_returned_as_text(flavour: str) -> None:
    outcome = run("snapcall", flavour, Script(httpx.Response(200, text="ok", headers={"Content-Type": "text/plain"})), fetch("snapcall").invoke)
    assert outcome.result == "ok"


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("vendor", "body"),
    [
        ("monica", {"data": {"id": "three", "object": "call"}}),
        ("monica", [1, 2, 3]),
        ("hipcall", {"data": "not an object"}),
        ("voipnow", {"unexpected": True}),
    ],
)
def test_body_that_does_not_match_the_schema(vendor: str, body: Any, flavour: str) -> None:
    pkg = module(vendor)
    error = _bad(vendor, flavour, json_response(200, body))
    assert isinstance(error, pkg.ResponseValidationError)
    assert "does not match the documented schema" in str(error)
    assert error.validation_error is not None
    assert json.loads(error.content) == body
    _no_secret(vendor, error)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_enormous_body_is_capped(vendor: str, flavour: str) -> None:
    pkg = module(vendor)
    huge = b"[" + b"1," * 600_000 + b"1]"
    # chunked, with no Content-Length: the cap has to be enforced while reading
    stream = Chunks(huge)
    response = httpx.Response(200, stream=stream, headers={"Content-Type": "application/json"})
    error = _bad(vendor, flavour, response, max_response_size=100_000)
    assert stream.pulled == 100_000 // 8192 + 1  # reading stopped at the cap
    assert isinstance(error, pkg.ResponseTooLargeError) and isinstance(error, pkg.APIResponseError)
    assert error.status_code == 200
    assert "100000" in str(error)
    assert huge.startswith(error.content)
    assert 0 < len(error.content) <= pkg.errors.ERROR_BODY_LIMIT


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_declared_length_over_the_cap_is_refused_before_reading(flavour: str) -> None:
    pkg = module("monica")
    response = httpx.Response(200, content=b"{}", headers={"Content-Length": str(10**12), "Content-Type": "application/json"})
    error = _bad("monica", flavour, response)
    assert isinstance(error, pkg.ResponseTooLargeError)
    assert error.content == b""


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_compressed_bomb_is_capped_on_the_decoded_size(flavour: str) -> None:
    pkg = module("hipcall")
    bomb = gzip.compress(b" " * 5_000_000)
    assert len(bomb) < 100_000
    response = httpx.Response(200, stream=Chunks(bomb), headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    error = _bad("hipcall", flavour, response, max_response_size=1_000_000)
    assert isinstance(error, pkg.ResponseTooLargeError)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_undecodable_compressed_body(flavour: str) -> None:
    pkg = module("monica")
    response = httpx.Response(200, stream=Chunks(b"this is not gzip"), headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    error = _bad("monica", flavour, response)
    assert isinstance(error, pkg.ResponseValidationError)
    assert "gzip" in str(error)
    assert error.status_code == 200


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_per_call_max_response_size(flavour: str) -> None:
    pkg = module("monica")
    call = fetch("monica")
    size = len(json.dumps(call.body))
    outcome = run(
        "monica", flavour, Script(json_response(200, call.body)),
        lambda c: c.calls.get(id=1, request_options={"max_response_size": size // 2}),
    )
    assert isinstance(outcome.error, pkg.ResponseTooLargeError)
    outcome = run("monica", flavour, Script(json_response(200, call.body)), call.invoke, max_response_size=size // 2)
    assert isinstance(outcome.error, pkg.ResponseTooLargeError)
    outcome = run(
        "monica", flavour, Script(json_response(200, call.body)),
        lambda c: c.calls.get(id=1, request_options={"max_response_size": size * 2}), max_response_size=size // 2,
    )
    assert outcome.error is None


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirect_to_another_host_is_not_followed(status: int, vendor: str, flavour: str) -> None:
    pkg = module(vendor)
    script = Script(httpx.Response(status, headers={"Location": "https://collector.evil.example/steal?x=1"}))
    outcome = run(vendor, flavour, script, fetch(vendor).invoke)
    error = outcome.error
    assert isinstance(error, pkg.RedirectError) and isinstance(error, pkg.APIStatusError)
    assert error.status_code == status
    assert error.location == "https://collector.evil.example/steal?x=1"
    assert "another origin" in str(error)
    assert len(script.requests) == 1
    _no_secret(vendor, error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_same_origin_redirect_is_followed_with_credentials(flavour: str) -> None:
    call = fetch("monica")
    script = Script(httpx.Response(301, headers={"Location": "/api/calls/1?v=2"}), json_response(200, call.body))
    outcome = run("monica", flavour, script, call.invoke)
    assert outcome.error is None, outcome.error
    assert [str(r.url) for r in script.requests] == ["https://app.monicahq.com/api/calls/1", "https://app.monicahq.com/api/calls/1?v=2"]
    assert script.requests[1].headers["authorization"] == script.requests[0].headers["authorization"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_redirect_loops_end_with_an_error(flavour: str) -> None:
    pkg = module("monica")
    script = Script(*(httpx.Response(302, headers={"Location": "/api/calls/1"}) for _ in range(6)))
    outcome = run("monica", flavour, script, fetch("monica").invoke)
    assert isinstance(outcome.error, pkg.RedirectError)
    assert len(script.requests) == 6


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_broken_connection_while_reading_the_body_is_retried(flavour: str) -> None:
    call = fetch("monica")

    class Broken(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self) -> Any:
            yield b'{"data": '
            raise httpx.ReadError("reset mid-body")

        async def __aiter__(self) -> Any:
            yield b'{"data": '
            raise httpx.ReadError("reset mid-body")

    script = Script(httpx.Response(200, stream=Broken()), json_response(200, call.body))
    outcome = run("monica", flavour, script, call.invoke, retry=module("monica").RetryPolicy(rand=lambda: 0.0))
    assert outcome.error is None, outcome.error
    assert outcome.sleeps == [0.5]
