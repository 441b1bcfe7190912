"""Hostile argument values and hostile servers against a generated client's runtime (issue 17).

No value may move a request off the API's origin, add a header or a cookie, or make a pager
ask forever; no repr, str, exception or log line may show a credential.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import traceback
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any
from urllib.parse import quote, unquote

import httpx
import pytest

from tests.fuzz.roundtrip import generate, imported

FLAVOURS = ("sync", "async")
BASE = "https://api.example.com/v1"
TOKEN = "SEKRET-bearer-0123456789"
API_KEY = "SEKRET-query-key-9876543210"
HEADER_KEY = "SEKRET-header-key-5555"
SECRETS = (TOKEN, API_KEY, HEADER_KEY)
PATH_SAFE = "!$&'()*+,;=:@"

_OBJECT = {"application/json": {"schema": {"type": "object"}}}
_LIST = {
    "application/json": {
        "schema": {
            "type": "object",
            "properties": {
                "data": {"type": "array", "items": {"type": "object"}},
                "next": {"type": ["string", "null"]},
            },
        }
    }
}


def _query(name: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": "integer"}}


def _paged(op_id: str, pagination: dict[str, str], params: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "get": {
            "operationId": op_id,
            "tags": ["pages"],
            "parameters": params,
            "x-pagination": {"items": "data", **pagination},
            "responses": {"200": {"description": "A page.", "content": _LIST}},
        }
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Hostile runtime", "version": "1"},
    "servers": [{"url": BASE}],
    "security": [{"bearer": []}],
    "tags": [{"name": "things"}, {"name": "pages"}],
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "things_get",
                "tags": ["things"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "theme", "in": "cookie", "schema": {"type": "string"}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "One thing.", "content": _OBJECT}, "404": {"description": "None."}},
            }
        },
        "/keyed/{id}": {
            "get": {
                "operationId": "keyed_get",
                "tags": ["things"],
                "security": [{"queryKey": [], "headerKey": []}],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "One thing.", "content": _OBJECT}},
            }
        },
        "/pages/link": _paged("pages_link", {"style": "next-link", "next": "next"}, []),
        "/pages/page": _paged("pages_page", {"style": "page", "page": "page", "size": "size"}, [_query("page"), _query("size")]),
        "/pages/cursor": _paged(
            "pages_cursor",
            {"style": "cursor", "cursor": "cursor", "next": "next"},
            [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
        ),
        "/pages/offset": _paged("pages_offset", {"style": "offset", "offset": "offset", "limit": "limit"}, [_query("offset"), _query("limit")]),
    },
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer", "x-credential": "token"},
            "queryKey": {"type": "apiKey", "in": "query", "name": "api_key", "x-credential": "api_key"},
            "headerKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key", "x-credential": "header_key"},
        }
    },
}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    generated = generate(SPEC, tmp_path_factory.mktemp("hostile_runtime"), "hostile_runtime")
    with imported(generated) as module:
        yield module


class Server:
    """A MockTransport handler: answers with `answer(n, request)` and records every request, at most `cap`."""

    def __init__(self, answer: Callable[[int, httpx.Request], httpx.Response | BaseException], cap: int = 60) -> None:
        self.answer = answer
        self.cap = cap
        self.requests: list[httpx.Request] = []
        self.replies: list[httpx.Response] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert len(self.requests) <= self.cap, "the client kept asking"
        reply = self.answer(len(self.requests) - 1, request)
        if isinstance(reply, BaseException):
            raise reply
        self.replies.append(reply)
        return reply


def _call(pkg: ModuleType, flavour: str, server: Server, action: Callable[[Any], Any], **kwargs: Any) -> Any:
    """Run `action(client)` on a client of `flavour` over `server`; a list when the action returns a pager."""
    kwargs = {"token": TOKEN, "api_key": API_KEY, "header_key": HEADER_KEY, "sleep": _no_sleep(flavour), **kwargs}
    if flavour == "sync":
        with pkg.Client(http_client=httpx.Client(transport=httpx.MockTransport(server)), **kwargs) as client:
            value = action(client)
            return list(value) if isinstance(value, pkg.pagination.Page) else value

    async def main() -> Any:
        async with pkg.AsyncClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)), **kwargs) as client:
            value = action(client)
            if isinstance(value, pkg.pagination.AsyncPager):
                return [item async for item in value]
            return await value if inspect.isawaitable(value) else value

    return asyncio.run(main())


def _no_sleep(flavour: str) -> Callable[[float], Any]:
    if flavour == "sync":
        return lambda seconds: None

    async def sleep(seconds: float) -> None:
        return None

    return sleep


def _ok(n: int, request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ok": True})


# -- 1. URLs: no value changes scheme, host, port or userinfo ----------------------------------------

HOSTILE_VALUES = [
    "@evil.example",
    ".evil.example",
    "//evil",
    "..",
    ".",
    "%2e%2e",
    "http://evil",
    "a/../../x",
    "\\evil",
    "?x#y",
    "evil.example:443",
    "user:pw@evil.example",
    "[::1]",
    "\u2215evil\uff0eexample",
    "ü/../é",
    " @evil",
    "%40evil.example",
    "x\r\nHost: evil.example",
    "a\x00b",
]


def _segment(value: str) -> str:
    """What one path segment holding `value` must look like on the wire."""
    if value in (".", ".."):
        return value.replace(".", "%2E")
    return quote(value, safe=PATH_SAFE)


def _assert_on_origin(request: httpx.Request) -> None:
    url = request.url
    assert (url.scheme, url.host, url.port, url.userinfo) == ("https", "api.example.com", None, b"")
    assert request.headers["host"] == "api.example.com"
    assert url.query == b"" or url.params.keys() == {"api_key"}
    assert url.fragment == ""


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_path_values_never_leave_the_origin(pkg: ModuleType, value: str, flavour: str) -> None:
    server = Server(_ok)
    _call(pkg, flavour, server, lambda c: c.things.get(id=value))
    [request] = server.requests
    _assert_on_origin(request)
    assert request.url.raw_path == f"/v1/things/{_segment(value)}".encode()


def _op(pkg: ModuleType, path: str) -> Any:
    """An operation whose path template the generator would not write: the runtime alone must cope."""
    rt = pkg._runtime
    return rt.OperationSpec(
        id="raw_get",
        method="GET",
        path=path,
        params=(rt.ArgSpec("id", "id", "path"),),
        responses={"200": rt.ResponseSpec("json")},
        security=(("bearer",),),
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("value", HOSTILE_VALUES)
@pytest.mark.parametrize("base", [BASE, "https://api.example.com"])
def test_a_path_template_without_a_leading_slash_stays_on_the_base(pkg: ModuleType, base: str, value: str, flavour: str) -> None:
    # `paths: {"{id}": ...}` once sent the bearer token to api.example.com.evil.example
    server = Server(_ok)
    _call(pkg, flavour, server, lambda c: c._request(_op(pkg, "{id}"), {"id": value}, None), base_url=base)
    [request] = server.requests
    _assert_on_origin(request)
    prefix = base.removeprefix("https://api.example.com")
    assert request.url.raw_path == f"{prefix}/{_segment(value)}".encode()
    assert request.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    ("template", "raw_path"),
    [
        ("@evil.example/{id}", b"/v1/@evil.example/x"),
        ("evil.example:8080/{id}", b"/v1/evil.example:8080/x"),
        ("x?debug=1#{id}", b"/v1/x%3Fdebug=1%23x"),
        ("/a b/{id}", b"/v1/a%20b/x"),
        ("{id}{id}", b"/v1/xx"),
    ],
)
def test_the_spec_text_of_a_path_cannot_leave_the_path(pkg: ModuleType, template: str, raw_path: bytes) -> None:
    server = Server(_ok)
    _call(pkg, "sync", server, lambda c: c._request(_op(pkg, template), {"id": "x"}, None))
    [request] = server.requests
    _assert_on_origin(request)
    assert request.url.raw_path == raw_path


@pytest.mark.parametrize("template", ["/../../admin/{id}", "../{id}", "/{id}/../../.."])
def test_a_path_that_climbs_out_of_the_base_path_is_refused(pkg: ModuleType, template: str) -> None:
    server = Server(_ok)
    with pytest.raises(ValueError, match="raw_get: the path of this call would leave the API's base URL"):
        _call(pkg, "sync", server, lambda c: c._request(_op(pkg, template), {"id": "x"}, None))
    assert server.requests == []


def test_a_relative_base_url_is_a_clear_error_before_sending(pkg: ModuleType) -> None:
    server = Server(_ok)
    with pytest.raises(ValueError, match="not an absolute http"):
        _call(pkg, "sync", server, lambda c: c.things.get(id="1"), base_url="/relative")
    assert server.requests == []


# -- 2. Cookies and headers: encoded or refused before anything is sent -----------------------------


def _cookie_names(header: str) -> list[str]:
    return [part.split("=", 1)[0].strip() for part in header.split(";")]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("value", "wire"),
    [
        ("dark; session_token=ATTACKER", "dark%3B%20session_token=ATTACKER"),
        ('a,b "c" \\d', "a%2Cb%20%22c%22%20%5Cd"),
        ("café 100%", "caf%C3%A9%20100%25"),
        ("tab\there\x7f", "tab%09here%7F"),
        ("plain-Value_1.2~/:=?", "plain-Value_1.2~/:=?"),
    ],
)
def test_a_cookie_value_never_adds_a_cookie(pkg: ModuleType, value: str, wire: str, flavour: str) -> None:
    server = Server(_ok)
    _call(pkg, flavour, server, lambda c: c.things.get(id="1", theme=value))
    cookie = server.requests[0].headers["cookie"]
    assert cookie == f"theme={wire}"
    assert _cookie_names(cookie) == ["theme"]
    assert unquote(cookie.removeprefix("theme=")) == value


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("bad", ["dark\r\nX-Evil: 1", "a\nb", "a\rb", "a\x00b"])
def test_a_line_break_in_a_cookie_is_refused_not_retried(pkg: ModuleType, bad: str, flavour: str) -> None:
    server = Server(_ok)
    with pytest.raises(ValueError, match="cookie parameter 'theme' holds a line break or NUL") as caught:
        _call(pkg, flavour, server, lambda c: c.things.get(id="1", theme=bad))
    assert not isinstance(caught.value, pkg.APIConnectionError)
    assert server.requests == []


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("café", "non-ASCII"),
        ("\u2028", "non-ASCII"),
        ("a\r\nX-Evil: 1", "line break or NUL"),
        ("a\x00", "line break or NUL"),
        ("bell\x07", "control character"),
        ("del\x7f", "control character"),
    ],
)
def test_a_bad_header_value_is_refused_naming_the_header(pkg: ModuleType, value: str, reason: str, flavour: str) -> None:
    for action in (
        lambda c: c.things.get(id="1", x_trace=value),
        lambda c: c.things.get(id="1", request_options={"extra_headers": {"X-Trace": value}}),
    ):
        server = Server(_ok)
        with pytest.raises(ValueError, match=f"header 'X-Trace' holds .*{reason}") as caught:
            _call(pkg, flavour, server, action)
        assert value not in str(caught.value)
        assert server.requests == []


@pytest.mark.parametrize("name", ["X Bad", "X-Bad:", "X-Bad\r\nX-Evil", "", "Ünicode", "(x)", "a\x00"])
def test_a_bad_header_name_is_refused(pkg: ModuleType, name: str) -> None:
    server = Server(_ok)
    with pytest.raises(ValueError, match="header name .* is not a valid HTTP token"):
        _call(pkg, "sync", server, lambda c: c.things.get(id="1", request_options={"extra_headers": {name: "v"}}))
    with pytest.raises(ValueError, match="header name .* is not a valid HTTP token"):
        pkg.Client(token="t", default_headers={name: "v"})
    assert server.requests == []


def test_header_values_lose_surrounding_blanks_as_any_http_parser_would(pkg: ModuleType) -> None:
    server = Server(_ok)
    _call(pkg, "sync", server, lambda c: c.things.get(id="1", x_trace="  trace-1\t"), token=f" {TOKEN}\t")
    assert server.requests[0].headers["x-trace"] == "trace-1"
    assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_non_ascii_credential_is_refused_without_echoing_it(pkg: ModuleType, flavour: str) -> None:
    server = Server(_ok)
    with pytest.raises(ValueError, match="credential 'token' holds non-ASCII") as caught:
        _call(pkg, flavour, server, lambda c: c.things.get(id="1"), token="SEKRETé")
    assert "SEKRET" not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_httpx_refusing_a_request_is_not_retried_as_a_connection_failure(pkg: ModuleType, flavour: str) -> None:
    server = Server(lambda n, r: httpx.LocalProtocolError(f"Illegal header value {TOKEN!r}"))
    with pytest.raises(ValueError, match="things_get: httpx refused to send this request") as caught:
        _call(pkg, flavour, server, lambda c: c.things.get(id="1"), max_retries=3)
    assert TOKEN not in str(caught.value)
    assert len(server.requests) == 1


# -- 3. Credentials never shown ---------------------------------------------------------------------


def _texts(error: BaseException) -> list[str]:
    """Every rendering of an error a user or a log could see: str, repr, traceback, and those of its response and request."""
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    for holder in (error, getattr(error, "response", None)):
        for attr in ("response", "request", "next_request"):
            try:
                value = getattr(holder, attr, None)
            except RuntimeError:  # httpx.Response.request when there is none
                value = None
            if value is not None:
                texts += [str(value), repr(value)]
                if isinstance(value, httpx.Request):
                    texts += [repr(value.url), repr(value.headers), str(value.headers)]
    return texts


def _redirect_then(status: int) -> Callable[[int, httpx.Request], httpx.Response]:
    def answer(n: int, request: httpx.Request) -> httpx.Response:
        if n == 0:  # a same-origin redirect that echoes the key: followed, so its request must be masked too
            return httpx.Response(302, headers={"Location": f"/v1/keyed/2?api_key={API_KEY}"})
        return httpx.Response(status, json={"detail": "no"})

    return answer


def _paged_then(status: int) -> Callable[[int, httpx.Request], httpx.Response]:
    def answer(n: int, request: httpx.Request) -> httpx.Response:
        if n == 0:
            return httpx.Response(200, json={"data": [{"n": 1}], "next": f"{BASE}/pages/link?page=2&api_key={API_KEY}"})
        return httpx.Response(status, json={"detail": "no"})

    return answer


SCENARIOS: dict[str, tuple[Callable[[int, httpx.Request], httpx.Response | BaseException], Callable[[Any], Any], str]] = {
    "404": (lambda n, r: httpx.Response(404, json={"detail": "no"}), lambda c: c.things.keyed_get(id="1"), "NotFoundError"),
    "500-retried": (lambda n, r: httpx.Response(500, json={"detail": "no"}), lambda c: c.things.keyed_get(id="1"), "InternalServerError"),
    "connect": (lambda n, r: httpx.ConnectError("refused", request=r), lambda c: c.things.keyed_get(id="1"), "APIConnectionError"),
    "timeout": (lambda n, r: httpx.ReadTimeout("slow", request=r), lambda c: c.things.keyed_get(id="1"), "APITimeoutError"),
    "not-json": (lambda n, r: httpx.Response(200, text="<html>", headers={"Content-Type": "application/json"}), lambda c: c.things.keyed_get(id="1"), "ResponseValidationError"),
    "bearer-404": (lambda n, r: httpx.Response(404, json={"detail": "no"}), lambda c: c.things.get(id="1"), "NotFoundError"),
    "foreign-redirect": (
        lambda n, r: httpx.Response(302, headers={"Location": f"https://evil.example/steal?api_key={API_KEY}&t={TOKEN}"}),
        lambda c: c.things.keyed_get(id="1"),
        "RedirectError",
    ),
    "redirect-followed": (_redirect_then(403), lambda c: c.things.keyed_get(id="1"), "PermissionDeniedError"),
    "redirect-loop": (
        lambda n, r: httpx.Response(302, headers={"Location": f"/v1/keyed/{n}?api_key={API_KEY}"}),
        lambda c: c.things.keyed_get(id="1"),
        "RedirectError",
    ),
    "foreign-redirect-userinfo": (
        lambda n, r: httpx.Response(301, headers={"Location": f"https://{API_KEY}:{TOKEN}@evil.example/"}),
        lambda c: c.things.keyed_get(id="1"),
        "RedirectError",
    ),
    "next-page": (_paged_then(429), lambda c: c.pages.link(), "RateLimitError"),
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_no_error_response_request_or_log_line_shows_a_credential(
    pkg: ModuleType, scenario: str, flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    answer, action, error_name = SCENARIOS[scenario]
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger=pkg.__name__)
    server = Server(answer)
    with pytest.raises(getattr(pkg, error_name)) as caught:
        _call(pkg, flavour, server, action, max_retries=1)
    assert server.requests, "the scenario sent nothing"
    sent = server.requests[-1]
    if "keyed" in sent.url.path:  # the key really went out, in the query, and in the header
        assert sent.url.params["api_key"] == API_KEY and sent.headers["x-api-key"] == HEADER_KEY
    texts = _texts(caught.value) + [caplog.text] + [r.getMessage() for r in caplog.records]
    texts += [repr(r) for r in server.requests] + [repr(r.url) for r in server.requests] + [repr(r.headers) for r in server.requests]
    for secret in SECRETS:
        for text in texts:
            assert secret not in text
    assert any(r.name == pkg.__name__ for r in caplog.records)
    assert any(r.name == "httpx" for r in caplog.records) == (scenario not in ("connect", "timeout"))  # httpx logs answers
    if "keyed" in sent.url.path:
        assert "api_key=***" in repr(sent) and "'x-api-key', '[secure]'" in repr(sent.headers)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_responses_pages_and_clients_show_no_credential(pkg: ModuleType, flavour: str) -> None:
    server = Server(lambda n, r: httpx.Response(200, json={"data": [{"n": n}], "next": None}))

    def action(client: Any) -> Any:
        texts = [repr(client), str(client), repr(client.with_raw_response)]
        raw = client.with_raw_response.things.keyed_get(id="1")
        page = client.pages.link()

        def collect(raw: Any, page: Any) -> list[str]:
            found = [repr(raw), repr(raw.http_response), repr(raw.http_response.request), repr(page), repr(page.http_response.request)]
            return texts + found

        if flavour == "sync":
            return collect(raw, page)

        async def both() -> list[str]:
            return collect(await raw, await page)

        return both()

    texts = _call(pkg, flavour, server, action, base_url=f"https://user:{TOKEN}@api.example.com/v1")
    for secret in SECRETS:
        assert all(secret not in text for text in texts)
    assert server.requests[0].url.params["api_key"] == API_KEY


# -- 4. Pagination: every style stops on a loop --------------------------------------------------------


def _page(data: list[Any], nxt: Any = None) -> httpx.Response:
    return httpx.Response(200, json={"data": data, "next": nxt})


LOOPS: dict[str, tuple[Callable[[int, httpx.Request], httpx.Response], Callable[[Any], Any], int]] = {
    # a next link that never changes: page 1, page 2 (the link), then the link again is a repeat
    "next-link-same": (lambda n, r: _page([{"n": n}], f"{BASE}/pages/link?p=2"), lambda c: c.pages.link(), 2),
    # a next link to the first page itself
    "next-link-self": (lambda n, r: _page([{"n": n}], str(r.url)), lambda c: c.pages.link(), 1),
    # two next links that alternate
    "next-link-ab": (lambda n, r: _page([{"n": n}], f"{BASE}/pages/link?p={n % 2}"), lambda c: c.pages.link(), 3),
    # a fresh next link every time, pages always empty: stops after MAX_PAGES_WITHOUT_PROGRESS
    "next-link-empty": (lambda n, r: _page([], f"{BASE}/pages/link?p={n + 1}"), lambda c: c.pages.link(), 5),
    # a fresh next link every time, always the same items: one page of progress, then five without
    "next-link-same-items": (lambda n, r: _page([{"n": 1}], f"{BASE}/pages/link?p={n + 1}"), lambda c: c.pages.link(), 6),
    # a server that ignores the page number: full pages of the same items forever
    "page-ignored": (lambda n, r: _page([{"n": 1}, {"n": 2}]), lambda c: c.pages.page(size=2), 6),
    # a cursor that alternates between two tokens
    "cursor-ab": (lambda n, r: _page([{"n": n}], "AB"[n % 2]), lambda c: c.pages.cursor(), 3),
    # a fresh cursor every time, always the same items
    "cursor-same-items": (lambda n, r: _page([{"n": 1}], f"c{n}"), lambda c: c.pages.cursor(), 6),
    # a server that ignores the offset
    "offset-ignored": (lambda n, r: _page([{"n": 1}, {"n": 2}]), lambda c: c.pages.offset(limit=2), 6),
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("loop", sorted(LOOPS))
def test_every_pagination_style_stops_on_a_looping_server(pkg: ModuleType, loop: str, flavour: str, caplog: pytest.LogCaptureFixture) -> None:
    answer, action, expected = LOOPS[loop]
    server = Server(answer, cap=20)
    caplog.set_level(logging.WARNING, logger=pkg.__name__)
    items = _call(pkg, flavour, server, action)
    assert len(server.requests) == expected
    assert len({str(r.url) for r in server.requests}) == len(server.requests) or loop == "next-link-self"
    assert items == [item for reply in server.replies for item in reply.json()["data"]]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "pagination stopped after" in warnings[0]
    assert pkg.pagination.MAX_PAGES_WITHOUT_PROGRESS == 5


def test_a_stopped_walk_says_it_has_no_next_page(pkg: ModuleType) -> None:
    server = Server(lambda n, r: _page([{"n": n}], f"{BASE}/pages/link?p=2"))
    with pkg.Client(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(server))) as client:
        first = client.pages.link()
        assert first.has_next_page()
        second = first.next_page()
        assert not second.has_next_page() and second.next_page() is None
        # asking the same page twice is not a loop: the walk forks, it does not repeat
        again = first.next_page()
        assert again is not None and again.items == [{"n": 2}]
    assert len(server.requests) == 3


def test_a_long_honest_walk_is_not_cut(pkg: ModuleType) -> None:
    def answer(n: int, request: httpx.Request) -> httpx.Response:
        return _page([{"n": n}] if n % 3 else [], f"{BASE}/pages/link?p={n + 1}" if n < 40 else None)

    server = Server(answer)
    items = _call(pkg, "sync", server, lambda c: c.pages.link())
    assert len(server.requests) == 41
    assert items == [{"n": n} for n in range(41) if n % 3]


def test_httpx_log_lines_stay_masked_beside_another_package_filter(pkg: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    # every generated package adds its filter to the "httpx" logger; one that masks other names may run first
    other = pkg._runtime._SecretFilter()
    other.params.add("unrelated")
    httpx_logger = logging.getLogger("httpx")
    httpx_logger.filters.insert(0, other)
    try:
        caplog.set_level(logging.INFO, logger="httpx")
        server = Server(_ok)
        _call(pkg, "sync", server, lambda c: c.things.keyed_get(id="1"))
    finally:
        httpx_logger.removeFilter(other)
    assert server.requests[0].url.params["api_key"] == API_KEY
    [line] = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert "api_key=***" in line and API_KEY not in line


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_refused_foreign_redirect_leaves_no_request_to_send_there(pkg: ModuleType, flavour: str) -> None:
    # httpx's next request for another origin drops Authorization but keeps an API-key header
    server = Server(lambda n, r: httpx.Response(307, headers={"Location": "https://evil.example:8443/x"}))
    with pytest.raises(pkg.RedirectError) as caught:
        _call(pkg, flavour, server, lambda c: c.things.keyed_get(id="1"))
    assert str(caught.value) == (
        "keyed_get: answered 307 with a redirect to https://evil.example:8443; it is not followed"
        " (another origin: credentials are never sent there)"
    )
    assert caught.value.response.next_request is None
    assert caught.value.location == "https://evil.example:8443/x"
    assert len(server.requests) == 1


def test_a_base_url_query_is_kept_and_the_path_goes_before_it(pkg: ModuleType) -> None:
    server = Server(_ok)
    _call(pkg, "sync", server, lambda c: c.things.keyed_get(id="@x"), base_url="https://api.example.com/v1?tenant=t1")
    assert server.requests[0].url.raw_path == f"/v1/keyed/@x?tenant=t1&api_key={API_KEY}".encode()


def test_a_header_is_sent_once_whatever_the_case_of_its_name(pkg: ModuleType) -> None:
    server = Server(_ok)
    options = {"extra_headers": {"authorization": "Bearer other", "ACCEPT": "text/plain"}}
    _call(pkg, "sync", server, lambda c: c.things.get(id="1", request_options=options), default_headers={"accept": "x/y"})
    sent = server.requests[0].headers
    assert sent.get_list("authorization") == ["Bearer other"] and sent.get_list("accept") == ["text/plain"]


FOREIGN = [
    "https://evil.example/",
    "//evil.example/x",
    "https://api.example.com.evil.example/v1/keyed/1",
    "https://api.example.com:444/v1/keyed/1",
    "http://api.example.com/v1/keyed/1",
    "https://x@api.example.com/v1/keyed/1",
    "https://api.example.com@evil.example/v1",
    "https:\\\\evil.example/v1",
    "file:///etc/passwd",
    "https://[::1]/v1",
    "https://xn--api-example-com.evil/",
    "https://api.example.com%2eevil.example/",
]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("location", FOREIGN)
def test_no_redirect_or_next_link_leaves_the_origin(pkg: ModuleType, location: str, flavour: str) -> None:
    def redirect(n: int, request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location}) if n == 0 else httpx.Response(200, json={})

    def link(n: int, request: httpx.Request) -> httpx.Response:
        return _page([{"n": 1}], location)

    server = Server(redirect, cap=5)
    with pytest.raises(pkg.APIError, match="not followed"):  # a RedirectError, or an invalid Location
        _call(pkg, flavour, server, lambda c: c.things.keyed_get(id="1"))
    assert len(server.requests) == 1
    _assert_on_origin(server.requests[0])
    server = Server(link, cap=10)
    try:
        _call(pkg, flavour, server, lambda c: c.pages.link())
    except pkg.ForeignNextLinkError:
        assert len(server.requests) == 1
    # "https:\\evil.example" is a relative reference to httpx: followed on the origin, until no progress
    assert len(server.requests) <= 1 + pkg.pagination.MAX_PAGES_WITHOUT_PROGRESS
    for request in server.requests:
        _assert_on_origin(request)


# -- 5. bodies: a server's deep JSON is not JSON, never a RecursionError --------------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("status", "content", "error", "body"), [
    (404, DEEP, "NotFoundError", None),
    (500, DEEP, "InternalServerError", None),
    (404, '{"message": "gone"}'.encode("utf-16"), "NotFoundError", {"message": "gone"}),  # only json.loads reads UTF-16
    (200, DEEP, "ResponseValidationError", None),
])
def test_deeply_nested_answers_are_not_json_not_a_crash(
    pkg: ModuleType, flavour: str, status: int, content: bytes, error: str, body: Any
) -> None:
    server = Server(lambda n, r: httpx.Response(status, content=content, headers={"content-type": "application/json"}))
    with pytest.raises(getattr(pkg, error)) as caught:
        _call(pkg, flavour, server, lambda c: c.things.get(id="a"), max_retries=0)
    assert getattr(caught.value, "body", None) == body
    assert len(server.requests) == 1


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_deeply_nested_page_ends_the_walk(pkg: ModuleType, flavour: str) -> None:
    server = Server(lambda n, r: httpx.Response(200, content=DEEP, headers={"content-type": "application/json"}))
    with pytest.raises(pkg.ResponseValidationError):
        _call(pkg, flavour, server, lambda c: c.pages.link())
    assert len(server.requests) == 1
