"""Issue 20 on the wire: SnapCall's merged team path, list filters, plain-text dates and any 2xx; Agendize's list."""

from __future__ import annotations

import httpx
import pytest

from tests.runtime.support import FLAVOURS, Script, json_response, module, run


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_team_delete_sends_the_documented_url(flavour: str) -> None:
    """One path for the page's `.../teams/{id}` (DELETE) and `.../teams/{teamId}`: the URL is the same."""
    script = Script(httpx.Response(204), json_response(200, {"id": 5}))
    outcome = run("snapcall", flavour, script, lambda c: c.teams.delete(company_id=123, team_id=5))
    assert outcome.error is None and outcome.result is None  # an unstated 204 is success too
    assert (script.requests[0].method, str(script.requests[0].url)) == ("DELETE", "https://api.snapcall.io/v2/companies/123/teams/5")
    outcome = run("snapcall", flavour, script, lambda c: c.teams.get(company_id=123, team_id=5))
    assert str(script.requests[1].url) == "https://api.snapcall.io/v2/companies/123/teams/5" and outcome.result == {"id": 5}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_alternatives_filters_take_one_value_or_several(flavour: str) -> None:
    script = Script(json_response(200, {"data": []}))

    def action(client: object) -> object:
        return client.streams.list(  # type: ignore[attr-defined]
            company_id=123, team_ids=[1, "ops"], user_ids=7, type="video", start="2024-01-31", end="2024-02-01T10:00:00Z",
        )

    outcome = run("snapcall", flavour, script, action)
    assert outcome.error is None, outcome.error
    assert script.requests[0].url.query.decode() == (
        "type=video&start=2024-01-31&end=2024-02-01T10%3A00%3A00Z&team_ids=1&team_ids=ops&user_ids=7"
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_sends_bearer_by_default(flavour: str) -> None:
    script = Script(json_response(201, {"ok": True}))
    outcome = run("snapcall", flavour, script, lambda c: c.teams.create(company_id=1, name="t"), credentials={"api_key": "k"})
    assert outcome.result == {"ok": True}  # an unstated 201 is success, parsed as the open body
    assert script.requests[0].headers["authorization"] == "Bearer k"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_list_returns_the_answer_with_its_sync_token(flavour: str) -> None:
    pkg = module("agendize")
    script = Script(json_response(200, {"items": [{"id": "a"}], "nextSyncToken": "t1"}))
    outcome = run("agendize", flavour, script, lambda c: c.calls.list())
    assert type(outcome.result) is pkg.models.CallList
    assert outcome.result.model_dump(by_alias=True, exclude_unset=True) == {"items": [{"id": "a"}], "nextSyncToken": "t1"}
    assert len(script.requests) == 1
