"""Pagination of every style the five vendors use: one typed page per call, every item when iterated."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from tests.runtime.support import FLAVOURS, Script, Walk, documented_response, json_response, module, run

HIPCALL_LIST = "https://api.hipcall.com/api/v20211124/cdrs"


def _hipcall_pages(next_links: list[str | None]) -> tuple[list[httpx.Response], list[str]]:
    template = documented_response("hipcall", "calls_list")
    item = template["data"][0]
    pages, uuids = [], []
    for number, link in enumerate(next_links, start=1):
        body = copy.deepcopy(template)
        body["data"] = []
        for index in range(3):
            uuid = f"00000000-0000-0000-000{number}-00000000000{index}"
            body["data"].append({**item, "uuid": uuid})
            uuids.append(uuid)
        body["links"]["next"] = link
        pages.append(json_response(200, body))
    return pages, uuids


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hipcall_next_link_walks_every_item_of_every_page(flavour: str) -> None:
    pages, uuids = _hipcall_pages([f"{HIPCALL_LIST}?page=2", f"{HIPCALL_LIST}?page=3", None])
    script = Script(*pages)
    outcome = run("hipcall", flavour, script, lambda c: Walk(c.calls.list()))
    assert outcome.error is None, outcome.error
    assert [call.uuid for call in outcome.result] == uuids
    assert all(isinstance(call, module("hipcall").models.Call) for call in outcome.result)
    assert [str(r.url) for r in script.requests] == [HIPCALL_LIST, f"{HIPCALL_LIST}?page=2", f"{HIPCALL_LIST}?page=3"]
    assert all(r.headers["authorization"] == "Bearer secret-hipcall-api_key-0123456789" for r in script.requests)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hipcall_list_call_returns_one_typed_page(flavour: str) -> None:
    pkg = module("hipcall")
    pages, uuids = _hipcall_pages([f"{HIPCALL_LIST}?page=2"])
    script = Script(*pages)
    outcome = run("hipcall", flavour, script, lambda c: c.calls.list())
    page = outcome.result
    assert isinstance(page, pkg.AsyncPage if flavour == "async" else pkg.Page)
    assert isinstance(page.response, pkg.models.CallListResponse)
    assert [call.uuid for call in page.items] == uuids
    assert page.has_next_page()
    assert len(script.requests) == 1


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hipcall_relative_next_link_is_followed_on_the_same_origin(flavour: str) -> None:
    pages, uuids = _hipcall_pages(["/api/v20211124/cdrs?page=2", None])
    script = Script(*pages)
    outcome = run("hipcall", flavour, script, lambda c: Walk(c.calls.list()))
    assert [call.uuid for call in outcome.result] == uuids
    assert str(script.requests[1].url) == f"{HIPCALL_LIST}?page=2"


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/api/v20211124/cdrs?page=2",
        "https://api.hipcall.com@evil.example/cdrs?page=2",
        "http://api.hipcall.com/api/v20211124/cdrs?page=2",
        "https://api.hipcall.com:8443/api/v20211124/cdrs?page=2",
        "//evil.example/cdrs",
    ],
)
def test_foreign_next_link_is_refused(link: str, flavour: str) -> None:
    pkg = module("hipcall")
    pages, _ = _hipcall_pages([link])
    script = Script(*pages)
    seen: list[Any] = []

    def action(client: Any) -> Any:
        if flavour == "sync":
            seen.extend(client.calls.list())
            return None

        async def walk() -> None:
            async for call in client.calls.list():
                seen.append(call)

        return walk()

    outcome = run("hipcall", flavour, script, action)
    assert isinstance(outcome.error, pkg.ForeignNextLinkError)
    assert isinstance(outcome.error, pkg.APIError)
    assert len(seen) == 3  # the first page's items came through before the refusal
    assert len(script.requests) == 1  # nothing was sent to the foreign origin
    assert "secret" not in str(outcome.error)


def _monica_page(number: int, last: int, ids: list[int]) -> httpx.Response:
    body = documented_response("monica", "calls_list")
    item = body["data"][0]
    body["data"] = [{**item, "id": i} for i in ids]
    body["meta"].update(current_page=number, last_page=last)
    return json_response(200, body)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_monica_page_and_limit_walk_until_the_last_page(flavour: str) -> None:
    script = Script(_monica_page(1, 3, [1, 2]), _monica_page(2, 3, [3, 4]), _monica_page(3, 3, [5]))
    outcome = run("monica", flavour, script, lambda c: Walk(c.calls.list(limit=2, sort="-called_at")))
    assert outcome.error is None, outcome.error
    assert [call.id for call in outcome.result] == [1, 2, 3, 4, 5]
    queries = [dict(r.url.params) for r in script.requests]
    assert queries == [
        {"limit": "2", "sort": "-called_at"},
        {"limit": "2", "sort": "-called_at", "page": "2"},
        {"limit": "2", "sort": "-called_at", "page": "3"},
    ]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_monica_contact_calls_start_from_the_given_page(flavour: str) -> None:
    script = Script(_monica_page(2, 3, [3, 4]), _monica_page(3, 3, [5]))
    outcome = run("monica", flavour, script, lambda c: Walk(c.calls.list_by_contact(id=3, page=2)))
    assert [call.id for call in outcome.result] == [3, 4, 5]
    assert [r.url.path for r in script.requests] == ["/api/contacts/3/calls"] * 2
    assert [r.url.params["page"] for r in script.requests] == ["2", "3"]


def _voipnow_page(start: int, total: int, ids: list[str]) -> httpx.Response:
    body = documented_response("voipnow", "phone_calls_list")
    item = body["entry"][0]
    body["entry"] = [{**item, "id": i} for i in ids]
    body.update(startIndex=start, totalResults=total, itemsPerPage=2)
    return json_response(200, body)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_voipnow_start_index_and_count_walk_to_the_total(flavour: str) -> None:
    script = Script(_voipnow_page(0, 5, ["a", "b"]), _voipnow_page(2, 5, ["c", "d"]), _voipnow_page(4, 5, ["e"]))
    outcome = run(
        "voipnow", flavour, script,
        lambda c: Walk(c.phone_calls.list(user_id="@me", extension="0003*210", phone_call_id="all", count=2)),
    )
    assert outcome.error is None, outcome.error
    assert [call.id for call in outcome.result] == ["a", "b", "c", "d", "e"]
    assert all(isinstance(call, module("voipnow").models.PhoneCall) for call in outcome.result)
    assert [r.url.params.get("startIndex") for r in script.requests] == [None, "2", "4"]
    assert [r.url.params["count"] for r in script.requests] == ["2", "2", "2"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_voipnow_204_is_an_empty_last_page(flavour: str) -> None:
    script = Script(_voipnow_page(0, 9, ["a", "b"]), httpx.Response(204))
    outcome = run(
        "voipnow", flavour, script,
        lambda c: Walk(c.phone_calls.list(user_id="@me", extension="1", phone_call_id="all", count=2)),
    )
    assert [call.id for call in outcome.result] == ["a", "b"]
    assert len(script.requests) == 2


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_page_and_limit_stop_at_a_short_page(flavour: str) -> None:
    pages = [[1, 2], [3, 4], [5]]
    script = Script(*(json_response(200, {"data": [{"id": i} for i in page]}) for page in pages))
    outcome = run("snapcall", flavour, script, lambda c: Walk(c.calls.list(limit=2, status="ended")))
    assert outcome.error is None, outcome.error
    assert [item["id"] for item in outcome.result] == [1, 2, 3, 4, 5]
    assert [dict(r.url.params) for r in script.requests] == [
        {"limit": "2", "status": "ended"},
        {"limit": "2", "status": "ended", "page": "2"},
        {"limit": "2", "status": "ended", "page": "3"},
    ]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_without_a_limit_stops_at_an_empty_page(flavour: str) -> None:
    script = Script(json_response(200, {"data": [{"id": 1}]}), json_response(200, {"data": []}))
    outcome = run("snapcall", flavour, script, lambda c: Walk(c.buttons.list()))
    assert [item["id"] for item in outcome.result] == [1]
    assert len(script.requests) == 2


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_sync_token_is_handed_back_not_followed(flavour: str) -> None:
    """`nextSyncToken` is for the caller's next sync (the page), not a page cursor: one request, one answer."""
    pkg = module("agendize")
    later = {"items": [{"id": "changed"}], "nextSyncToken": "t2"}
    script = Script(json_response(200, {"items": [{"id": "a"}, {"id": "b"}], "nextSyncToken": "t1"}), json_response(200, later))
    outcome = run("agendize", flavour, script, lambda c: c.calls.list(search="+33"))
    assert outcome.error is None, outcome.error
    answer = outcome.result
    assert isinstance(answer, pkg.models.CallList) and not isinstance(answer, (pkg.Page, pkg.AsyncPage))
    assert [call.id for call in answer.items] == ["a", "b"]
    assert answer.next_sync_token == "t1"
    assert len(script.requests) == 1  # the token is not followed as a next page
    assert script.requests[0].url.params.get("search") == "+33" and "syncToken" not in script.requests[0].url.params


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_next_sync_sends_the_token_it_was_given(flavour: str) -> None:
    script = Script(json_response(200, {"items": [{"id": "changed"}], "nextSyncToken": "t2"}))
    outcome = run("agendize", flavour, script, lambda c: c.calls.list(sync_token="t1"))
    assert [call.id for call in outcome.result.items] == ["changed"]
    assert outcome.result.next_sync_token == "t2"
    assert [r.url.params.get("syncToken") for r in script.requests] == ["t1"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_failing_next_page_raises_its_status_error(flavour: str) -> None:
    pkg = module("monica")
    script = Script(_monica_page(1, 2, [1]), json_response(401, {"error": {"message": "bad token", "error_code": 42}}))
    outcome = run("monica", flavour, script, lambda c: Walk(c.calls.list()))
    assert isinstance(outcome.error, pkg.AuthenticationError)
    assert outcome.error.parsed.error.error_code == 42
