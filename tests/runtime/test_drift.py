"""Drift-tolerant parsing: success answers that differ from their schema, read leniently or refused when strict.

The test session runs every client strict (tests/conftest.py sets <VENDOR>_STRICT=1); the lenient
runs here pass strict=False explicitly.
"""

from __future__ import annotations

import copy
import datetime
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import pydantic
import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import FLAVOURS, VENDORS, Script, Walk, documented_response, json_response, module, run

Entry = tuple[str, str, Any]  # (JSON path, kind, value as sent)


def entries(drift: Any) -> list[Entry]:
    """The drift of a result as comparable tuples."""
    return [(d.path, d.kind, d.value) for d in drift]


@pytest.fixture(autouse=True)
def _fresh_warnings() -> Iterator[None]:
    """Each test sees the once-per-operation warnings afresh."""
    for vendor in VENDORS:
        module(vendor)._runtime._WARNED.clear()
    yield


@dataclass(frozen=True)
class Drifted:
    """One drifted answer: the call, the body sent, the drift expected, and what the lenient result holds."""

    vendor: str
    invoke: Callable[[Any], Any]
    body: Any
    drift: list[Entry]
    check: Callable[[Any, Any], None]  # (package, result): the values kept and converted


def _monica_body() -> Any:
    body = documented_response("monica", "calls_get")
    body["data"].update(id="three", called_at="yesterday")
    body["data"]["contact"]["is_partial"] = "sometimes"
    return body


def _check_agendize_enum(pkg: Any, result: Any) -> None:
    assert isinstance(result, pkg.models.Call)
    assert result.status == "voicemail"  # kept as sent
    assert result.type is pkg.models.CallType.CLICK_TO_CALL  # converted as documented
    assert result.id == "c-1"


def _check_agendize_types(pkg: Any, result: Any) -> None:
    assert result.id == 7 and result.duration == ["1", "2"]
    assert result.record == pkg.models.CallRecord(url="https://r.example/1.mp3")


def _check_hipcall_null(pkg: Any, result: Any) -> None:
    assert isinstance(result, pkg.models.UserResponse) and result.data is None


def _check_hipcall_object(pkg: Any, result: Any) -> None:
    assert result.data == "not an object"


def _check_monica(pkg: Any, result: Any) -> None:
    call = result.data
    assert isinstance(call, pkg.models.Call)
    assert (call.id, call.called_at) == ("three", "yesterday")
    assert call.created_at == datetime.datetime(2017, 10, 7, 21, 0, 56, tzinfo=datetime.UTC)
    assert isinstance(call.contact, pkg.models.Contact)
    assert (call.contact.first_name, call.contact.is_partial) == ("Leslie", "sometimes")
    assert call.account == pkg.models.Account(id=5)


def _check_voipnow(pkg: Any, result: Any) -> None:
    assert isinstance(result, list)
    assert [type(call) for call in result] == [pkg.models.HungUpPhoneCall] * 2
    assert result[0].id == "a" and result[1].id is None
    assert result[1].model_extra == {"reason": "gone"}
    assert pkg.drift_of(result) == tuple(pkg.drift_of(result))


DRIFTED = {
    "agendize-unknown-enum": Drifted(
        "agendize", lambda c: c.calls.get(call_id="c-1"), {"id": "c-1", "status": "voicemail", "type": "clickToCall"},
        [("$.status", "enum", "voicemail")], _check_agendize_enum,
    ),
    "agendize-wrong-types": Drifted(
        "agendize", lambda c: c.calls.get(call_id="c-1"), {"id": 7, "duration": ["1", "2"], "record": {"url": "https://r.example/1.mp3"}},
        [("$.id", "type", 7), ("$.duration", "type", ["1", "2"])], _check_agendize_types,
    ),
    "hipcall-undocumented-null": Drifted(
        "hipcall", lambda c: c.users.get(id=7), {"data": None}, [("$.data", "null", None)], _check_hipcall_null,
    ),
    "hipcall-missing-required": Drifted(
        "hipcall", lambda c: c.users.get(id=7), {}, [("$.data", "missing", None)], _check_hipcall_null,
    ),
    "hipcall-object-as-text": Drifted(
        "hipcall", lambda c: c.users.get(id=7), {"data": "not an object"}, [("$.data", "type", "not an object")], _check_hipcall_object,
    ),
    "monica-nested-wrong-types": Drifted(
        "monica", lambda c: c.calls.get(id=1), _monica_body(),
        [("$.data.id", "type", "three"), ("$.data.called_at", "type", "yesterday"), ("$.data.contact.is_partial", "type", "sometimes")],
        _check_monica,
    ),
    "voipnow-list-missing-required": Drifted(
        "voipnow", fetch("voipnow").invoke, [{"id": "a"}, {"reason": "gone"}], [("$[1].id", "missing", None)], _check_voipnow,
    ),
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("case", list(DRIFTED), ids=list(DRIFTED))
def test_lenient_returns_the_typed_result_with_values_kept_and_drift_listed(case: str, flavour: str) -> None:
    drifted = DRIFTED[case]
    pkg = module(drifted.vendor)
    outcome = run(drifted.vendor, flavour, Script(json_response(200, drifted.body)), drifted.invoke, strict=False)
    assert outcome.error is None, outcome.error
    drifted.check(pkg, outcome.result)
    assert entries(pkg.drift_of(outcome.result)) == drifted.drift
    assert all(isinstance(d, pkg.Drift) and d.message for d in pkg.drift_of(outcome.result))


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("case", list(DRIFTED), ids=list(DRIFTED))
def test_strict_raises_with_the_same_drift(case: str, flavour: str) -> None:
    drifted = DRIFTED[case]
    pkg = module(drifted.vendor)
    outcome = run(drifted.vendor, flavour, Script(json_response(200, drifted.body)), drifted.invoke, strict=True)
    error = outcome.error
    assert isinstance(error, pkg.ResponseValidationError), error
    assert "does not match the documented schema" in str(error)
    assert f"first at {drifted.drift[0][0]}: {drifted.drift[0][1]}" in str(error)
    assert entries(error.drift) == drifted.drift
    assert isinstance(error.validation_error, pydantic.ValidationError)
    assert error.status_code == 200


@pytest.mark.parametrize("case", list(DRIFTED), ids=list(DRIFTED))
def test_the_session_runs_strict_by_the_environment_variable(case: str) -> None:
    drifted = DRIFTED[case]
    outcome = run(drifted.vendor, "sync", Script(json_response(200, drifted.body)), drifted.invoke)
    assert isinstance(outcome.error, module(drifted.vendor).ResponseValidationError)


@pytest.mark.parametrize("value", ["1", "true", "ON"])
def test_strict_environment_variable_is_named_after_the_vendor(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    drifted = DRIFTED["agendize-unknown-enum"]
    pkg = module("agendize")
    monkeypatch.delenv("AGENDIZE_STRICT")
    assert pkg._client.ENV_STRICT == "AGENDIZE_STRICT"
    outcome = run("agendize", "sync", Script(json_response(200, drifted.body)), drifted.invoke)
    assert outcome.error is None and outcome.result.status == "voicemail"  # lenient by default
    monkeypatch.setenv("AGENDIZE_STRICT", value)
    outcome = run("agendize", "sync", Script(json_response(200, drifted.body)), drifted.invoke)
    assert isinstance(outcome.error, pkg.ResponseValidationError)
    monkeypatch.setenv("AGENDIZE_STRICT", "0")
    outcome = run("agendize", "sync", Script(json_response(200, drifted.body)), drifted.invoke)
    assert outcome.error is None


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_per_call_strict_overrides_the_client(flavour: str) -> None:
    drifted = DRIFTED["monica-nested-wrong-types"]
    pkg = module("monica")
    script = Script(json_response(200, drifted.body))
    outcome = run("monica", flavour, script, lambda c: c.calls.get(id=1, request_options={"strict": True}), strict=False)
    assert isinstance(outcome.error, pkg.ResponseValidationError)
    script = Script(json_response(200, drifted.body))
    outcome = run("monica", flavour, script, lambda c: c.calls.get(id=1, request_options={"strict": False}), strict=True)
    assert outcome.error is None
    assert entries(pkg.drift_of(outcome.result)) == drifted.drift


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_response_says_it_drifted(flavour: str) -> None:
    drifted = DRIFTED["agendize-unknown-enum"]
    pkg = module("agendize")

    def action(client: Any) -> Any:
        return client.with_raw_response.calls.get(call_id="c-1")

    outcome = run("agendize", flavour, Script(json_response(200, drifted.body)), action, strict=False)
    raw = outcome.result
    assert entries(raw.drift) == drifted.drift
    assert raw.parse() is raw.parse()  # parsed once
    assert raw.parse().status == "voicemail"
    assert entries(pkg.drift_of(raw.parse())) == drifted.drift


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("strict", [True, False])
def test_an_answer_as_documented_has_no_drift(vendor: str, strict: bool) -> None:
    call = fetch(vendor)
    outcome = run(vendor, "sync", Script(json_response(call.status, call.body)), call.invoke, strict=strict)
    assert outcome.error is None, outcome.error
    assert module(vendor).drift_of(outcome.result) == ()


NEW_FIELDS: dict[str, tuple[Callable[[Any], Any], Any, Callable[[Any], Any]]] = {
    "agendize": (lambda c: c.calls.get(call_id="c-1"), {"id": "c-1", "sentiment": {"score": 0.5}}, lambda r: r.model_extra),
    "hipcall": (lambda c: c.users.get(id=7), {"data": {"id": 7, "sentiment": {"score": 0.5}}}, lambda r: r.data.model_extra),
    "monica": (lambda c: c.calls.get(id=1), {"data": {"id": 1, "sentiment": {"score": 0.5}}}, lambda r: r.data.model_extra),
    "voipnow": (fetch("voipnow").invoke, [{"id": "a", "sentiment": {"score": 0.5}}], lambda r: r[0].model_extra),
    "snapcall": (lambda c: c.calls.get(id=123), {"id": 123, "sentiment": {"score": 0.5}}, lambda r: {"sentiment": r["sentiment"]}),
}


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("vendor", VENDORS)
def test_new_fields_are_kept_and_are_no_drift(vendor: str, strict: bool) -> None:
    invoke, body, extra = NEW_FIELDS[vendor]
    outcome = run(vendor, "sync", Script(json_response(200, body)), invoke, strict=strict)
    assert outcome.error is None, outcome.error
    assert extra(outcome.result) == {"sentiment": {"score": 0.5}}
    assert module(vendor).drift_of(outcome.result) == ()


def _drift_warnings(caplog: pytest.LogCaptureFixture, vendor: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == module(vendor).__name__ and r.levelno == logging.WARNING]


def test_a_warning_is_logged_once_per_operation_path_and_kind(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    drifted = DRIFTED["agendize-unknown-enum"]
    script = Script(*(json_response(200, drifted.body) for _ in range(3)))
    for _ in range(3):
        outcome = run("agendize", "sync", script, drifted.invoke, strict=False)
        assert outcome.result.status == "voicemail"
    assert _drift_warnings(caplog, "agendize") == [
        (
            "calls_get: the answer differs from the documented schema at $.status (enum: Input should be 'completed', 'noAnswered',"
            " 'message', 'wrongNumber', 'busy' or 'abandoned'); kept as sent. strict=True raises instead"
        )
    ]


def test_a_list_drifting_in_every_item_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    body = [{"id": 1}, {"id": 2}, {"id": 3}]
    outcome = run("voipnow", "sync", Script(json_response(200, body)), fetch("voipnow").invoke, strict=False)
    assert [call.id for call in outcome.result] == [1, 2, 3]
    assert entries(module("voipnow").drift_of(outcome.result)) == [(f"$[{i}].id", "type", i + 1) for i in range(3)]
    warnings = _drift_warnings(caplog, "voipnow")
    assert len(warnings) == 1 and "at $[*].id (type: Input should be a valid string)" in warnings[0]


def test_strict_logs_no_drift_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    drifted = DRIFTED["agendize-unknown-enum"]
    outcome = run("agendize", "sync", Script(json_response(200, drifted.body)), drifted.invoke, strict=True)
    assert outcome.error is not None
    assert _drift_warnings(caplog, "agendize") == []


# -- pages -----------------------------------------------------------------------------------------


def _hipcall_page() -> Any:
    body = documented_response("hipcall", "calls_list")
    body["links"]["first"] = None
    body["links"]["next"] = None
    body["data"][1]["direction"] = 9
    return body


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hipcall_page_with_a_null_link_and_an_unknown_enum(flavour: str) -> None:
    pkg = module("hipcall")
    body = _hipcall_page()
    outcome = run("hipcall", flavour, Script(json_response(200, body)), lambda c: c.calls.list(), strict=False)
    page = outcome.result
    assert outcome.error is None, outcome.error
    assert [call.uuid for call in page.items] == [item["uuid"] for item in body["data"]]
    assert page.items[1].direction == 9 and page.items[0].direction is pkg.models.CallDirection(body["data"][0]["direction"])
    assert entries(page.drift) == [("$.data[1].direction", "enum", 9), ("$.links.first", "null", None)]
    assert not page.has_next_page()
    outcome = run("hipcall", flavour, Script(json_response(200, body)), lambda c: Walk(c.calls.list()), strict=True)
    assert isinstance(outcome.error, pkg.ResponseValidationError)
    assert entries(outcome.error.drift) == [("$.data[1].direction", "enum", 9), ("$.links.first", "null", None)]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_page_says_it_drifted(flavour: str) -> None:
    outcome = run("hipcall", flavour, Script(json_response(200, _hipcall_page())), lambda c: c.with_raw_response.calls.list(), strict=False)
    assert entries(outcome.result.drift) == [("$.data[1].direction", "enum", 9), ("$.links.first", "null", None)]


@dataclass(frozen=True)
class Misshapen:
    """A list answer without its items (or next link) where x-pagination documents them."""

    vendor: str
    invoke: Callable[[Any], Any]
    body: Any
    items: list[Any]  # what the lenient walk yields (ids, or raw items for an open schema)
    drift: list[Entry]
    found_at: str  # where the lenient page found the items ("" for nowhere)


def _ids(items: list[Any]) -> list[Any]:
    """The id (hipcall: uuid) of each item, a model or plain JSON."""
    plain = [item if isinstance(item, dict) else item.model_dump(warnings=False) for item in items]
    return [item.get("id", item.get("uuid")) for item in plain]


def _hipcall_without_next() -> Any:
    body = documented_response("hipcall", "calls_list")
    del body["links"]["next"]
    return body


MISSHAPEN = {
    "snapcall-items-elsewhere": Misshapen(
        "snapcall", lambda c: c.calls.list(limit=10), {"results": [{"id": 1}, {"id": 2}], "page": 1},
        [1, 2], [("$.data", "missing", None)], "$.results",
    ),
    "snapcall-list-body": Misshapen(
        "snapcall", lambda c: c.calls.list(limit=10), [{"id": 1}], [1], [("$.data", "missing", None)], "$",
    ),
    "voipnow-items-elsewhere": Misshapen(
        "voipnow", lambda c: c.phone_calls.list(user_id="@me", extension="1", phone_call_id="all", count=5),
        {"items": [{"id": "a"}, {"id": "b"}], "totalResults": 2},
        ["a", "b"], [("$.entry", "missing", None)], "$.items",
    ),
    "voipnow-drifting-items-elsewhere": Misshapen(
        "voipnow", lambda c: c.phone_calls.list(user_id="@me", extension="1", phone_call_id="all", count=5),
        {"items": [{"id": "a"}, {"id": 5}]},
        ["a", 5], [("$.entry", "missing", None), ("$.items[1].id", "type", 5)], "$.items",
    ),
    "monica-no-items": Misshapen(
        "monica", lambda c: c.calls.list(limit=2), {"meta": {"current_page": 1, "last_page": 4}},
        [], [("$.data", "missing", None)], "",
    ),
    "hipcall-no-next-link": Misshapen(
        "hipcall", lambda c: c.calls.list(), _hipcall_without_next(),
        _ids(documented_response("hipcall", "calls_list")["data"]), [("$.links.next", "missing", None)], "",
    ),
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("case", list(MISSHAPEN), ids=list(MISSHAPEN))
def test_lenient_page_yields_the_items_it_finds_with_drift(case: str, flavour: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    shape = MISSHAPEN[case]
    pkg = module(shape.vendor)
    script = Script(json_response(200, shape.body))
    outcome = run(shape.vendor, flavour, script, lambda c: Walk(shape.invoke(c)), strict=False)
    assert outcome.error is None, outcome.error
    assert _ids(outcome.result) == shape.items
    assert len(script.requests) == 1  # the walk ends on the misshapen page
    outcome = run(shape.vendor, flavour, Script(json_response(200, shape.body)), shape.invoke, strict=False)
    page = outcome.result
    assert entries(page.drift) == shape.drift
    if shape.found_at:
        assert f"read from {shape.found_at} instead" in page.drift[0].message
    warnings = _drift_warnings(caplog, shape.vendor)
    assert len(warnings) == len(shape.drift) and shape.drift[0][0] in warnings[0]
    model_items = [item for item in page.items if not isinstance(item, dict)]
    assert all(isinstance(item, pydantic.BaseModel) for item in model_items)
    if shape.vendor in ("voipnow", "hipcall"):
        assert len(model_items) == len(shape.items)  # items found elsewhere are read as the documented item model
    assert pkg.drift_of(page) == page.drift


DOCUMENTED_SHAPE = [case for case in MISSHAPEN if MISSHAPEN[case].vendor != "snapcall"]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("case", DOCUMENTED_SHAPE, ids=DOCUMENTED_SHAPE)
def test_strict_page_of_the_wrong_shape_is_an_error(case: str, flavour: str) -> None:
    shape = MISSHAPEN[case]
    pkg = module(shape.vendor)
    outcome = run(shape.vendor, flavour, Script(json_response(200, shape.body)), lambda c: Walk(shape.invoke(c)), strict=True)
    assert isinstance(outcome.error, pkg.ResponseValidationError), outcome.error
    assert entries(outcome.error.drift)[:1] == shape.drift[:1]
    assert shape.drift[0][0] in str(outcome.error)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("answer", ["empty", "open-object", "items-elsewhere"])
def test_a_page_of_an_undocumented_schema_is_read_leniently_in_both_modes(flavour: str, answer: str) -> None:
    """SnapCall documents no answer: strict has no schema to enforce, so the drift is noted in both modes."""
    response = {
        "empty": httpx.Response(200),
        "open-object": json_response(200, {}),
        "items-elsewhere": json_response(200, {"results": [{"id": 1}]}),
    }[answer]
    for strict in (True, False):
        copy_ = httpx.Response(response.status_code, content=response.content, headers=response.headers)
        outcome = run("snapcall", flavour, Script(copy_), lambda c: c.calls.list(), strict=strict)
        assert outcome.error is None, outcome.error
        assert outcome.result.items == ([{"id": 1}] if answer == "items-elsewhere" else [])
        assert entries(outcome.result.drift) == [("$.data", "missing", None)]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_empty_body_on_a_documented_list_is_noted_not_refused(flavour: str) -> None:
    outcome = run("monica", flavour, Script(httpx.Response(200)), lambda c: Walk(c.calls.list()), strict=True)
    assert outcome.error is None and outcome.result == []
    outcome = run("monica", flavour, Script(httpx.Response(200)), lambda c: c.calls.list(), strict=False)
    assert entries(outcome.result.drift) == [("$.data", "missing", None)]


# -- error statuses ------------------------------------------------------------------------------


ERROR_BODIES = {
    "html": httpx.Response(404, text="<html>gone</html>", headers={"Content-Type": "text/html"}),
    "json-of-another-shape": httpx.Response(404, json=[1, {"error": 42}]),
    "truncated-json": httpx.Response(404, content=b'{"error": ', headers={"Content-Type": "application/json"}),
    "empty": httpx.Response(404),
}
DECODED = {"html": None, "json-of-another-shape": [1, {"error": 42}], "truncated-json": None, "empty": None}


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("body", list(ERROR_BODIES))
@pytest.mark.parametrize("vendor", VENDORS)
def test_an_error_status_is_its_typed_error_whatever_the_body(vendor: str, body: str, strict: bool) -> None:
    pkg = module(vendor)
    answer = ERROR_BODIES[body]
    response = httpx.Response(answer.status_code, content=answer.content, headers=answer.headers)
    outcome = run(vendor, "sync", Script(response), fetch(vendor).invoke, strict=strict)
    assert type(outcome.error) is pkg.NotFoundError
    assert outcome.error.body == DECODED[body]
    assert outcome.error.content == answer.content
    assert outcome.error.parsed is None


@pytest.mark.parametrize("strict", [True, False])
def test_a_5xx_with_a_non_json_body_is_an_internal_server_error(strict: bool) -> None:
    pkg = module("monica")
    response = httpx.Response(502, text="<html>bad gateway</html>", headers={"Content-Type": "text/html"})
    outcome = run("monica", "sync", Script(response), lambda c: c.calls.get(id=1), strict=strict, max_retries=0)
    assert type(outcome.error) is pkg.InternalServerError
    assert outcome.error.content == b"<html>bad gateway</html>"


# -- the reader itself: unions, root models, lists and dicts of models ---------------------------------


class Dog(pydantic.BaseModel):
    kind: Literal["dog"]
    barks: int


class Cat(pydantic.BaseModel):
    kind: Literal["cat"]
    name: str
    age: int = pydantic.Field(ge=0)


class Pet(pydantic.RootModel[Dog | Cat]):
    root: Dog | Cat


class Shelter(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    pets: list[Pet]
    by_name: dict[str, Cat] = {}
    count: int


def _read(tp: Any, body: Any) -> tuple[Any, list[Entry]]:
    runtime = module("monica")._runtime
    result, drift = runtime._read_leniently(runtime.ResponseSpec("json", lambda: tp), body)
    return result, entries(drift)


def test_union_member_chosen_by_fewest_mismatches_in_a_root_model() -> None:
    result, drift = _read(Pet, {"kind": "cat", "name": "Tom", "age": -3})
    assert isinstance(result, Pet) and isinstance(result.root, Cat)
    assert (result.root.name, result.root.age) == ("Tom", -3)  # out of range: kept as sent
    assert drift == [("$.age", "type", -3)]


def test_nested_lists_dicts_and_unions() -> None:
    body = {
        "pets": [{"kind": "dog", "barks": 3}, {"kind": "cat", "name": 5, "age": 2}, {"kind": "fish"}],
        "by_name": {"tom": {"kind": "cat", "name": "Tom", "age": "old"}},
        "count": None,
        "note": "extra",
    }
    result, drift = _read(Shelter, body)
    assert isinstance(result, Shelter)
    assert result.pets[0] == Pet(Dog(kind="dog", barks=3))
    assert isinstance(result.pets[1].root, Cat) and result.pets[1].root.name == 5
    assert result.by_name["tom"].age == "old"
    assert result.count is None and result.model_extra == {"note": "extra"}
    assert ("$.pets[1].name", "type", 5) in drift
    assert ("$.by_name.tom.age", "type", "old") in drift
    assert ("$.count", "null", None) in drift
    assert [d for d in drift if d[0].startswith("$.pets[2]")]  # a union member matching nothing still reports
    assert isinstance(result.pets[2], Pet)


def test_a_list_result_is_a_plain_list_carrying_its_drift() -> None:
    result, drift = _read(list[Cat], [{"kind": "cat", "name": "Tom", "age": 1}, {"kind": "cat", "name": "Ann", "age": "x"}])
    assert isinstance(result, list) and result == [Cat(kind="cat", name="Tom", age=1), result[1]]
    assert drift == [("$[1].age", "type", "x")]
    assert entries(module("monica").drift_of(result)) == drift


def test_a_drifted_model_goes_back_on_the_wire_as_sent() -> None:
    pkg = module("monica")
    result, _ = _read(pkg.models.Contact, {"id": 3, "is_partial": "sometimes", "mood": "fine"})
    assert pkg._runtime.jsonable(result) == {"id": 3, "is_partial": "sometimes", "mood": "fine"}


def test_deep_copy_keeps_the_values() -> None:
    result, _ = _read(Cat, {"kind": "cat", "name": "Tom", "age": "x"})
    assert copy.deepcopy(result).age == "x"


def test_server_sent_keys_are_escaped_in_paths_and_log_lines(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    runtime = module("monica")._runtime
    body = {"pets": [], "count": 1, "by_name": {"tom\nINFO forged line": {"kind": "cat", "name": "Tom", "age": "x"}, "é.x": {"kind": "cat", "name": "A", "age": "y"}}}
    _, drift = _read(Shelter, body)
    assert [path for path, _, _ in drift] == ['$.by_name["tom\\nINFO forged line"].age', '$.by_name["\\u00e9.x"].age']
    _, found = runtime._read_leniently(runtime.ResponseSpec("json", lambda: Shelter), body)
    runtime._warn_drift("op", found)
    assert all("\n" not in r.getMessage() and r.getMessage().isascii() for r in caplog.records)
    assert len(caplog.records) == 2
