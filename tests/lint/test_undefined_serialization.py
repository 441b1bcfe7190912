"""`undefined-serialization` and `multipart-style-version`: every shape OpenAPI leaves undefined, where lint
finds it, and that the form each finding says the client sends is the one the generated client sends (issue 18)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from generator.lint import lint
from generator.lint.config import Config
from generator.reading.load import load
from tests.lint.conftest import lint_text
from tests.wire_support import package, send

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
OK = {"200": {"description": "OK"}}
FORM = "/paths/~1form/post/requestBody/content/application~1x-www-form-urlencoded"
MULTI = "/paths/~1multi/post/requestBody/content/multipart~1form-data"


def _obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


S, ARR = {"type": "string"}, {"type": "array", "items": {"type": "string"}}


def _get(path: str, *params: dict[str, Any]) -> dict[str, Any]:
    return {path: {"get": {"operationId": path.strip("/").split("/")[0], "tags": ["u"], "parameters": list(params), "responses": OK}}}


def _q(name: str, schema: dict[str, Any], **how: Any) -> dict[str, Any]:
    return {"name": name, "in": how.pop("location", "query"), "schema": schema, **how}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Undefined", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "u"}],
    "paths": {
        **_get("/form_nested", _q("filter", _obj(name=_obj(starts_with=S), tags=ARR, plain=S))),
        **_get("/deep", _q("filter", {"$ref": "#/components/schemas/Filter"}, style="deepObject", explode=True)),
        **_get("/deep_flat", _q("sort", _obj(a=S), style="deepObject", explode=False)),
        **_get("/deep_default", _q("sort", _obj(a=S), style="deepObject")),
        **_get("/deep_array", _q("expand", ARR, style="deepObject", explode=True)),
        **_get("/pipes", _q("ids", ARR, style="pipeDelimited", explode=True)),
        **_get("/space_scalar", _q("q", S, style="spaceDelimited")),
        **_get("/items", _q("rows", {"type": "array", "items": _obj(a={"type": "integer"})}, explode=False)),
        **_get("/space_nested", _q("box", _obj(inner=_obj(k=S), plain=S), style="spaceDelimited", explode=False)),
        **_get("/deep_items", _q("rows", {"type": "array", "items": _obj(a=S)}, style="deepObject", explode=True)),
        **_get("/path/{ids}", _q("ids", {"type": "array", "items": _obj(a=S)}, location="path", required=True)),
        **_get("/label/{ids}", _q("ids", {"type": "array", "items": _obj(a=S)}, location="path", required=True, style="label", explode=True)),
        **_get("/header", _q("X-Meta", _obj(inner=_obj(k=S)), location="header")),
        **_get("/cookie", _q("ids", ARR, location="cookie", explode=False)),
        **_get("/clean",
               {"name": "where", "in": "query", "content": {"application/json": {"schema": _obj(a=_obj(b=S))}}},
               _q("filter", _obj(a=S, b={"type": "integer"})),
               _q("deep", _obj(a=S), style="deepObject", explode=True),
               _q("ids", ARR, style="pipeDelimited"),
               _q("X-List", ARR, location="header")),
        "/form": {"post": {"operationId": "form", "tags": ["u"], "responses": OK, "requestBody": {"content": {
            "application/x-www-form-urlencoded": {
                "schema": {"$ref": "#/components/schemas/Dial"},
                "encoding": {"json_meta": {"contentType": "application/json"}, "styled": {"style": "form", "explode": True}},
            }}}}},
        "/allof": {"post": {"operationId": "allof", "tags": ["u"], "responses": OK, "requestBody": {"content": {
            "application/x-www-form-urlencoded": {
                "schema": {"allOf": [_obj(meta=_obj(a=S))]},
                "encoding": {"meta": {"style": "deepObject", "explode": True}},
            }}}}},
        "/multi": {"post": {"operationId": "multi", "tags": ["u"], "responses": OK, "requestBody": {"content": {
            "multipart/form-data": {
                "schema": _obj(file={"type": "string", "format": "binary"}, meta=_obj(k=_obj(x=S)),
                               data=_obj(metadata=_obj(k=S), plain=S)),
                "encoding": {"data": {"style": "deepObject", "explode": True}},
            }}}}},
    },
    "components": {"schemas": {
        "Filter": {"allOf": [_obj(plain=S), _obj(created_at=_obj(gte=S))]},
        "Header": _obj(name=S, value=S),
        "Dial": _obj(To=S, CustomHeaders={"type": "array", "items": {"$ref": "#/components/schemas/Header"}},
                     address=_obj(city=S), json_meta=_obj(k=_obj(x=S)), styled=_obj(city=S)),
    }},
}

# pointer -> phrases its message holds; nothing else is reported
EXPECTED: dict[str, tuple[str, ...]] = {
    "/paths/~1form_nested/get/parameters/0": ("members `name`, `tags` may be arrays or objects",
                                              "`tags=…&tags=…` for an array", "`name={…}` for an object", "without `filter`"),
    "/paths/~1deep/get/parameters/0": ("member `created_at` may be an object", "`filter[created_at][…]=…`"),
    "/paths/~1deep_flat/get/parameters/0/explode": ("`deepObject` with `explode: false` undefined", "`sort[…]=…`"),
    "/paths/~1deep_default/get/parameters/0/style": ("`explode` left at its default, false,", "`sort[…]=…`"),
    "/paths/~1deep_array/get/parameters/0": ("may be an array, but OpenAPI defines `deepObject` for objects only", "`expand[0]=…&expand[1]=…`"),
    "/paths/~1pipes/get/parameters/0/explode": ("`pipeDelimited` with `explode: true` undefined", "`ids=…|…`"),
    "/paths/~1space_scalar/get/parameters/0": ("may be a scalar, but OpenAPI defines `spaceDelimited` for arrays and objects only", "`q=…`"),
    "/paths/~1items/get/parameters/0": ("its items may be objects", "`rows={…},{…}`"),
    "/paths/~1header/get/parameters/0": ("member `inner` may be an object", "`inner,{…}`"),
    "/paths/~1label~1{ids}/get/parameters/0": ("its items may be objects", "`.{…}.{…}`"),
    "/paths/~1space_nested/get/parameters/0": ("member `inner` may be an object", "`box=…inner%20{…}…`"),
    "/paths/~1deep_items/get/parameters/0": ("may be an array, but OpenAPI defines `deepObject` for objects only",
                                             "`rows[0][…]=…`, brackets to any depth"),
    "/paths/~1path~1{ids}/get/parameters/0": ("its items may be objects", "joined by commas: `{…},{…}`"),
    "/paths/~1cookie/get/parameters/0": ("Appendix D", "one cookie `ids=…,…`"),
    "/components/schemas/Dial/properties/CustomHeaders": ("its items may be objects", "`CustomHeaders={…}&CustomHeaders={…}`",
                                                          "`contentType: application/json` and no `style`"),
    "/components/schemas/Dial/properties/address": ("has no `encoding` entry", "OpenAPI 3.0.4 and 3.1.1", "without the name `address`"),
    MULTI + "/schema/properties/data": ("member `metadata` may be an object", "`data[metadata][…]=…`"),
}


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "undefined.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    return path


def _findings(tmp_path: Path, rule: str = "undefined-serialization") -> dict[str, str]:
    found = [f for f in lint(load(_write(tmp_path)), Config()) if f.rule == rule]
    assert len({f.location.pointer for f in found}) == len(found), [str(f) for f in found]
    return {f.location.pointer: f.message for f in found}


def test_each_undefined_shape_is_reported_where_it_is_written(tmp_path: Path) -> None:
    found = _findings(tmp_path)
    assert sorted(found) == sorted(EXPECTED)
    for ptr, phrases in EXPECTED.items():
        for phrase in phrases:
            assert phrase in found[ptr], (ptr, phrase, found[ptr])


def test_findings_sit_on_the_line_of_what_they_name(tmp_path: Path) -> None:
    """A YAML spec: the finding's line is the parameter's, the `explode` key's, or the property's."""
    text = (
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n"
        "        - name: sort\n          in: query\n          style: deepObject\n          explode: false\n"
        "          schema: {type: object, properties: {a: {type: string}}}\n"
        "      responses: {'200': {description: ok}}\n    post:\n      requestBody:\n        content:\n"
        "          application/x-www-form-urlencoded:\n            schema:\n              type: object\n"
        "              properties:\n                rows:\n                  type: array\n"
        "                  items: {type: object, properties: {a: {type: string}}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    found = {f.location.pointer: f.location.line for f in lint_text(tmp_path, text) if f.rule == "undefined-serialization"}
    rows = "/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/rows"
    assert found == {"/paths/~1a/get/parameters/0/explode": 10, rows: 20}


def test_style_keys_of_a_multipart_field_in_a_3_0_document(tmp_path: Path) -> None:
    """3.0 ignores them outside form bodies; the client honours them. 3.1 applies them: nothing to say."""
    assert _findings(tmp_path, "multipart-style-version") == {}
    SPEC30 = {**SPEC, "openapi": "3.0.3"}
    (tmp_path / "v30").mkdir()
    path = tmp_path / "v30" / "undefined.json"
    path.write_text(json.dumps(SPEC30), encoding="utf-8")
    found = {f.location.pointer: f for f in lint(load(path), Config()) if f.rule == "multipart-style-version"}
    assert list(found) == [MULTI + "/encoding/data/style"]
    finding = found[MULTI + "/encoding/data/style"]
    assert finding.severity.value == "info"
    assert "`data` has `style`, `explode`" in finding.message and "`data[key]` for an object member" in finding.message
    assert "`openapi: 3.1.x`" in finding.message


# -- what the findings say the client sends is what it sends ---------------------------------------
CALLS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "/paths/~1form_nested/get/parameters/0": (lambda c: c.u.form_nested(filter={"name": {"starts_with": "AT"}, "tags": ["a", "b"]}), "query"),
    "/paths/~1deep/get/parameters/0": (lambda c: c.u.deep(filter={"created_at": {"gte": "2024"}}), "query"),
    "/paths/~1deep_flat/get/parameters/0/explode": (lambda c: c.u.deep_flat(sort={"a": "x"}), "query"),
    "/paths/~1deep_default/get/parameters/0/style": (lambda c: c.u.deep_default(sort={"a": "x"}), "query"),
    "/paths/~1deep_array/get/parameters/0": (lambda c: c.u.deep_array(expand=["a", "b"]), "query"),
    "/paths/~1pipes/get/parameters/0/explode": (lambda c: c.u.pipes(ids=["a", "b"]), "query"),
    "/paths/~1space_scalar/get/parameters/0": (lambda c: c.u.space_scalar(q="x"), "query"),
    "/paths/~1items/get/parameters/0": (lambda c: c.u.items(rows=[{"a": 1}, {"a": 2}]), "query"),
    "/paths/~1label~1{ids}/get/parameters/0": (lambda c: c.u.label(ids=[{"a": "x"}, {"a": "y"}]), "path"),
    "/paths/~1header/get/parameters/0": (lambda c: c.u.header(x_meta={"inner": {"k": "v"}}), "X-Meta"),
    "/paths/~1space_nested/get/parameters/0": (lambda c: c.u.space_nested(box={"plain": "p", "inner": {"k": "v"}}), "query"),
    "/paths/~1deep_items/get/parameters/0": (lambda c: c.u.deep_items(rows=[{"a": "x"}, {"a": "y"}]), "query"),
    "/paths/~1path~1{ids}/get/parameters/0": (lambda c: c.u.path(ids=[{"a": "x"}, {"a": "y"}]), "path"),
    "/paths/~1cookie/get/parameters/0": (lambda c: c.u.cookie(ids=["a", "b"]), "Cookie"),
    "/components/schemas/Dial/properties/CustomHeaders": (
        lambda c: c.u.form(custom_headers=[{"name": "X-A", "value": "1"}, {"name": "X-B", "value": "2"}]), "body"),
}


@pytest.fixture(scope="module")
def client_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("undefined"), "undefined") as module:
        yield module


def _pattern(example: str) -> str:
    """A regex of a message's example wire form: each `…` stands for any text."""
    return "".join(".*?" if part == "…" else re.escape(part) for part in re.split("(…)", unquote(example)))


def _claimed(message: str) -> str:
    """The first wire form the message says the client sends."""
    sent = message.split("the client sends", 1)[1]
    return re.findall(r"`([^`]*)`", sent)[0]


def _wire(request: httpx.Request, where: str) -> str:
    if where == "query":
        return unquote(request.url.query.decode("ascii"))
    if where == "path":
        return unquote(request.url.raw_path.decode("ascii"))
    if where == "body":
        return unquote(request.content.decode("ascii"))
    return unquote(request.headers[where])


@pytest.mark.slow
@pytest.mark.parametrize("ptr", sorted(CALLS))
def test_the_client_sends_what_the_finding_says(client_module: ModuleType, tmp_path: Path, ptr: str) -> None:
    message = _findings(tmp_path)[ptr]
    call, where = CALLS[ptr]
    request, _ = send(client_module, "sync", call)
    wire = _wire(request, where)
    assert re.search(_pattern(_claimed(message)), wire), (_claimed(message), wire)


@pytest.mark.slow
def test_the_client_sends_the_forms_named_for_nested_members_and_fields(client_module: ModuleType) -> None:
    """The exact wire forms behind the findings' examples, and the multipart bracket parts."""
    request, _ = send(client_module, "sync", CALLS["/paths/~1form_nested/get/parameters/0"][0])
    assert _wire(request, "query") == 'name={"starts_with":"AT"}&tags=a&tags=b'
    request, _ = send(client_module, "sync", lambda c: c.u.form(address={"city": "X"}, styled={"city": "Y"}, json_meta={"k": {"x": "1"}}))
    assert _wire(request, "body") == 'city=X&json_meta={"k":{"x":"1"}}&city=Y'
    request, _ = send(client_module, "sync", lambda c: c.u.allof(body={"meta": {"a": "x"}}))
    assert _wire(request, "body") == "meta[a]=x"  # the deepObject entry applies to a property `allOf` declares
    request, _ = send(client_module, "sync", lambda c: c.u.multi(data={"metadata": {"k": "v"}, "plain": "p"}))
    assert b'name="data[metadata][k]"' in request.content and b'name="data[plain]"' in request.content


# -- the corpus ------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "telnyx.yml").is_file(), reason=f"no public spec corpus at {CORPUS}")
def test_telnyx_cases_are_found() -> None:
    """An object inside a form-exploded object, and an array of objects in a form body without `encoding`."""
    from generator.lint.registry import RULES, Context
    from generator.reading.validate import spec_version

    document = load(CORPUS / "telnyx.yml")
    found = {f.location.pointer: f.message for f in RULES["undefined-serialization"].run(Context(document, spec_version(document)))}
    filter_ptr = "/components/parameters/FilterMobileNetworkOperatorsConsolidated"
    assert "member `name` may be an object" in found[filter_ptr] and "`name={…}`" in found[filter_ptr]
    headers = "/components/schemas/DialConferenceParticipantRequest/properties/CustomHeaders"
    assert "`CustomHeaders={…}&CustomHeaders={…}`" in found[headers]
    assert len(found) == 61


def test_an_encoding_entry_for_a_property_from_all_of(tmp_path: Path) -> None:
    """An entry applies to a field wherever the body schema declares it (here in `allOf`), so it is judged as any other."""
    text = (
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n"
        "          application/x-www-form-urlencoded:\n"
        "            schema: {allOf: [{type: object, properties: {meta: {type: object, properties: {a: {type: string}}}}}]}\n"
        "            encoding: {meta: {style: deepObject, explode: false}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    found = [(f.location.pointer, f.message) for f in lint_text(tmp_path, text) if f.rule == "undefined-serialization"]
    assert [ptr for ptr, _ in found] == ["/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/encoding/meta/explode"]
    assert "`deepObject` with `explode: false` undefined" in found[0][1]


def test_schemas_that_refer_to_themselves_end(tmp_path: Path) -> None:
    """Schemas that lead back to each other (allOf, members) are read once each: one finding, no endless walk."""
    text = (
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n"
        "        - {name: tree, in: query, style: deepObject, explode: true, schema: {$ref: '#/components/schemas/A'}}\n"
        "      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    A:\n"
        "      allOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/B'}]\n"
        "      type: object\n      properties: {child: {$ref: '#/components/schemas/A'}}\n"
        "    B:\n      type: object\n      properties: {back: {$ref: '#/components/schemas/A'}}\n"
    )
    found = [(f.location.pointer, f.message) for f in lint_text(tmp_path, text) if f.rule == "undefined-serialization"]
    assert [ptr for ptr, _ in found] == ["/paths/~1a/get/parameters/0"]
    assert "members `child`, `back` may be objects" in found[0][1] and "`tree[child][…]=…`" in found[0][1]
