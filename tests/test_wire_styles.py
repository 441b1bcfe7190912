"""Every row of the OpenAPI specification's style-examples table, byte for byte on the wire (issue 18).

The expected forms are the table's (OpenAPI 3.1.1 / 3.0.4, "Style Examples"), for a parameter
named `color` with the values "" (empty), "blue", ["blue", "black", "brown"] and
{"R": 100, "G": 200, "B": 150}. Where the table writes `n/a` there is no row here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.wire_support import FLAVOURS, package, send

EMPTY, STRING, ARRAY, OBJECT = "", "blue", ["blue", "black", "brown"], {"R": 100, "G": 200, "B": 150}

# (location, style, explode): {value: the wire form the table gives}
TABLE: dict[tuple[str, str, bool], list[tuple[Any, str]]] = {
    ("path", "matrix", False): [(EMPTY, ";color"), (STRING, ";color=blue"), (ARRAY, ";color=blue,black,brown"), (OBJECT, ";color=R,100,G,200,B,150")],
    ("path", "matrix", True): [(EMPTY, ";color"), (STRING, ";color=blue"), (ARRAY, ";color=blue;color=black;color=brown"), (OBJECT, ";R=100;G=200;B=150")],
    # The table's empty label is "." : a whole path segment "." would be removed as a dot segment, so it goes escaped.
    ("path", "label", False): [(EMPTY, "%2E"), (STRING, ".blue"), (ARRAY, ".blue,black,brown"), (OBJECT, ".R,100,G,200,B,150")],
    ("path", "label", True): [(EMPTY, "%2E"), (STRING, ".blue"), (ARRAY, ".blue.black.brown"), (OBJECT, ".R=100.G=200.B=150")],
    ("path", "simple", False): [(STRING, "blue"), (ARRAY, "blue,black,brown"), (OBJECT, "R,100,G,200,B,150")],
    ("path", "simple", True): [(STRING, "blue"), (ARRAY, "blue,black,brown"), (OBJECT, "R=100,G=200,B=150")],
    ("query", "form", False): [(EMPTY, "color="), (STRING, "color=blue"), (ARRAY, "color=blue,black,brown"), (OBJECT, "color=R,100,G,200,B,150")],
    ("query", "form", True): [(EMPTY, "color="), (STRING, "color=blue"), (ARRAY, "color=blue&color=black&color=brown"), (OBJECT, "R=100&G=200&B=150")],
    ("query", "spaceDelimited", False): [(ARRAY, "color=blue%20black%20brown"), (OBJECT, "color=R%20100%20G%20200%20B%20150")],
    ("query", "pipeDelimited", False): [(ARRAY, "color=blue|black|brown"), (OBJECT, "color=R|100|G|200|B|150")],
    ("query", "deepObject", True): [(OBJECT, "color[R]=100&color[G]=200&color[B]=150")],
    # header `simple` (the table's simple column; a header carries no name prefix)
    ("header", "simple", False): [(STRING, "blue"), (ARRAY, "blue,black,brown"), (OBJECT, "R,100,G,200,B,150")],
    ("header", "simple", True): [(STRING, "blue"), (ARRAY, "blue,black,brown"), (OBJECT, "R=100,G=200,B=150")],
    # cookie `form`: the form column, each pair one cookie
    ("cookie", "form", False): [(STRING, "color=blue"), (ARRAY, "color=blue,black,brown"), (OBJECT, "color=R,100,G,200,B,150")],
    ("cookie", "form", True): [(STRING, "color=blue"), (ARRAY, "color=blue; color=black; color=brown"), (OBJECT, "R=100; G=200; B=150")],
}


def _op_id(location: str, style: str, explode: bool) -> str:
    return f"{location}_{style.lower()}_{'explode' if explode else 'flat'}"


def _operation(location: str, style: str, explode: bool) -> dict[str, Any]:
    wire = "X-Color" if location == "header" else "color"
    param = {"name": wire, "in": location, "required": location == "path", "style": style, "explode": explode, "schema": {}}
    return {"get": {"operationId": _op_id(location, style, explode), "tags": ["styles"], "parameters": [param],
                    "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}}}


def _extra_ops() -> dict[str, Any]:
    ok = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
    return {
        "/reserved": {"get": {"operationId": "reserved", "tags": ["styles"], "responses": ok, "parameters": [
            {"name": "path", "in": "query", "allowReserved": True, "schema": {"type": "string"}},
            {"name": "plain", "in": "query", "schema": {"type": "string"}},
        ]}},
        "/content": {"get": {"operationId": "content_param", "tags": ["styles"], "responses": ok, "parameters": [
            {"name": "filter", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}},
            {"name": "X-Filter", "in": "header", "content": {"application/json": {"schema": {"type": "object"}}}},
            {"name": "q", "in": "query", "content": {"text/plain": {"schema": {"type": "string"}}}},
        ]}},
        "/deep": {"get": {"operationId": "deep_nested", "tags": ["styles"], "responses": ok, "parameters": [
            {"name": "filter", "in": "query", "style": "deepObject", "explode": True, "schema": {"type": "object"}},
        ]}},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Styles", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "styles"}],
    "paths": {
        **{(f"/p/{_op_id(*key)}/{{color}}" if key[0] == "path" else f"/{_op_id(*key)}"): _operation(*key) for key in TABLE},
        **_extra_ops(),
    },
}

CASES = [(key, value, wire) for key, rows in TABLE.items() for value, wire in rows]


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("styles"), "styles") as module:
        yield module


def _wire(request: Any, location: str, name: str) -> str:
    """The part of the request a parameter in `location` ends up in, as raw text."""
    if location == "path":
        return request.url.raw_path.decode("ascii").rsplit("/", 1)[1]
    if location == "query":
        return request.url.query.decode("ascii")
    if location == "header":
        return request.headers["X-Color"]
    return request.headers["Cookie"]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(("key", "value", "expected"), CASES, ids=[f"{k[0]}-{k[1]}-{k[2]}-{type(v).__name__}" for k, v, _ in CASES])
def test_style_table_row(styles: ModuleType, flavour: str, key: tuple[str, str, bool], value: Any, expected: str) -> None:
    location, style, explode = key
    method = _op_id(location, style, explode)
    arg = "x_color" if location == "header" else "color"
    request, _ = send(styles, flavour, lambda c: getattr(c.styles, method)(**{arg: value}))
    assert _wire(request, location, arg) == expected


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_values_holding_delimiters_are_escaped(styles: ModuleType, flavour: str) -> None:
    """A comma, semicolon or dot inside a value cannot pass for the style's delimiter."""
    request, _ = send(styles, flavour, lambda c: c.styles.path_matrix_flat(color=["a,b", "c;d=e"]))
    assert request.url.raw_path.decode().rsplit("/", 1)[1] == ";color=a%2Cb,c%3Bd%3De"
    request, _ = send(styles, flavour, lambda c: c.styles.path_label_explode(color=["a.b", "c"]))
    assert request.url.raw_path.decode().rsplit("/", 1)[1] == ".a%2Eb.c"
    request, _ = send(styles, flavour, lambda c: c.styles.query_form_flat(color=["a,b", "c&d"]))
    assert request.url.query == b"color=a%2Cb,c%26d"
    request, _ = send(styles, flavour, lambda c: c.styles.path_simple_flat(color="../x"))
    assert request.url.raw_path == b"/v1/p/path_simple_flat/..%2Fx"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_allow_reserved(styles: ModuleType, flavour: str) -> None:
    """allowReserved keeps reserved characters, except those that would end the pair or the URL."""
    request, _ = send(styles, flavour, lambda c: c.styles.reserved(path="/a/b:c?d,e@f&g=h#i", plain="/a/b:c"))
    assert request.url.query == b"path=/a/b:c?d,e@f%26g%3Dh%23i&plain=%2Fa%2Fb%3Ac"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_content_parameters_are_json(styles: ModuleType, flavour: str) -> None:
    request, _ = send(styles, flavour, lambda c: c.styles.content_param(filter={"a": [1, "x y"]}, x_filter={"b": True}, q="a b"))
    assert request.url.query == b"filter=%7B%22a%22%3A%5B1%2C%22x%20y%22%5D%7D&q=a%20b"  # text/plain: the text itself
    assert request.headers["X-Filter"] == '{"b":true}'


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_deep_object_nests_with_brackets(styles: ModuleType, flavour: str) -> None:
    """Nested objects `a[b][c]=v`, arrays `a[0]=v` (the convention Stripe's libraries send)."""
    value = {"customer": {"address": {"city": "Köln"}}, "ids": ["x", "y"], "items": [{"price": 5}]}
    request, _ = send(styles, flavour, lambda c: c.styles.deep_nested(filter=value))
    assert request.url.query.decode() == (
        "filter[customer][address][city]=K%C3%B6ln&filter[ids][0]=x&filter[ids][1]=y&filter[items][0][price]=5"
    )


def test_hostile_header_and_cookie_values_are_still_refused(styles: ModuleType) -> None:
    """Arrays and objects in headers go through the same checks as strings (issue 17)."""
    with pytest.raises(ValueError, match="line break"):
        send(styles, "sync", lambda c: c.styles.header_simple_flat(x_color=["a", "b\r\nX-Evil: 1"]))
    request, _ = send(styles, "sync", lambda c: c.styles.cookie_form_flat(color=["a;b", "c d"]))
    assert request.headers["Cookie"] == "color=a%3Bb,c%20d"


def test_path_template_of_the_spec(tmp_path: Path) -> None:
    """The styles spec itself is valid: every path parameter is in its template."""
    for path, item in SPEC["paths"].items():
        for param in item["get"]["parameters"]:
            if param["in"] == "path":
                assert "{" + param["name"] + "}" in path


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_exploded_form_object_repeats_an_array_member(styles: ModuleType, flavour: str) -> None:
    """An exploded form object's array member repeats its name per item (what openapi-core and Prism read);
    a deeper object has no form of its own and goes as JSON text."""
    value = {"iccid": "89", "status": ["enabled", "disabled"], "name": {"starts_with": "T"}}
    request, _ = send(styles, flavour, lambda c: c.styles.query_form_explode(color=value))
    assert request.url.query.decode() == (
        "iccid=89&status=enabled&status=disabled&name=%7B%22starts_with%22%3A%22T%22%7D"
    )
