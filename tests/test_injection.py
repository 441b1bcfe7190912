"""Spec text cannot become code: escapers per context, raw interpolations only of checked names, a hostile spec end to end."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.errors import TrunklineError
from generator.rendering import codecheck
from generator.rendering.escape import docstring, markdown, py_literal, toml_string
from tests.fuzz.roundtrip import (
    MARKER,
    PAYLOADS,
    check_models,
    check_no_live_code,
    check_operations,
    generate,
    imported,
)

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
ESCAPING = re.compile(r"\|\s*(py|pycode|doc|doc_line|doc_first|md|md_prose|md_code|md_url|toml)(\(\d+\))?\s*$")
# Raw interpolations allowed in templates: names `codecheck.check_package` proves to be identifiers,
# types spelled from `ir` trees (whose nodes check their names when built), the template's own constants, and
# README code that `render` builds from `py_literal`; README calls built from those names (the
# `call_args` macro puts example values through `| py`); the README's code blocks, which
# `generator/rendering/readme.py` builds from those names, checked annotations and `py_literal`, and the wheel's
# file name it builds from the package name and a checked version.
RAW_ALLOWED = re.compile(
    r"""(
      (package\.(module|env_prefix|dist_name) | ns\.(attribute|class_name) | op\.method_name(\ \|\ upper)?
       | op\.http_method | p\.(name|location) | f\.name | c\.(name|env) | v\.name(\.upper\(\))? | flavour)
    | annot\((p|f|op\.body)\.type\) | (r|reading)\.type\ \|\ pytype | item_type | response_type | returns
    | call | paged_example | raw_example
    | snippet\.\w+ | snippet\.calls\[op\.operation_id\] | wheel
    | error\.(model|pick\.ns\.attribute|pick\.op\.method_name) | paged\.(ns\.attribute|op\.method_name)
    | s\.credential | found\.(error|paged|fetch)_ns\.attribute | found\.(error_op|paged|fetch)\.method_name
    | found\.error_model | found\.error_status | error_class | call_args\(found\.error_op\)
    | fetch_call | fetch_args | list_call | raw_call | -\ parts\ \|\ join\(",\ "\)\ -
    | "[^"]*"\ if\ (fetch_args|error_class\ !=\ "RateLimitError")\ else\ "[^"]*"

    | "[^"]*"\ if\ is_async(\ and\ not\ paged)?\ else\ "[^"]*"
    )""",
    re.VERBOSE,
)


def _interpolations() -> list[tuple[str, str]]:
    found = []
    for template in sorted(TEMPLATES.rglob("*.j2")):
        for expression in re.findall(r"\{\{(.*?)\}\}", template.read_text(encoding="utf-8"), re.DOTALL):
            found.append((str(template.relative_to(ROOT)), expression.strip()))
    return found


def test_templates_put_spec_text_only_through_an_escaper() -> None:
    raw = [(where, e) for where, e in _interpolations() if not ESCAPING.search(e) and not RAW_ALLOWED.fullmatch(e)]
    assert raw == [], "interpolate spec text through | py, | doc, | md or | toml (or add a checked name to RAW_ALLOWED)"
    assert len(_interpolations()) > 100  # the grep sees the templates


def test_templates_render_with_strict_undefined() -> None:
    from generator.rendering.render import environment

    with pytest.raises(Exception, match="undefined"):
        environment().from_string("{{ missing }}").render()


@pytest.mark.parametrize("text", PAYLOADS + ('"', '""', '\\', 'end"', 'end\\', '"""', '""""', "\t\r\n\x00"))
def test_docstring_reads_back_unchanged(text: str) -> None:
    source = f'"""{docstring(text)}"""'
    assert ast.literal_eval(source) == text.replace("\r\n", "\n")
    assert all(c == "\n" or c.isprintable() for c in source)


@pytest.mark.parametrize("value", [*PAYLOADS, float("inf"), -0.0, {"a'\"": [None, True, 1.5, ("t",)]}, ("x",)])
def test_py_literal_reads_back_unchanged(value: Any) -> None:
    source = py_literal(value)
    assert eval(source, {"__builtins__": {"float": float}}) == value  # only our own literal
    assert all(c.isprintable() for c in source)


@pytest.mark.parametrize("text", PAYLOADS)
def test_markdown_and_toml_escape(text: str) -> None:
    import tomllib

    shown = markdown(text)
    assert "\n" not in shown and "<" not in shown and all(c.isprintable() for c in shown)
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@pytest.mark.parametrize(
    "source",
    [
        "import os\n",
        "from os import system\n",
        "class A(BaseModel):\n    x: int = __import__('os').getpid()\n",
        "class A(BaseModel):\n    def f(self): pass\n",
        "@decorate\nclass A(BaseModel):\n    x: int\n",
        "class A(BaseModel):\n    x: int = Field(default_factory=lambda: print(1))\n",
        "print('hi')\n",
    ],
)
def test_models_guard_rejects_code(source: str) -> None:
    with pytest.raises(TrunklineError, match="Trunkline bug"):
        codecheck.check_models(source)


@pytest.mark.parametrize("vendor", ["agendize", "hipcall", "monica", "snapcall", "voipnow"])
def test_models_guard_accepts_vendor_models(vendor: str) -> None:
    modules = sorted((ROOT / "generated" / vendor / "src" / f"trunkline_{vendor}" / "models").glob("_[!_]*.py"))
    assert modules
    for module in modules:
        codecheck.check_models(module.read_text())


def _hostile_spec() -> dict[str, Any]:
    text = "\n".join(PAYLOADS)
    enum_values = [*PAYLOADS, "a\"b", "\\", "", "StartTime", "StartTime<", "StartTime>", "+1", "-1", "1", "mro", "é"]
    return {
        "openapi": "3.1.0",
        "info": {"title": PAYLOADS[1], "version": PAYLOADS[3], "description": text},
        "servers": [{"url": "https://api.example.com/{region}" + PAYLOADS[4], "variables": {
            "region": {"default": PAYLOADS[3], "description": text},
            "timeout": {"default": "t"},
        }}],
        "tags": [
            {"name": "with_raw_response", "description": text},
            {"name": "close", "description": PAYLOADS[0]},
            {"name": "base_url"},
        ],
        "paths": {
            "/items/{id}": {
                "get": {
                    "operationId": "with_raw_response_get",
                    "tags": ["with_raw_response"],
                    "summary": PAYLOADS[2],
                    "description": text,
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": text},
                        *[
                            {"name": wire, "in": "query", "schema": {"type": "string", "default": PAYLOADS[i % len(PAYLOADS)]}, "description": PAYLOADS[i % len(PAYLOADS)]}
                            for i, wire in enumerate(
                                ["self", "httpx", "timeout", "json", "options", "cast", "request_options", "body", "models",
                                 "class", "import", "StartTime", "StartTime<", "StartTime>", "+1", "-1", "__init__",
                                 PAYLOADS[3], PAYLOADS[0]]
                            )
                        ],
                        {"name": "mode", "in": "query", "schema": {"type": "string", "enum": enum_values},
                         "examples": {"fenced": {"value": PAYLOADS[5]}}},
                        {"name": "fence", "in": "query", "schema": {"type": "string"},
                         "examples": {"fenced": {"value": "```\n</code><script>x</script>\n```" + PAYLOADS[0]}}},
                        {"name": "X-Quote'", "in": "header", "schema": {"type": "string"}},  # a token char that closes a Python string
                    ],
                    "responses": {"200": {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                },
            },
            "/close": {
                "post": {
                    "operationId": "close",
                    "tags": ["close"],
                    "summary": "close it",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "responses": {"204": {"description": "done"}},
                },
            },
            "/v1/base": {"get": {"operationId": "GetBase", "tags": ["base_url"], "responses": {"204": {"description": "x"}}}},
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": text,
                    "properties": {
                        **{wire: {"type": "string", "description": PAYLOADS[i % len(PAYLOADS)], "default": PAYLOADS[(i + 1) % len(PAYLOADS)]}
                           for i, wire in enumerate(["class", "Class", "CLASS", "model_config", "model_dump_x", "json", "schema",
                                                     "root", "_private", "__init__", "1", "+1", "-1", "self", "date", "Field", "BaseModel",
                                                     PAYLOADS[0], PAYLOADS[3], "é", "e"])},
                        "kind": {"$ref": "#/components/schemas/Kind"},
                    },
                },
                "Kind": {"type": "string", "enum": enum_values, "description": PAYLOADS[2]},
                "BaseModel": {"type": "object", "properties": {"x": {"type": "integer"}}},
                "Field": {"type": "string", "enum": ["a"]},
                "StartTime": {"type": "object", "properties": {"a": {"type": "string"}}},
                "Start_Time": {"type": "object", "properties": {"b": {"type": "string"}}},
                "start.time": {"type": "object", "properties": {"c": {"type": "string"}}},
                "Unused": {"type": "object", "properties": {"u": {"type": "string"}}},
                "int": {"type": "integer", "enum": [1, 2, -1], "x-enum-varnames": ["a = 1; import os", "b", "c"]},
            },
        },
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate(_hostile_spec(), tmp_path_factory.mktemp("hostile"), "hostile")


def test_hostile_spec_imports_without_running_spec_text(hostile: Any) -> None:
    check_no_live_code(hostile)
    with imported(hostile) as module:
        check_models(hostile, module)
        check_operations(hostile, module)


def test_hostile_names_stay_distinct_and_readable(hostile: Any) -> None:
    namespaces = {ns.attribute: ns for ns in hostile.ir.namespaces}
    assert set(namespaces) == {"with_raw_response_2", "close_2", "base_url_2"}
    [get] = namespaces["with_raw_response_2"].operations
    assert get.method_name == "get"
    assert namespaces["base_url_2"].operations[0].method_name == "get_base"
    names = {p.wire: p.name for p in get.params}
    assert names["self"] == "self_" and names["httpx"] == "httpx_" and names["request_options"] == "request_options_"
    assert names["timeout"] == "timeout" and names["json"] == "json" and names["cast"] == "cast_"
    assert (names["StartTime"], names["StartTime<"], names["StartTime>"]) == ("start_time", "start_time_lt", "start_time_gt")
    assert (names["+1"], names["-1"]) == ("plus_1", "minus_1")
    assert len(set(names.values())) == len(names)
    assert {c.name for c in hostile.ir.server_variables} == {"region", "timeout_2"}


def test_hostile_client_sends_exactly_the_spec_names(hostile: Any) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"class": "c", "kind": PAYLOADS[5], "+1": "p"})

    with imported(hostile) as module:
        client = module.Client(base_url="https://example.invalid", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        [get] = next(ns for ns in hostile.ir.namespaces if ns.attribute == "with_raw_response_2").operations
        arguments = {p.name: f"v-{p.wire}" for p in get.params if p.location == "query" and p.wire != "mode"}
        result = client.with_raw_response_2.get(id="a/b", mode=PAYLOADS[5], x_quote="h'\"", **arguments)
        assert sent[0].headers["X-Quote'"] == "h'\""
        query = dict(sent[0].url.params.multi_items())
        assert {wire: query[wire] for wire in (p.wire for p in get.params if p.name in arguments)} == {
            p.wire: f"v-{p.wire}" for p in get.params if p.name in arguments
        }
        assert query["mode"] == PAYLOADS[5]
        assert result.class_ == "c" and result.kind.value == PAYLOADS[5] and result.plus_1 == "p"
        assert MARKER not in __import__("os").environ


def test_readme_code_blocks_are_python_and_fences_hold(hostile: Any) -> None:
    readme = hostile.files["README.md"]
    assert readme.count("```") % 2 == 0
    blocks = re.findall(r"```python\n(.*?)\n```", readme, re.DOTALL)
    assert any("fence=" in block for block in blocks)
    for block in blocks:
        ast.parse(block)
    prose = re.sub(r"```.*?```", "", readme, flags=re.DOTALL)
    prose = re.sub(r"`[^`\n]*`", "", prose)  # inline code shows `<` as text too
    assert "<" not in prose.replace("<br>", "")  # no raw HTML outside code (code shows it as text)
