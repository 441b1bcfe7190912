"""A call's request is built once, by the runtime, exactly as the user's http_client would build it.

The runtime merges the http_client's headers, cookies, params and timeout itself (as httpx's
`Client.build_request` does, the call's own winning) and makes one request whose URL and headers
are the masked kinds from the start. These tests pin the merge: the headers on the wire in
httpx's order, the body's own headers, the cookie jar, and the http_client's settings read
afresh on every call (a user may change them between calls).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.runtime.support import default_credentials, module

MONICA_KEY = default_credentials("monica")["api_key"]
HIPCALL_KEY = default_credentials("hipcall")["api_key"]
ACCEPT_ENCODING = httpx.Client().headers["accept-encoding"]
BODY = json.dumps({"data": {"id": 1}}).encode()


class NoBuild(httpx.Client):
    """An http_client whose own `build_request` must not be used: the runtime builds each request once."""

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        raise AssertionError("the http_client's build_request was called")


def recording(http_class: type[httpx.Client] = httpx.Client, **http: Any) -> tuple[httpx.Client, list[httpx.Request]]:
    """An http_client over a mock transport that keeps every request sent and answers `{"data": {"id": 1}}`."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})

    return http_class(transport=httpx.MockTransport(answer), **http), sent


def user_agent(vendor: str) -> str:
    """The User-Agent a package sends by default."""
    return str(module(vendor)._runtime.USER_AGENT)


def test_the_request_is_built_once_with_masked_url_and_headers() -> None:
    pkg = module("monica")
    http, sent = recording(NoBuild, params={"tenant": "t 1/2"})
    pkg.Client(api_key=MONICA_KEY, http_client=http).calls.get(id=1)
    (request,) = sent
    runtime = pkg._runtime
    assert type(request) is runtime._Request
    assert type(request.url) is runtime._MaskedURL
    assert type(request.headers) is runtime._MaskedHeaders
    assert str(request.url) == "https://app.monicahq.com/api/calls/1?tenant=t%201%2F2"
    assert repr(request.headers).count("[secure]") == 1  # the Authorization header
    assert request.content == b""


def test_headers_on_the_wire_in_httpx_order_the_calls_winning() -> None:
    # httpx's merge: the http_client's headers less those the call sets (duplicates kept), then the call's; Host first.
    pkg = module("monica")
    theirs = httpx.Headers([("X-Team", "blue"), ("Accept", "text/x"), ("X-Dup", "a"), ("X-Dup", "b")])
    http, sent = recording(headers=theirs)
    client = pkg.Client(api_key=MONICA_KEY, http_client=http, default_headers={"X-Default": "d"})
    client.calls.get(id=1, request_options={"extra_headers": {"X-Extra": "e"}})
    assert sent[0].headers.raw == [
        (b"host", b"app.monicahq.com"),
        (b"accept-encoding", ACCEPT_ENCODING.encode()),
        (b"connection", b"keep-alive"),
        (b"x-team", b"blue"),
        (b"x-dup", b"a"),
        (b"x-dup", b"b"),
        (b"accept", b"application/json"),
        (b"user-agent", user_agent("monica").encode()),
        (b"x-default", b"d"),
        (b"authorization", f"Bearer {MONICA_KEY}".encode()),
        (b"x-extra", b"e"),
    ]


def test_a_json_body_has_its_length_and_stays_readable() -> None:
    pkg = module("hipcall")
    http, sent = recording()
    pkg.Client(api_key=HIPCALL_KEY, http_client=http).comments.create(content="hi", commentable_id=7)
    (request,) = sent
    assert request.content == b'{"content":"hi","commentable_id":7}'
    assert request.headers.raw[-2:] == [(b"content-type", b"application/json"), (b"content-length", b"35")]


def test_a_post_without_a_body_sends_content_length_zero_after_host() -> None:
    pkg = module("snapcall")
    http, sent = recording()
    client = pkg.Client(api_key=default_credentials("snapcall")["api_key"], http_client=http)
    client.streams.request_mix(company_id=1, stream_token="s", event_id=2)
    (request,) = sent
    assert request.method == "POST"
    assert request.headers.raw[:2] == [(b"host", b"api.snapcall.io"), (b"content-length", b"0")]
    assert request.content == b""


def test_the_cookie_jar_applies_unless_the_http_client_sets_a_cookie_header() -> None:
    pkg = module("monica")
    http, sent = recording()
    http.cookies.set("sid", "from-jar", domain="app.monicahq.com")
    pkg.Client(api_key=MONICA_KEY, http_client=http).calls.get(id=1)
    assert sent[-1].headers.raw[-1] == (b"Cookie", b"sid=from-jar")
    # httpx's jar adds nothing where the request has a Cookie header already: the http_client's own one goes.
    http.headers["Cookie"] = "own=1"
    pkg.Client(api_key=MONICA_KEY, http_client=http).calls.get(id=1)
    assert sent[-1].headers.get_list("cookie") == ["own=1"]


def test_the_http_clients_settings_are_read_on_every_call() -> None:
    pkg = module("monica")
    http, sent = recording(headers={"X-Team": "blue"}, params={"a": "1"})
    client = pkg.Client(api_key=MONICA_KEY, http_client=http)
    client.calls.get(id=1)
    http.headers["X-Team"] = "red"
    http.params = httpx.QueryParams({"b": "2"})
    client.calls.get(id=1)
    assert [r.headers["x-team"] for r in sent] == ["blue", "red"]
    assert [str(r.url) for r in sent] == [
        "https://app.monicahq.com/api/calls/1?a=1",
        "https://app.monicahq.com/api/calls/1?b=2",
    ]


def test_a_bad_http_client_header_is_refused_unless_the_call_sets_that_header() -> None:
    pkg = module("monica")
    http, sent = recording()
    client = pkg.Client(api_key=MONICA_KEY, http_client=http)
    http.headers["Accept"] = "a\r\nX-Injected: 1"  # the call sends its own Accept: this one never goes
    client.calls.get(id=1)
    assert sent[-1].headers["accept"] == "application/json"
    http.headers["X-Team"] = "a\r\nX-Injected: 1"
    for _ in range(2):  # checked again on every call while it stays: never sent
        with pytest.raises(ValueError, match="header 'x-team' holds a line break or NUL; refusing to send it"):
            client.calls.get(id=1)
    assert len(sent) == 1


@pytest.mark.parametrize("timeout", [3.0, None])
def test_the_calls_timeout_wins_over_the_clients(timeout: float | None) -> None:
    pkg = module("monica")
    http, sent = recording(timeout=7.0)
    pkg.Client(api_key=MONICA_KEY, http_client=http).calls.get(id=1, request_options={"timeout": timeout})
    assert sent[0].extensions["timeout"] == httpx.Timeout(timeout).as_dict()


def test_the_async_client_builds_the_same_request() -> None:
    import asyncio

    pkg = module("monica")
    sync_http, sync_sent = recording(headers={"X-Team": "blue"}, params={"a": "1"}, cookies={"sid": "abc"})
    pkg.Client(api_key=MONICA_KEY, http_client=sync_http).calls.get(id=1)
    async_sent: list[httpx.Request] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        async_sent.append(request)
        return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer), headers={"X-Team": "blue"}, params={"a": "1"}, cookies={"sid": "abc"})
        await pkg.AsyncClient(api_key=MONICA_KEY, http_client=http).calls.get(id=1)

    asyncio.run(main())
    assert str(async_sent[0].url) == str(sync_sent[0].url)
    assert async_sent[0].headers.raw == sync_sent[0].headers.raw
    assert async_sent[0].extensions == sync_sent[0].extensions
