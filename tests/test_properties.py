"""Property-based: random specs made of hostile pieces generate packages that import and say exactly what the spec says.

The package test builds specs from nasty names, descriptions, enum values and defaults, generates
each package (lint, build, render, black), imports it with warnings as errors, and checks enum
values, defaults, property aliases, wire names and docstrings against the spec. It runs 20
examples (a few seconds each); the escaper and naming properties are cheap and run more.
"""

from __future__ import annotations

import ast
import itertools
import math
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.modeling.naming import enum_members, field_names, is_identifier, method_name
from generator.rendering.escape import docstring, docstring_lines, markdown, py_literal, toml_string
from tests.fuzz.roundtrip import PAYLOADS, check_models, check_no_live_code, check_operations, generate, imported

NASTY_TEXT = [
    *PAYLOADS, '"', '"""', "'''", "\\", "\\n", "\\x00", "\\N{BULLET}", "{}", "{0}", "%s", "{{ x }}", "{% if %}", "\t", " ",
    "", "é", "日本語", "😀", "\u00a0", "class", "None", "True", "__init__", "# comment", "*/", "<!--", "`", "```",
]
NASTY_NAMES = [
    "class", "def", "None", "True", "self", "cls", "httpx", "models", "json", "timeout", "options", "cast", "body",
    "request_options", "list", "type", "match", "__init__", "__class__", "_private", "model_config", "model_dump",
    "schema", "root", "StartTime", "StartTime<", "StartTime>", "startTime", "start_time", "+1", "-1", "1", "a-b",
    "a_b", "A_B", "é", "e", "日本", "with_raw_response", "close", "base_url", "Field", "BaseModel", '"', "'", "\\",
]
SCHEMA_NAMES = ["BaseModel", "Field", "list", "int", "Enum", "Unused", "models", "StartTime", "Start_Time", "start.time", "Any", "date"]

chars = st.characters(blacklist_categories=("Cs",))
texts = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(chars, max_size=24),
    st.lists(st.sampled_from(NASTY_TEXT), min_size=2, max_size=4).map("".join),
)
names = st.one_of(st.sampled_from(NASTY_NAMES), st.text(chars, min_size=1, max_size=10))
schema_names = st.one_of(st.sampled_from(SCHEMA_NAMES), st.from_regex(r"[A-Za-z0-9._-]{1,10}", fullmatch=True))
_PACKAGES = itertools.count(1)


@st.composite
def string_schema(draw: st.DrawFn) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "description": draw(texts)}
    if draw(st.booleans()):
        schema["enum"] = draw(st.lists(texts, min_size=1, max_size=5, unique=True))
        if draw(st.booleans()):
            schema["default"] = draw(st.sampled_from(schema["enum"]))
    elif draw(st.booleans()):
        schema["default"] = draw(texts)
    return schema


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """An OpenAPI 3.1 document whose every name and text is drawn from hostile pieces."""
    models = draw(st.lists(schema_names, min_size=1, max_size=3, unique=True))
    schemas: dict[str, Any] = {}
    for model in models:
        keys = draw(st.lists(names, min_size=1, max_size=5, unique=True))
        schemas[model] = {"type": "object", "description": draw(texts), "properties": {k: draw(string_schema()) for k in keys}}
    kind = draw(schema_names.filter(lambda n: n not in schemas))
    schemas[kind] = {"type": "string", "description": draw(texts), "enum": draw(st.lists(texts, min_size=1, max_size=6, unique=True))}
    first = next(iter(schemas))
    schemas[first]["properties"][draw(names.filter(lambda n: n not in schemas[first]["properties"]))] = {"$ref": f"#/components/schemas/{kind}"}
    tags = draw(st.lists(names, min_size=1, max_size=2, unique=True))
    operation_ids = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    paths: dict[str, Any] = {}
    for i, operation_id in enumerate(operation_ids):
        wires = draw(st.lists(names, max_size=4, unique=True))
        paths[f"/p{i}/{{id}}"] = {"get": {
            "operationId": operation_id,
            "tags": [draw(st.sampled_from(tags))],
            "summary": draw(texts),
            "description": draw(texts),
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": draw(texts)},
                *({"name": w, "in": "query", "description": draw(texts), "schema": draw(string_schema())} for w in wires),
            ],
            "responses": {"200": {"description": draw(texts), "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{draw(st.sampled_from(models))}"}}}}},
        }}
    return {
        "openapi": "3.1.0",
        "info": {"title": draw(texts), "version": draw(texts), "description": draw(texts)},
        "servers": [{"url": "https://api.example.com/" + draw(texts)}],
        "tags": [{"name": t, "description": draw(texts)} for t in tags],
        "paths": paths,
        "components": {"schemas": schemas},
    }


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(specs())
def test_hostile_specs_generate_import_and_round_trip(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate(spec, Path(tmp), f"prop{next(_PACKAGES)}")
        check_no_live_code(generated)
        with imported(generated) as module:
            check_models(generated, module)
            check_operations(generated, module)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(chars)))
def test_docstring_escape_round_trips(text: str) -> None:
    source = f'"""{docstring(text)}"""'
    # exact, but for whitespace around lines, which docstring indentation (and black) owns
    assert docstring_lines(ast.literal_eval(source)) == docstring_lines(text)
    assert all(c == "\n" or c.isprintable() for c in source)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(chars),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(chars, max_size=5), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_py_literal_round_trips(value: Any) -> None:
    source = py_literal(value)
    assert all(c.isprintable() for c in source)
    back = eval(source, {"__builtins__": {"float": float}})  # our own literal, no names
    assert back == value or (isinstance(value, float) and math.isinf(value) and back == value)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(chars)))
def test_toml_and_markdown_escapes(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
    shown = markdown(text)
    assert "\n" not in shown and "<" not in shown and ">" not in shown and shown.isprintable()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(names, st.text(chars, max_size=6)), max_size=8, unique=True))
def test_names_are_distinct_identifiers(keys: list[str]) -> None:
    fields = field_names(keys)
    assert len(set(fields.values())) == len(keys)
    assert all(is_identifier(n) and not n.startswith(("_", "model_")) for n in fields.values())
    members = enum_members(keys)
    assert len(set(members)) == len(keys) and all(is_identifier(m) and not m.startswith("_") for m in members)
    assert all(is_identifier(method_name(k, "tag", "get", "/x")) for k in keys)
    assert field_names(keys) == fields and enum_members(keys) == members  # same input, same names
