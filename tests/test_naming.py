"""Names: readable, distinct on collisions, Python-safe, and stable across runs and unrelated spec changes."""

from __future__ import annotations

import builtins
import json
import keyword
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
import pytest
import yaml

from generator.errors import TrunklineError
from generator.modeling.build import build
from generator.modeling.naming import (
    CLIENT_ATTRIBUTES,
    MODEL_ATTRIBUTES,
    NAMESPACE_ATTRIBUTES,
    Namer,
    attribute,
    class_name,
    enum_members,
    field_names,
    is_identifier,
    method_name,
    namespace,
    path_namespace,
    resource_class,
    snake,
    vendor_names,
    words,
)
from generator.reading.load import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus")
HTTP = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def test_words_keep_comparisons_and_signs_apart() -> None:
    assert words("StartTime<") == ["start", "time", "lt"]
    assert words("HTTPStatusCode") == ["http", "status", "code"]
    assert [snake(t) for t in ("StartTime", "StartTime<", "StartTime>", "StartTime<=", "+1", "-1", "1")] == [
        "start_time", "start_time_lt", "start_time_gt", "start_time_le", "plus_1", "minus_1", "_1",
    ]


@pytest.mark.parametrize("text", ["", "   ", "日本語", "\x00", "__", "-", "<>", "😀"])
def test_every_text_gets_a_usable_name(text: str) -> None:
    for name in (attribute(text), class_name(text), method_name(text, "", "get", "/"), *field_names([text]).values()):
        assert is_identifier(name), (text, name)


@pytest.mark.parametrize("word", sorted(set(keyword.kwlist) | {"self", "httpx", "models", "request_options", "cast", "builtins"}))
def test_parameter_names_clear_keywords_and_runtime_names(word: str) -> None:
    assert attribute(word) == (word + "_" if word.islower() else word.lower())  # `None` is `none`, no keyword
    assert is_identifier(attribute(word))


@pytest.mark.parametrize("word", ["list", "dict", "str", "BaseModel", "Field", "Enum", "Any", "date", "Unused", "Exception", "object"])
def test_class_names_shadow_no_builtin_or_import(word: str) -> None:
    name = class_name(word)
    assert name not in dir(builtins) and name not in {"BaseModel", "Field", "Enum", "Any", "Unused"}
    assert is_identifier(name)


def test_field_names_are_distinct_public_and_clear_of_basemodel() -> None:
    keys = ["class", "Class", "CLASS", "model_config", "model_dump", "model_x", "json", "schema", "_private",
            "__init__", "1", "+1", "-1", "StartTime", "StartTime<", "StartTime>", "startTime", "a-b", "a_b", "type", "self"]
    names = field_names(keys)
    assert len(set(names.values())) == len(keys)
    for key, name in names.items():
        assert is_identifier(name) and not name.startswith("_"), key
        assert name not in MODEL_ATTRIBUTES and not name.startswith("model_"), key
    assert (names["StartTime"], names["StartTime<"], names["StartTime>"]) == ("start_time", "start_time_lt", "start_time_gt")
    assert (names["+1"], names["-1"], names["1"]) == ("plus_1", "minus_1", "field_1")
    assert (names["class"], names["Class"], names["type"], names["self"]) == ("class_", "class_2", "type", "self")


def test_model_attributes_cover_the_installed_pydantic() -> None:
    public = {name for name in dir(pydantic.BaseModel) if not name.startswith("_")}
    assert public <= MODEL_ATTRIBUTES


def test_enum_members_are_distinct_upper_and_honour_given_names() -> None:
    values = ["StartTime", "StartTime<", "StartTime>", "+1", "-1", "1", "", "mro", "a b", "A-B"]
    members = enum_members(values)
    assert members[:6] == ["START_TIME", "START_TIME_LT", "START_TIME_GT", "PLUS_1", "MINUS_1", "V_1"]
    assert len(set(members)) == len(values)
    assert all(is_identifier(m) and m.isupper() and not m.startswith("_") for m in members)
    assert enum_members([1, 2], ["low", "A = 1; import os"]) == ["LOW", "A_EQ_1_IMPORT_OS"]
    assert enum_members([1, 2], ["same", "same"]) == ["SAME", "SAME_2"]
    assert enum_members([1, -2, 1.5]) == ["NUMBER_1", "MINUS_NUMBER_2", "NUMBER_1_POINT_5"]


@pytest.mark.parametrize(
    ("operation_id", "tag", "method", "path", "expected"),
    [
        ("repos/get", "repos", "get", "/repos/{owner}/{repo}", "get"),
        ("apps/get-authenticated", "apps", "get", "/app", "get_authenticated"),
        ("calls_list", "calls", "get", "/calls", "list"),
        ("GetCustomersCustomer", "customers", "get", "/v1/customers/{customer}", "get_customer"),
        ("GetCustomers", "customers", "get", "/v1/customers", "list"),
        ("PostCustomers", "customers", "post", "/v1/customers", "create"),
        ("GetBalance", "balance", "get", "/v1/balance", "get"),
        ("ListVerifiedNumbers", "Verified Numbers", "get", "/verified_numbers", "list"),
        ("SendDTMF", "Call Commands", "post", "/calls/{id}/actions/send_dtmf", "send_dtmf"),
        ("findPets", "pets", "get", "/pets", "find"),
        ("addPet", "pets", "post", "/pets", "add_pet"),
        ("import", "other", "get", "/x", "import_"),
        ("with_raw_response", "x", "get", "/x", "with_raw_response"),
        ("547636a6f918230da8553640", "get_prediction", "get", "/GetPrediction/{StationCodes}", "get_station_codes"),
        ("2fa_enable", "users", "post", "/users/2fa", "post_2fa_enable"),
        ("123", "x", "get", "/", "get"),
    ],
)
def test_method_names_read_well(operation_id: str, tag: str, method: str, path: str, expected: str) -> None:
    assert method_name(operation_id, tag, method, path) == expected


def test_untagged_operations_group_by_resource_not_version() -> None:
    assert path_namespace("/v1/customers/{customer}") == "customers"
    assert path_namespace("/api/v2.1/calls") == "calls"
    assert path_namespace("/{tenant}/users") == "users"
    assert path_namespace("/") == "default"


def test_namespaces_and_classes_avoid_client_attributes_and_each_other() -> None:
    names = Namer(CLIENT_ATTRIBUTES)
    attrs = [names.unique(namespace(tag), key=tag) for tag in ["with_raw_response", "close", "models", "Calls", "calls", "base_url"]]
    assert attrs == ["with_raw_response_2", "close_2", "models_", "calls", "calls_2", "base_url_2"]
    taken: set[str] = set()
    classes = [resource_class(a, taken) for a in ["async_calls", "calls", "calls_2"]]
    assert classes == ["AsyncCallsResource", "Calls2Resource", "Calls22Resource"]
    assert NAMESPACE_ATTRIBUTES >= {"with_raw_response"}


def test_namer_is_stable_per_key() -> None:
    names = Namer({"taken"})
    assert names.unique("taken") == "taken_2"
    assert names.unique("x", key="a") == "x"
    assert names.unique("x", key="b") == "x_2"
    assert names.unique("x", key="a") == "x"
    assert names.unique("class_") == "class_" and names.unique("class_", key="k") == "class_2"


@pytest.mark.parametrize("vendor", ["Bad Vendor!", "UPPER", "1abc", "a..b", "", "é"])
def test_unusable_vendor_names_are_errors(vendor: str) -> None:
    with pytest.raises(TrunklineError, match="cannot name a package"):
        vendor_names(vendor)


def test_vendor_names() -> None:
    assert vendor_names("voip_now") == ("trunkline-voip-now", "trunkline_voip_now", "VOIP_NOW")


def _spec(schemas: dict[str, Any], extra_paths: dict[str, Any] | None = None) -> dict[str, Any]:
    paths = {
        "/events": {"get": {"operationId": "events_list", "tags": ["events"], "parameters": [
            {"name": "StartTime", "in": "query", "schema": {"type": "string"}},
            {"name": "StartTime<", "in": "query", "schema": {"type": "string"}},
            {"name": "StartTime>", "in": "query", "schema": {"type": "string"}},
        ], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
            "type": "object", "properties": {"event": {"$ref": "#/components/schemas/Event"}, "inline": {
                "type": "object", "properties": {"x": {"type": "string"}}}}}}}}}}},
        **(extra_paths or {}),
    }
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths, "components": {"schemas": schemas}}


def _names(spec: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    package = build(parse(json.dumps(spec), Path("t.json"), "t.json"), "t")
    methods = {op.operation_id: f"{ns.attribute}.{op.method_name}({', '.join(p.name for p in op.params)})" for ns in package.namespaces for op in ns.operations}
    return methods, package.model_defs


SCHEMAS = {
    "Event": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}},
    "event": {"type": "object", "properties": {"y": {"type": "string"}}},
    "EventsListResponseInline": {"type": "object", "properties": {"z": {"type": "string"}}},
}


def test_same_spec_same_names() -> None:
    assert _names(_spec(SCHEMAS)) == _names(_spec(SCHEMAS))


def test_unrelated_additions_rename_nothing() -> None:
    methods, defs = _names(_spec(SCHEMAS))
    more = {"Zebra": {"type": "object", "properties": {"q": {"type": "string"}}}, **SCHEMAS, "Aardvark": {"type": "string", "enum": ["x"]}}
    extra = {"/zoo": {"get": {"operationId": "zoo_list", "tags": ["zoo"], "responses": {"200": {"description": "ok", "content": {
        "application/json": {"schema": {"type": "object", "properties": {"x": {"type": "string"}}}}}}}}}}
    methods_after, defs_after = _names(_spec(more, extra))
    assert {k: v for k, v in methods_after.items() if k in methods} == methods
    assert set(defs) <= set(defs_after)
    assert all(defs_after[name] == schema for name, schema in defs.items())
    assert methods["events_list"] == "events.list(start_time, start_time_lt, start_time_gt)"
    assert {"Event", "Event2", "EventsListResponseInline", "EventsListResponseInline2"} <= set(defs)


@cache
def _corpus(name: str) -> dict[str, Any]:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: the shared corpus of real specs is not on this machine")
    text = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        return dict(json.loads(text))
    return dict(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def _corpus_methods(name: str) -> dict[tuple[str, str], str]:
    """(method, path) -> `namespace.method`, named as `build` names them."""
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for path, item in _corpus(name)["paths"].items():
        for verb, op in item.items():
            if verb in HTTP:
                tag = (op.get("tags") or [path_namespace(path)])[0]
                grouped.setdefault(tag, []).append((op.get("operationId") or f"{verb}_{path}", verb, path))
    result = {}
    namespaces = Namer(CLIENT_ATTRIBUTES)
    for tag, ops in grouped.items():
        attr = namespaces.unique(namespace(tag), key=tag)
        methods = Namer(NAMESPACE_ATTRIBUTES)
        for operation_id, verb, path in ops:
            result[(verb, path)] = f"{attr}.{methods.unique(method_name(operation_id, tag, verb, path), key=f'{verb} {path}')}"
    return result


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("github.json", {("get", "/repos/{owner}/{repo}"): "repos.get", ("get", "/app"): "apps.get_authenticated",
                         ("get", "/repos/{owner}/{repo}/pulls"): "pulls.list"}),
        ("stripe.yaml", {("get", "/v1/customers/{customer}"): "customers.get_customer", ("get", "/v1/customers"): "customers.list",
                         ("post", "/v1/customers"): "customers.create", ("get", "/v1/balance"): "balance.get"}),
        ("telnyx.yml", {("post", "/calls/{call_control_id}/actions/send_dtmf"): "call_commands.send_dtmf"}),
        ("petstore.yaml", {("get", "/pets"): "pets.find", ("post", "/pets"): "pets.add_pet"}),
    ],
)
def test_real_specs_get_readable_distinct_names(spec: str, expected: dict[tuple[str, str], str]) -> None:
    names = _corpus_methods(spec)
    assert {key: names[key] for key in expected} == expected
    for full in names.values():
        attr, method = full.split(".")
        assert is_identifier(attr) and is_identifier(method), full
    assert len(set(names.values())) == len(names)
    assert not any(name.rsplit("_", 1)[-1].isdigit() and name.rsplit("_", 1)[0] in names.values() for name in names.values())


def test_model_names_taken_by_the_model_generator_are_given_back() -> None:
    from generator.rendering.model_input import reclaim_names

    source = (
        "class Invoice(RootModel[str]):\n    root: str\n\n\n"
        "class InvoiceModel(BaseModel):\n    invoice: Invoice | None = None\n    again: InvoiceModel | None = None\n\n\n"
        "class Charge(BaseModel):\n    invoice: InvoiceModel\n    text: str = 'InvoiceModel'\n"
    )
    reclaimed = reclaim_names(source, {"Invoice", "Charge"}, {"Invoice": "InvoiceModel", "Charge": "Charge"})
    assert reclaimed == (
        "class Invoice1(RootModel[str]):\n    root: str\n\n\n"
        "class Invoice(BaseModel):\n    invoice: Invoice1 | None = None\n    again: Invoice | None = None\n\n\n"
        "class Charge(BaseModel):\n    invoice: Invoice\n    text: str = 'InvoiceModel'\n"
    )
    assert reclaim_names(source, {"Charge"}, {"Charge": "Charge"}) == source


def test_model_names_are_found_by_the_generators_model_metadata() -> None:
    """Which class is ours is what the model generator says it named `#/$defs/<name>`, not a guess."""
    from generator.rendering.model_input import reclaim_names

    source = (
        "class Session(RootModel[str]):\n    root: str\n\n\n"
        "class Session2(BaseModel):\n    \"\"\"\n    TrunklineDoc000007\n    \"\"\"\n\n    x: Session | None = None\n\n\n"
        "class Kind1(Enum):\n    \"\"\"\n    TrunklineDoc000008\n    \"\"\"\n\n    A = 1\n\n\n"
        "class Kind(RootModel[Kind1 | None]):\n    root: Kind1 | None\n"
    )
    reclaimed = reclaim_names(source, {"Session", "Kind"}, {"Session": "Session2", "Kind": "Kind1"})
    assert "class Session(BaseModel):" in reclaimed and "class Session1(RootModel[str]):" in reclaimed
    assert "x: Session1 | None" in reclaimed
    assert "class Kind1(Enum):" in reclaimed and "class Kind(RootModel[Kind1 | None]):" in reclaimed  # a wrapper keeps its name


def test_namer_remembers_the_next_suffix_and_still_skips_names_taken_meanwhile() -> None:
    namer = Namer(taken={"a"})
    assert [namer.unique("a", key=str(i)) for i in range(3)] == ["a_2", "a_3", "a_4"]
    assert namer.unique("a_5") == "a_5"  # taken by its own request, between two of `a`'s
    assert namer.unique("a", key="next") == "a_6"
    assert namer.unique("a", key="0") == "a_2"  # the same key, the same answer
