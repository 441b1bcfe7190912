"""Hostile specs that `generate --spec` used to accept (or crash on) stop in preflight, located, fast.

Each case is a third-party spec (`generate --spec`, which runs preflight but not lint): exit 2, one
line naming file:line:col and the JSON pointer of the offending value, the output directory as it
was, within seconds; `trunkline lint` reports the same place as an error finding (exit 1, no crash).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.lint import lint
from generator.reading.input_checks import MAX_DEPTH
from generator.reading.load import load
from generator.reading.shape import KEYWORD_TYPES, MAX_ENUM_MEMBERS, defects
from generator.reading.validate import recursion_message
from generator.writing.write import tree

HEAD = """\
openapi: 3.1.0
info: {title: Hostile, version: "1"}
servers: [{url: "https://api.example.com"}]
security: []
"""


def _op(params: str) -> str:
    """A path item body with one GET whose parameters are `params` (YAML flow), at line 7."""
    return f"    get:\n      operationId: get_thing\n      parameters: {params}\n      responses: {{'200': {{description: ok}}}}\n"


def _schema(prop: str) -> str:
    """A component schema whose property `a` is `prop` (YAML flow), at line 12."""
    return (
        "paths:\n  /things:\n" + _op("[]") + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n"
        f"        a: {prop}\n"
    )


# name -> (spec text after HEAD, line, column, pointer, words the message must hold)
CASES: dict[str, tuple[str, int, int, str, str]] = {
    "path-without-slash": (
        "paths:\n  \"{id}\":\n" + _op("[{name: id, in: path, required: true, schema: {type: string}}]"),
        7, 5, "/paths/{id}", "does not start with `/`",
    ),
    "path-without-slash-literal": (
        "paths:\n  \"@evil.example\":\n" + _op("[]"), 7, 5, "/paths/@evil.example", "write it as '/@evil.example'",
    ),
    "parameter-without-in": (
        "paths:\n  /things:\n" + _op("[{name: q, schema: {type: string}}]"), 9, 20, "/paths/~1things/get/parameters/0", "has no `in`",
    ),
    "parameter-in-body": (
        "paths:\n  /things:\n" + _op("[{name: q, in: body, schema: {type: string}}]"), 9, 34, "/paths/~1things/get/parameters/0/in", "use `requestBody`",
    ),
    "parameters-as-mapping": (
        "paths:\n  /things:\n" + _op("{q: {name: q, in: query}}"), 9, 19, "/paths/~1things/get/parameters", "must be a list",
    ),
    "path-item-parameters-as-mapping": (
        "paths:\n  /things:\n    parameters: {q: {name: q, in: query}}\n" + _op("[]"), 7, 17, "/paths/~1things/parameters", "must be a list",
    ),
    "parameter-by-ref-without-in": (
        "paths:\n  /things:\n" + _op("[{$ref: '#/components/parameters/Q'}]")
        + "components:\n  parameters:\n    Q: {name: q, schema: {type: string}}\n",
        13, 8, "/components/parameters/Q", "parameter 'q' has no `in`",
    ),
    "path-template-without-parameter": (
        "paths:\n  /things/{id}:\n" + _op("[]"), 8, 7, "/paths/~1things~1{id}/get", "declares no path parameter 'id'",
    ),
    "header-name-crlf": (
        "paths:\n  /things:\n" + _op('[{name: "X-A\\r\\nX-Evil: 1", in: header, schema: {type: string}}]'),
        9, 27, "/paths/~1things/get/parameters/0/name", "is not a valid header name",
    ),
    "header-name-colon": (
        "paths:\n  /things:\n" + _op('[{name: "X-A:", in: header, schema: {type: string}}]'),
        9, 27, "/paths/~1things/get/parameters/0/name", "is not a valid header name",
    ),
    "cookie-name-semicolon": (
        "paths:\n  /things:\n" + _op('[{name: "a; b", in: cookie, schema: {type: string}}]'),
        9, 27, "/paths/~1things/get/parameters/0/name", "is not a valid cookie name",
    ),
    "security-scheme-name-crlf": (
        "paths:\n  /things:\n" + _op("[]")
        + "components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: \"X-Key\\r\\nX-Evil: 1\"}\n",
        13, 43, "/components/securitySchemes/key/name", "is not a valid header name",
    ),
    "security-scheme-in-nowhere": (
        "paths:\n  /things:\n" + _op("[]") + "components:\n  securitySchemes:\n    key: {type: apiKey, in: body, name: k}\n",
        13, 29, "/components/securitySchemes/key/in", "needs `in:` with one of header, query, cookie",
    ),
    "responses-as-list": (
        "paths:\n  /things:\n    get:\n      operationId: get_thing\n      responses: [{description: ok}]\n",
        9, 18, "/paths/~1things/get/responses", "`responses` must be a mapping",
    ),
    "content-as-string": (
        "paths:\n  /things:\n    get:\n      operationId: get_thing\n      responses: {'200': {description: ok, content: application/json}}\n",
        9, 53, "/paths/~1things/get/responses/200/content", "`content` must be a mapping",
    ),
    "media-type-as-list": (
        "paths:\n  /things:\n    get:\n      operationId: get_thing\n      responses: {'200': {description: ok, content: {application/json: []}}}\n",
        9, 72, "/paths/~1things/get/responses/200/content/application~1json", "this must be a Media Type Object (a mapping)",
    ),
    "request-body-as-string": (
        "paths:\n  /things:\n    post:\n      operationId: add_thing\n      requestBody: json\n      responses: {'200': {description: ok}}\n",
        9, 20, "/paths/~1things/post/requestBody", "this must be a Request Body Object",
    ),
    "security-scheme-as-string": (
        "paths:\n  /things:\n" + _op("[]") + "components:\n  securitySchemes:\n    key: bearer\n",
        13, 10, "/components/securitySchemes/key", "this must be a Security Scheme Object",
    ),
    "max-length-string": (_schema("{type: string, maxLength: ten}"), 16, 38, "/components/schemas/Thing/properties/a/maxLength",
                          "`maxLength` must be a non-negative integer, e.g. `10`, not \"ten\""),
    "min-items-negative": (_schema("{type: array, minItems: -1}"), 16, 36, "/components/schemas/Thing/properties/a/minItems",
                           "`minItems` must be a non-negative integer"),
    "minimum-string": (_schema("{type: integer, minimum: '0'}"), 16, 37, "/components/schemas/Thing/properties/a/minimum", "`minimum` must be a number"),
    "pattern-number": (_schema("{type: string, pattern: 5}"), 16, 36, "/components/schemas/Thing/properties/a/pattern", "`pattern` must be a string, not 5"),
    "required-string": (_schema("{type: object, required: id}"), 16, 37, "/components/schemas/Thing/properties/a/required",
                        "`required` must be a list of property names"),
    "enum-not-list": (_schema("{type: string, enum: a}"), 16, 33, "/components/schemas/Thing/properties/a/enum", "`enum` must be a list"),
    "enum-varnames-text": (_schema("{type: string, enum: [a], x-enum-varnames: A}"), 16, 55,
                           "/components/schemas/Thing/properties/a/x-enum-varnames", "`x-enum-varnames` must be a list of member names"),
    "type-file": (_schema("{type: file}"), 16, 19, "/components/schemas/Thing/properties/a/type", "`type: string, format: binary` in OpenAPI 3"),
    "type-unknown": (_schema("{type: strin}"), 16, 19, "/components/schemas/Thing/properties/a/type", "`type` must name a type (string, number"),
    "properties-list": (_schema("{type: object, properties: [x]}"), 16, 39, "/components/schemas/Thing/properties/a/properties",
                        "`properties` must be a mapping of names to schemas"),
    "schema-not-mapping": (_schema("string"), 16, 12, "/components/schemas/Thing/properties/a", "a schema must be a mapping"),
    "enum-true-beside-1": (_schema("{enum: [1, true]}"), 16, 23, "/components/schemas/Thing/properties/a/enum/1",
                           "enum members 0 (1) and 1 (true) are one Python value"),
    "enum-false-beside-0": (_schema("{enum: [false, 0]}"), 16, 27, "/components/schemas/Thing/properties/a/enum/1",
                            "enum members 0 (false) and 1 (0) are one Python value"),
    "enum-1.0-beside-1": (_schema("{type: number, enum: [1, 1.0]}"), 16, 37, "/components/schemas/Thing/properties/a/enum/1",
                          "enum members 0 (1) and 1 (1.0) are one Python value"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_generate_spec_stops_with_one_located_line(case: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, line, col, ptr, says = CASES[case]
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HEAD + text)
    before = tree(out)
    started = time.monotonic()
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "x"]) == 2
    assert time.monotonic() - started < 10
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"trunkline: error: {spec}:{line}:{col} {ptr}: "), lines[0]
    assert says in lines[0]
    assert captured.out == "" and tree(out) == before


@pytest.mark.parametrize("case", sorted(CASES))
def test_lint_reports_the_same_place(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, _line, _col, ptr, _says = CASES[case]
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HEAD + text)
    assert main(["lint", str(spec)]) == 1
    captured = capsys.readouterr()
    assert any(f" {ptr} error [oas3-schema] " in line for line in captured.out.splitlines()), captured.out
    assert "Traceback" not in captured.out + captured.err and "internal error" not in captured.err


def test_every_located_defect_is_listed_by_lint_not_only_the_first(tmp_path: Path) -> None:
    spec = tmp_path / "two.yaml"
    spec.write_text(HEAD + "paths:\n  a:\n" + _op('[{name: "X Y", in: header}]'))
    found = {(f.location.pointer, f.rule) for f in lint(load(spec))}
    assert ("/paths/a", "oas3-schema") in found
    assert ("/paths/a/get/parameters/0/name", "oas3-schema") in found


def test_keyword_table_is_an_allow_list_of_types() -> None:
    accepts = {key: check for key, (check, _hint) in KEYWORD_TYPES.items()}
    assert accepts["maxLength"](10) and not accepts["maxLength"](True) and not accepts["maxLength"](1.5) and not accepts["maxLength"]("10")
    assert accepts["minimum"](0.5) and not accepts["minimum"](False)
    assert accepts["type"](["string", "null"]) and not accepts["type"](["str"]) and not accepts["type"]("str")
    assert accepts["required"]([]) and not accepts["required"](True)


def test_valid_neighbours_pass(tmp_path: Path) -> None:
    """What the checks must not refuse: 3.0 boolean exclusiveMinimum, tokens with symbols, booleans as schemas, distinct enums."""
    spec = tmp_path / "ok.yaml"
    spec.write_text(HEAD + "paths:\n  /things/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                    + _op("[{name: X-Rate_Limit.v2, in: header, schema: {type: string}}, {name: sid, in: cookie}, {name: 'a b[]', in: query}]")
                    + "components:\n  schemas:\n    Thing:\n      type: object\n      additionalProperties: false\n      properties:\n"
                    "        a: {type: number, minimum: 0, exclusiveMinimum: true, maxLength: 3}\n        b: true\n"
                    "        c: {enum: [1, '1', 'true', 2.5, null]}\n        d: {enum: [true, 2, 0.5]}\n"
                    "    example: {type: object, properties: {examples: {type: string}}}\n"
                    "  examples:\n    e: {value: {schema: {maxLength: nope}}}\n")
    assert list(defects(load(spec))) == []


def test_enum_over_the_limit_is_refused_fast(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """datamodel-code-generator names enum members in quadratic time; a huge enum stops in preflight instead."""
    spec = tmp_path / "big.json"
    data: dict[str, Any] = {
        "openapi": "3.1.0", "info": {"title": "Big", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}},
        "components": {"schemas": {"Big": {"type": "string", "enum": [f"v{i}" for i in range(100_000)]}}},
    }
    spec.write_text(json.dumps(data))
    before = tree(out)
    started = time.monotonic()
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "x"]) == 2
    assert main(["lint", str(spec)]) == 1
    assert time.monotonic() - started < 20
    err = capsys.readouterr().err.splitlines()[0]
    assert err.startswith(f"trunkline: error: {spec}:1:") and " /components/schemas/Big/enum: " in err
    assert f"at most {MAX_ENUM_MEMBERS:,} per enum" in err and tree(out) == before


def test_recursion_is_put_down_to_followed_refs_not_to_a_cycle() -> None:
    # Loading refuses data nested past MAX_DEPTH (tests/test_hostile_input.py), so a RecursionError
    # left for a checker comes from following `$ref`s, and the message says so.
    message = recursion_message("rule x")
    assert "followed `$ref`s" in message and f"at most {MAX_DEPTH} levels" in message
    assert "no `$ref` cycle is left unbroken" in message and not message.startswith("a `$ref` cycle")


MEDIA_TYPE_CRLF = HEAD + (
    "paths:\n  /things:\n    post:\n      operationId: post_thing\n"
    "      requestBody: {content: {\"application/json\\r\\n::error::forged\\u001b[2J\": {schema: {type: object}}}}\n"
    "      responses: {'200': {description: ok}}\n"
)


def test_a_media_type_no_header_may_carry_stops_generate_in_one_printable_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "media.yaml"
    spec.write_text(MEDIA_TYPE_CRLF)
    out = tmp_path / "generated"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\r" not in err
    assert "media.yaml:9:79 /paths/~1things/post/requestBody/content/application~1json\\r\\n::error::forged\\x1b[2J: media type" in err
    assert not out.exists()


def test_lint_prints_spec_text_as_one_printable_line_per_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "media.yaml"
    spec.write_text(MEDIA_TYPE_CRLF)
    main(["lint", str(spec), "--strict"])
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("::") or "\x1b" in line or "\r" in line] == []
    assert any("[oas3-schema] media type" in line and "::error::forged\\x1b[2J" in line for line in lines)
