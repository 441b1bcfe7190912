"""Conformance: every request the generated clients send is checked by openapi-core, every answer parses.

The harness (tests/conformance/) calls every operation with synthesized schema-valid arguments
and checks the captured request with openapi-core, a validator the project does not write. The
styles spec (tests/fixtures/styles.yaml) has one operation per row of the OpenAPI
specification's style-examples table; each cell's expected wire form below is copied from that
table (3.1.1, which follows RFC 6570 for `label`), with the table's `color` values.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx
import pytest
from werkzeug.http import parse_cookie

from tests.conformance import run_spec
from tests.conformance.harness import Caller, generate, imported, load_document, mismatch, validator_for
from tests.conformance.synth import Resolver, Synth, from_regex

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "tests" / "fixtures" / "styles.yaml"
PETSTORE = ROOT.parent / "shared" / "corpus" / "petstore.yaml"
VENDORS = sorted((ROOT / "specs").glob("*.yaml"))

COLOR = "blue"
COLORS = ["blue", "black", "brown"]
RGB = {"R": 100, "G": 200, "B": 150}
VALUES = {"color": COLOR, "colors": COLORS, "rgb": RGB}


# -- every operation of the JSON-only specs --------------------------------------------------
@pytest.mark.parametrize(
    "spec", [*VENDORS, pytest.param(PETSTORE, marks=pytest.mark.skipif(not PETSTORE.exists(), reason="no corpus"))],
    ids=lambda p: p.stem,
)
def test_every_request_valid_and_every_answer_parsed(spec: Path, tmp_path: Path) -> None:
    """The vendor specs and petstore: 100% requests valid and responses parsed."""
    result = run_spec(spec, tmp_path)
    assert result.operations, spec
    assert result.requests_valid == len(result.operations), "\n".join([result.summary(), *result.failures()])
    assert result.responses_parsed == len(result.operations), "\n".join([result.summary(), *result.failures()])
    assert result.mock_agreements == len(result.operations), "\n".join([result.summary(), *result.disagreements()])


def test_styles_spec_fully_conformant(tmp_path: Path) -> None:
    """The styles spec: 100% once the runtime serializes every style, form and multipart body."""
    result = run_spec(STYLES, tmp_path)
    assert result.requests_valid == result.responses_parsed == len(result.operations), "\n".join(result.failures())
    assert result.mock_agreements == len(result.operations), "\n".join(result.disagreements())


# -- the harness itself catches what it must -------------------------------------------------
def test_harness_catches_a_wrong_request(tmp_path: Path) -> None:
    """A request openapi-core refuses, and one that drops or changes a value, are each reported."""
    document = load_document(STYLES)
    package, src = generate(STYLES, tmp_path, "styles")
    with imported(package, src) as module:
        caller = Caller(document, package, module, validator_for(document), 18)
        expected: dict[str, Any] = {"path": {}, "query": {"colors": COLORS}, "header": {}, "cookie": {},
                                    "form_exploded": set()}
        good = httpx.Request("GET", "https://styles.example.com/query/form?colors=blue,black,brown")
        assert caller._check_request(good, expected) == ""
        reordered = httpx.Request("GET", "https://styles.example.com/query/form?colors=black,blue,brown")
        assert "query parameter 'colors'[0]: sent 'blue', arrived 'black'" in caller._check_request(
            reordered, expected
        )
        missing = httpx.Request("GET", "https://styles.example.com/query/form")
        assert "did not arrive" in caller._check_request(missing, expected)
        invalid = httpx.Request("GET", "https://styles.example.com/query/form?rgb=R,x")
        assert "rgb" in caller._check_request(invalid, {**expected, "query": {}})


MULTIPART = (
    b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
    b"Content-Type: application/octet-stream\r\n\r\n\x89PNG\x00\xff\r\n"
    b"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n"
    b"--b\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
    b"{\"a\": \"x\", \"n\": 1}\r\n--b--\r\n"
)
# Requests written by hand as the table writes them: the harness must accept each, so it turns
# green on the styles spec once the runtime sends these.
TABLE_REQUESTS: list[tuple[str, dict[str, str], bytes, dict[str, Any]]] = [
    ("/path/label/.blue/.blue,black,brown/.R,100,G,200,B,150", {}, b"", {"path": VALUES}),
    ("/path/label-explode/.blue/.blue.black.brown/.R=100.G=200.B=150", {}, b"", {"path": VALUES}),
    ("/path/matrix/;color=blue/;colors=blue,black,brown/;rgb=R,100,G,200,B,150", {}, b"", {"path": VALUES}),
    ("/path/simple-explode/blue/blue,black,brown/R=100,G=200,B=150", {}, b"", {"path": VALUES}),
    ("/query/pipe-delimited?colors=blue|black|brown&rgb=R|100|G|200|B|150", {}, b"",
     {"query": {"colors": COLORS, "rgb": RGB}}),
    ("/query/deep-object?rgb[R]=100&rgb[G]=200&rgb[B]=150", {}, b"", {"query": {"rgb": RGB}}),
    ("/header/simple", {"X-Color": "blue", "X-Colors": "blue,black,brown", "X-Rgb": "R,100,G,200,B,150"}, b"",
     {"header": {"X-Color": COLOR, "X-Colors": COLORS, "X-Rgb": RGB}}),
    ("/cookie/form", {"Cookie": "color=blue; colors=blue,black,brown; rgb=R,100,G,200,B,150"}, b"",
     {"cookie": VALUES}),
    ("/body/form", {"Content-Type": "application/x-www-form-urlencoded"},
     b"name=Ada&tags=a&tags=b&address%5Bcity%5D=X&address%5Bline1%5D=l",
     {"body": {"name": "Ada", "tags": ["a", "b"], "address": {"city": "X", "line1": "l"}}}),
    ("/body/multipart", {"Content-Type": "multipart/form-data; boundary=b"}, MULTIPART,
     {"body": {"file": b"\x89PNG\x00\xff", "text": "hello", "meta": {"a": "x", "n": 1}}}),
]


def test_harness_accepts_the_table_wire_forms(tmp_path: Path) -> None:
    """Every wire form the table gives passes openapi-core and arrives as the value passed."""
    document = load_document(STYLES)
    package, src = generate(STYLES, tmp_path, "styles")
    with imported(package, src) as module:
        caller = Caller(document, package, module, validator_for(document), 18)
        for target, headers, body, values in TABLE_REQUESTS:
            method = "POST" if body else "GET"
            request = httpx.Request(method, "https://styles.example.com" + target, headers=headers, content=body)
            expected: dict[str, Any] = {"path": {}, "query": {}, "header": {}, "cookie": {}, "form_exploded": set()}
            expected.update(values)
            assert caller._check_request(request, expected) == "", target


def test_synthesized_values_are_schema_valid() -> None:
    """Bounds, patterns, formats, enums, readOnly and allOf are honoured, the same for a seed."""
    document = {"components": {"schemas": {"Base": {"type": "object", "required": ["id"],
                                                    "properties": {"id": {"type": "string", "readOnly": True}}}}}}
    synth = Synth(Resolver(document), seed=1)
    assert synth.value({"type": "integer", "minimum": 10, "maximum": 12, "multipleOf": 4}) == 12
    assert synth.value({"type": "number", "exclusiveMaximum": 3}) < 3
    assert synth.value({"type": "string", "format": "date-time"}) == "2024-01-02T03:04:05+00:00"
    assert synth.value({"type": "string", "enum": ["a", "b"]}) == "a"
    assert len(synth.value({"type": "string", "minLength": 20})) == 20
    assert synth.value({"type": "array", "items": {"type": "integer"}, "maxItems": 1}) == [7]
    merged = synth.value({"allOf": [{"$ref": "#/components/schemas/Base"},
                                    {"properties": {"name": {"type": "string", "readOnly": True}, "n": {"type": "integer"}}}]})
    assert set(merged) == {"id", "n"}  # a required readOnly stays (the spec asks for it), optional ones go
    assert from_regex(r"^\+?[1-9]\d{1,14}$") == "+11"
    assert from_regex(r"^(cus|acct)_[A-Za-z0-9]+$") == "cus_A"
    again = Synth(Resolver(document), seed=1)
    assert again.value({"type": "string"}) == Synth(Resolver(document), seed=1).value({"type": "string"})
    assert mismatch({"a": [1, 2]}, {"a": [1, 2], "b": 3}, "body") == ""
    assert mismatch({"a": True}, {"a": 1}, "body") == "body['a']: sent True, arrived 1"


# -- the style-examples table, cell by cell --------------------------------------------------
# (operation, location, argument, expected wire form as the table writes it)
ROWS: list[tuple[str, str, str, str]] = [
    ("path_simple", "path", "color", "blue"),
    ("path_simple", "path", "colors", "blue,black,brown"),
    ("path_simple", "path", "rgb", "R,100,G,200,B,150"),
    ("path_simple_explode", "path", "color", "blue"),
    ("path_simple_explode", "path", "colors", "blue,black,brown"),
    ("path_simple_explode", "path", "rgb", "R=100,G=200,B=150"),
    ("path_label", "path", "color", ".blue"),
    ("path_label", "path", "colors", ".blue,black,brown"),
    ("path_label", "path", "rgb", ".R,100,G,200,B,150"),
    ("path_label_explode", "path", "color", ".blue"),
    ("path_label_explode", "path", "colors", ".blue.black.brown"),
    ("path_label_explode", "path", "rgb", ".R=100.G=200.B=150"),
    ("path_matrix", "path", "color", ";color=blue"),
    ("path_matrix", "path", "colors", ";colors=blue,black,brown"),
    ("path_matrix", "path", "rgb", ";rgb=R,100,G,200,B,150"),
    ("path_matrix_explode", "path", "color", ";color=blue"),
    ("path_matrix_explode", "path", "colors", ";colors=blue;colors=black;colors=brown"),
    ("path_matrix_explode", "path", "rgb", ";R=100;G=200;B=150"),
    ("query_form", "query", "color", "color=blue"),
    ("query_form", "query", "colors", "colors=blue,black,brown"),
    ("query_form", "query", "rgb", "rgb=R,100,G,200,B,150"),
    ("query_form_explode", "query", "color", "color=blue"),
    ("query_form_explode", "query", "colors", "colors=blue&colors=black&colors=brown"),
    ("query_form_explode", "query", "rgb", "R=100&G=200&B=150"),
    ("query_space_delimited", "query", "colors", "colors=blue%20black%20brown"),
    ("query_space_delimited", "query", "rgb", "rgb=R%20100%20G%20200%20B%20150"),
    ("query_pipe_delimited", "query", "colors", "colors=blue|black|brown"),
    ("query_pipe_delimited", "query", "rgb", "rgb=R|100|G|200|B|150"),
    ("query_deep_object", "query", "rgb", "rgb[R]=100&rgb[G]=200&rgb[B]=150"),
    ("header_simple", "header", "color", "X-Color: blue"),
    ("header_simple", "header", "colors", "X-Colors: blue,black,brown"),
    ("header_simple", "header", "rgb", "X-Rgb: R,100,G,200,B,150"),
    ("header_simple_explode", "header", "color", "X-Color: blue"),
    ("header_simple_explode", "header", "colors", "X-Colors: blue,black,brown"),
    ("header_simple_explode", "header", "rgb", "X-Rgb: R=100,G=200,B=150"),
    ("cookie_form", "cookie", "color", "color=blue"),
    ("cookie_form", "cookie", "colors", "colors=blue,black,brown"),
    ("cookie_form", "cookie", "rgb", "rgb=R,100,G,200,B,150"),
    ("cookie_form_explode", "cookie", "color", "color=blue"),
]
@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The styles spec's client and IR, sending into a list instead of the network."""
    package, src = generate(STYLES, tmp_path_factory.mktemp("styles"), "styles")
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        return httpx.Response(200, json={"ok": True})

    with imported(package, src) as module:
        client = module.Client(http_client=httpx.Client(transport=httpx.MockTransport(handle)), max_retries=0)
        yield client, package, sent


def _send(styles: Any, operation_id: str, arguments: dict[str, Any]) -> httpx.Request:
    """Call the styles operation `operation_id` with `arguments` keyed by wire name; the request sent."""
    client, package, sent = styles
    op = next(o for o in package.operations if o.operation_id == operation_id)
    by_wire = {p.wire.lower(): p.name for p in op.params}
    kwargs = {by_wire.get(k.lower(), k): v for k, v in arguments.items()}
    namespace = next(ns.attribute for ns in package.namespaces if op in ns.operations)
    sent.clear()
    getattr(getattr(client, namespace), op.method_name)(**kwargs)
    assert len(sent) == 1
    request: httpx.Request = sent[0]
    return request


def _row_arguments(operation_id: str, location: str) -> dict[str, Any]:
    """The table's values for every parameter the operation declares, by wire name."""
    document = load_document(STYLES)
    op = next(o for item in document["paths"].values() for o in item.values() if o["operationId"] == operation_id)
    return {p["name"]: VALUES[p["name"].removeprefix("X-").lower()] for p in op["parameters"]}


def _arrived(request: httpx.Request, operation_id: str, location: str, argument: str, expected: str) -> tuple[Any, Any]:
    """(what arrived, what the table says) for one cell, both in the same decoded form."""
    if location == "path":
        index = ["color", "colors", "rgb"].index(argument)
        return unquote(request.url.raw_path.decode().split("?")[0].split("/")[3 + index]), expected
    if location == "query":
        want = parse_qsl(expected, keep_blank_values=True)
        keys = {k for k, _ in want}
        got = [(k, v) for k, v in parse_qsl(request.url.query.decode(), keep_blank_values=True) if k in keys]
        return got, want
    if location == "header":
        name, value = expected.split(": ", 1)
        return request.headers.get(name), value
    name, value = expected.split("=", 1)
    return unquote(parse_cookie(request.headers.get("cookie", "")).get(name, "<absent>")), value


@pytest.mark.parametrize(
    ("operation_id", "location", "argument", "expected"),
    [
        pytest.param(*row, id=f"{row[0]}-{row[2]}") for row in ROWS
    ],
)
def test_style_rows_wire_form(styles: Any, operation_id: str, location: str, argument: str, expected: str) -> None:
    """Each cell of the style-examples table goes on the wire exactly as the table writes it."""
    request = _send(styles, operation_id, _row_arguments(operation_id, location))
    arrived, want = _arrived(request, operation_id, location, argument, expected)
    assert arrived == want, f"{operation_id} {argument}: sent {arrived!r}, the table says {want!r}"


FORM_EXPECTED = [("name", "Ada"), ("tags", "a"), ("tags", "b"), ("address[city]", "X"), ("address[line1]", "l")]


def test_form_body_wire_form(styles: Any) -> None:
    """A form body: arrays exploded (`tags=a&tags=b`, the default), the deepObject field bracketed."""
    request = _send(styles, "body_form", {"name": "Ada", "tags": ["a", "b"], "address": {"city": "X", "line1": "l"}})
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sorted(parse_qsl(request.content.decode(), keep_blank_values=True)) == sorted(FORM_EXPECTED)


def test_multipart_body_wire_form(styles: Any) -> None:
    """A multipart body: the file as a file part with a filename, text as text, the object as a JSON part."""
    data = b"\x89PNG\r\n\x1a\n\x00\xff"
    request = _send(styles, "body_multipart", {"file": data, "text": "hello", "meta": {"a": "x", "n": 1}})
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request.content
    )
    parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
    assert set(parts) == {"file", "text", "meta"}
    assert parts["file"].get_filename() and parts["file"].get_payload(decode=True) == data
    assert parts["text"].get_filename() is None and parts["text"].get_payload(decode=True) == b"hello"
    assert parts["meta"].get_content_type() == "application/json"
    meta = parts["meta"].get_payload(decode=True)
    assert isinstance(meta, bytes) and json.loads(meta) == {"a": "x", "n": 1}


def test_deep_object_reads_the_bracket_convention() -> None:
    """deepObject arrays and nesting, which openapi-core refuses, read as servers using brackets read them."""
    from werkzeug.datastructures import ImmutableMultiDict

    from tests.conformance.styles import deep_object_loads

    query = ImmutableMultiDict([("expand[]", "a"), ("expand[]", "b"), ("c[address][city]", "X"),
                                ("c[lines][0]", "l1"), ("c[lines][1]", "l2"), ("other", "o")])
    assert deep_object_loads(True, "expand", "array", query) == ["a", "b"]
    assert deep_object_loads(True, "c", "object", query) == {"address": {"city": "X"}, "lines": ["l1", "l2"]}
    with pytest.raises(KeyError):
        deep_object_loads(True, "missing", "object", query)


def _mock_verdict(target: str, headers: dict[str, str], body: bytes) -> Any:
    """What `trunkline mock` reads from one request to the styles spec (its checks, as the app runs them)."""
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from generator.mock.app import MockApp, _raw_path
    from generator.mock.checks import Incoming, check
    from generator.mock.model import mock_spec
    from generator.reading.load import load

    app = MockApp(mock_spec(load(STYLES)))
    path, _, query = target.partition("?")
    environ = EnvironBuilder(path=path, query_string=query, method="POST" if body else "GET", headers=headers,
                             data=body).get_environ()
    environ["RAW_URI"] = target
    request = Request(environ)
    found = app.router.find(request.method, _raw_path(environ))
    incoming = Incoming(request.method, found.values, {k: request.args.getlist(k) for k in request.args},
                        {k.lower(): v for k, v in request.headers.items()}, dict(request.cookies), body)
    return check(app.checker, found.operation, incoming)


@pytest.mark.parametrize("target, headers, body, values", TABLE_REQUESTS, ids=[t[0].split("?")[0] for t in TABLE_REQUESTS])
def test_mock_reads_the_table_wire_forms(target: str, headers: dict[str, str], body: bytes, values: dict[str, Any]) -> None:
    """`trunkline mock` accepts each wire form of the table and reads the very values the table gives."""
    verdict = _mock_verdict(target, headers, body)
    assert verdict.status == 0, verdict.problems
    for location, expected in values.items():
        if location == "body":
            files = {k: v.decode("latin-1") for k, v in expected.items() if isinstance(v, bytes)}
            assert verdict.body == {**expected, **files}
        else:
            assert verdict.params[location] == expected


@pytest.mark.parametrize("target, headers, body, where", [
    ("/query/deep-object?rgb[R]=x&rgb[G]=200&rgb[B]=150", {}, b"", "query.rgb.R"),
    ("/query/form-explode?R=100&G=two&B=150", {}, b"", "query.rgb.G"),
    ("/path/matrix-explode/;color=blue/;colors=blue;colors=black/;R=100;G=200;B=x", {}, b"", "path.rgb.B"),
    ("/body/form", {"Content-Type": "application/x-www-form-urlencoded"}, b"name=Ada&address=plain",
     "body/address"),
])
def test_mock_refuses_a_wrong_value_in_each_style(target: str, headers: dict[str, str], body: bytes, where: str) -> None:
    """A value that breaks its schema is refused by the mock at its place, whatever the style carried it."""
    verdict = _mock_verdict(target, headers, body)
    assert verdict.status == 400
    assert any(p.location.startswith(where) for p in verdict.problems), verdict.problems


def test_mock_reads_a_huge_bracket_index_as_a_key() -> None:
    """`a[<5000 digits>]=x` is no array index (and no 500): the value stays an object the schema refuses."""
    verdict = _mock_verdict("/body/form", {"Content-Type": "application/x-www-form-urlencoded"},
                            b"name=Ada&tags%5B" + b"9" * 5000 + b"%5D=x")
    assert verdict.status == 400
    assert any(p.location.startswith("body/tags") for p in verdict.problems), verdict.problems
