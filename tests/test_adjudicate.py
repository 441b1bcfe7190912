"""bench/adjudicate.py: the wire reader, the server path Prism does not serve, the cut-down document, Prism itself.

The wire reader stands in for the harness's arrival check where openapi-core refused a request,
so it is pinned on the wire forms of the OpenAPI style table (3.1.1, the table's `color` values)
and on wrong values it must report, naming where.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from bench.adjudicate import PRISM, Adjudication, Case, Prism, Verdict, batches, request_side, served_path
from bench.adjudicate_wire import arrival, same

COLORS = ["blue", "black", "brown"]
RGB = {"R": 100, "G": 200, "B": 150}


def _document(parameter: dict[str, Any] | None = None, body: dict[str, Any] | None = None,
              path: str = "/items/{color}", servers: list[Any] | None = None) -> dict[str, Any]:
    """A one-operation document: POST `path` with `parameter` and a request `body`."""
    operation: dict[str, Any] = {"operationId": "op", "responses": {"200": {"description": "ok"}}}
    if parameter:
        operation["parameters"] = [parameter]
    if body:
        operation["requestBody"] = {"content": body}
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "servers": servers or [{"url": "/"}],
            "paths": {path: {"post": operation}}}


def _path_problem(style: str, explode: bool, value: Any, wire: str) -> str:
    parameter = {"name": "color", "in": "path", "required": True, "style": style, "explode": explode}
    request = httpx.Request("POST", f"https://h.test/items/{wire}")
    return arrival(_document(parameter), "/items/{color}", "post", request, {"path": {"color": value}},
                   f"/items/{wire}")


# the path rows of the style table, as the table writes them
PATH_ROWS = [
    ("simple", False, COLORS, "blue,black,brown"),
    ("simple", True, COLORS, "blue,black,brown"),
    ("simple", False, RGB, "R,100,G,200,B,150"),
    ("simple", True, RGB, "R=100,G=200,B=150"),
    ("label", False, "blue", ".blue"),
    ("label", False, COLORS, ".blue,black,brown"),
    ("label", True, COLORS, ".blue.black.brown"),
    ("label", False, RGB, ".R,100,G,200,B,150"),
    ("label", True, RGB, ".R=100.G=200.B=150"),
    ("matrix", False, "blue", ";color=blue"),
    ("matrix", False, COLORS, ";color=blue,black,brown"),
    ("matrix", True, COLORS, ";color=blue;color=black;color=brown"),
    ("matrix", False, RGB, ";color=R,100,G,200,B,150"),
    ("matrix", True, RGB, ";R=100;G=200;B=150"),
]


@pytest.mark.parametrize(("style", "explode", "value", "wire"), PATH_ROWS)
def test_path_rows_of_the_style_table_read_back(style: str, explode: bool, value: Any, wire: str) -> None:
    assert _path_problem(style, explode, value, wire) == ""


def test_a_wrong_path_value_is_reported_at_its_place() -> None:
    assert _path_problem("label", True, COLORS, ".blue.black.green") == (
        "path parameter 'color'[2]: sent 'brown', arrived 'green'")
    assert _path_problem("matrix", True, RGB, ";R=100;G=201;B=150") == (
        "path parameter 'color'['G']: sent 200, arrived '201'")


def _query_problem(style: str, explode: bool, value: Any, query: str, name: str = "color") -> str:
    parameter = {"name": name, "in": "query", "style": style, "explode": explode}
    request = httpx.Request("POST", f"https://h.test/items/x?{query}")
    return arrival(_document(parameter), "/items/{color}", "post", request, {"query": {name: value}},
                   f"/items/x?{query}")


QUERY_ROWS = [
    ("form", False, "blue", "color=blue"),
    ("form", True, COLORS, "color=blue&color=black&color=brown"),
    ("form", False, COLORS, "color=blue,black,brown"),
    ("form", True, RGB, "R=100&G=200&B=150"),
    ("form", False, RGB, "color=R,100,G,200,B,150"),
    ("spaceDelimited", False, COLORS, "color=blue%20black%20brown"),
    ("spaceDelimited", False, RGB, "color=R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, COLORS, "color=blue|black|brown"),
    ("pipeDelimited", False, RGB, "color=R|100|G|200|B|150"),
    ("deepObject", True, RGB, "color[R]=100&color[G]=200&color[B]=150"),
    ("deepObject", True, {"a": {"b": ["x", "y"]}}, "color[a][b][0]=x&color[a][b][1]=y"),  # the bracket convention
]


@pytest.mark.parametrize(("style", "explode", "value", "query"), QUERY_ROWS)
def test_query_rows_of_the_style_table_read_back(style: str, explode: bool, value: Any, query: str) -> None:
    assert _query_problem(style, explode, value, query) == ""


def test_a_comma_inside_a_value_is_not_a_delimiter() -> None:
    assert _query_problem("form", False, ["a,b", "c"], "color=a%2Cb,c") == ""
    assert _query_problem("form", False, ["a", "b", "c"], "color=a%2Cb,c") == (
        "query parameter 'color': sent ['a', 'b', 'c'], arrived ['a,b', 'c']")


def test_missing_and_wrong_query_values_are_reported() -> None:
    assert _query_problem("form", True, COLORS, "color=blue&color=black") == (
        "query parameter 'color': sent ['blue', 'black', 'brown'], arrived ['blue', 'black']")
    assert _query_problem("deepObject", True, RGB, "color[R]=100&color[G]=200") == (
        "query parameter 'color'['B'] did not arrive (arrived ['G', 'R'])")
    assert _query_problem("form", True, 7, "other=7") == "query parameter 'color' did not arrive"
    assert _query_problem("form", True, [], "") == ""  # an empty array puts nothing on the wire


def test_an_unknown_style_is_unchecked_not_guessed() -> None:
    assert _query_problem("tabDelimited", False, COLORS, "color=blue") == "unchecked: style 'tabDelimited'"


def test_a_parameter_named_like_a_member_of_another_is_not_that_member() -> None:
    document = _document()
    document["paths"]["/items/{color}"]["post"]["parameters"] = [
        {"name": "filter", "in": "query", "style": "deepObject", "explode": True},
        {"name": "filter[name][eq]", "in": "query"},
    ]
    query = "filter[name]=a&filter%5Bname%5D%5Beq%5D=b"
    request = httpx.Request("POST", f"https://h.test/items/x?{query}")
    passed = {"query": {"filter": {"name": "a"}, "filter[name][eq]": "b"}}
    assert arrival(document, "/items/{color}", "post", request, passed, f"/items/x?{query}") == ""


def test_headers_and_cookies_read_back() -> None:
    document = _document()
    document["paths"]["/items/{color}"]["post"]["parameters"] = [
        {"name": "X-Rgb", "in": "header", "explode": True},
        {"name": "X-List", "in": "header"},
        {"name": "session", "in": "cookie"},
    ]
    request = httpx.Request("POST", "https://h.test/items/x",
                            headers={"x-rgb": "R=100,G=200,B=150", "x-list": "a,b", "cookie": "session=s%201"})
    passed = {"header": {"X-Rgb": RGB, "X-List": ["a", "b"]}, "cookie": {"session": "s 1"}}
    assert arrival(document, "/items/{color}", "post", request, passed, "/items/x") == ""
    passed["header"]["X-List"] = ["a", "c"]
    assert arrival(document, "/items/{color}", "post", request, passed, "/items/x") == (
        "header parameter 'X-List'[1]: sent 'c', arrived 'b'")


def _body_problem(media_type: str, content: bytes, value: Any, encoding: dict[str, Any] | None = None,
                  content_type: str | None = None) -> str:
    body = {media_type: {"schema": {"type": "object"}, **({"encoding": encoding} if encoding else {})}}
    request = httpx.Request("POST", "https://h.test/items/x", headers={"content-type": content_type or media_type},
                            content=content)
    return arrival(_document(body=body), "/items/{color}", "post", request, {"body": value}, "/items/x")


def test_form_bodies_read_by_their_encoding() -> None:
    form = "application/x-www-form-urlencoded"
    content = b"tags=a&tags=b&meta[k][0]=1&n=7&flag=true&obj=%7B%22a%22%3A1%7D"
    value = {"tags": ["a", "b"], "meta": {"k": [1]}, "n": 7, "flag": True, "obj": {"a": 1}}
    encoding = {"meta": {"style": "deepObject", "explode": True}, "obj": {"contentType": "application/json"}}
    assert _body_problem(form, content, value, encoding) == ""
    assert _body_problem(form, content, {**value, "n": 8}, encoding) == "body['n']: sent 8, arrived '7'"
    assert _body_problem(form, content, {**value, "flag": False}, encoding) == (
        "body['flag']: sent False, arrived 'true'")
    assert _body_problem(form, b"n=7", {"n": 7, "gone": "x"}) == "body field 'gone' did not arrive"


def test_multipart_parts_text_files_json_and_bracketed_names() -> None:
    parts = [
        (b'name="n"', b"7"),
        (b'name="file"; filename="f"\r\nContent-Type: application/octet-stream', b"\x89PNG\x00\xff"),
        (b'name="meta"\r\nContent-Type: application/json', b'{"a": [1, 2]}'),
        (b'name="link[create]"', b"true"),
    ]
    content = b"".join(b"--B\r\nContent-Disposition: form-data; " + head + b"\r\n\r\n" + body + b"\r\n"
                       for head, body in parts) + b"--B--\r\n"
    value = {"n": 7, "file": b"\x89PNG\x00\xff", "meta": {"a": [1, 2]}, "link": {"create": True}}
    assert _body_problem("multipart/form-data", content, value, content_type="multipart/form-data; boundary=B") == ""
    wrong = {**value, "file": b"\x89PNG\x00\xfe"}
    assert _body_problem("multipart/form-data", content, wrong, content_type="multipart/form-data; boundary=B") == (
        "body['file']: sent b'\\x89PNG\\x00\\xfe', arrived b'\\x89PNG\\x00\\xff'")


def test_json_and_raw_bodies() -> None:
    assert _body_problem("application/json", b'{"a":[1,{"b":null}]}', {"a": [1, {"b": None}]}) == ""
    assert _body_problem("application/json", b'{"a":[1]}', {"a": [2]}) == "body['a'][0]: sent 2, arrived 1"
    assert _body_problem("application/octet-stream", b"\x00\x01", b"\x00\x01") == ""
    assert _body_problem("application/xml", b"<a/>", {"a": 1}) == (
        "unchecked: a structured body sent as application/xml")


def test_same_reads_undefined_nested_shapes_sent_as_json_text() -> None:
    assert same({"name": {"contains": "x"}}, {"name": '{"contains":"x"}'}, "q") == ""
    assert same({"name": {"contains": "x"}}, {"name": '{"contains":"y"}'}, "q") == (
        "q['name']['contains']: sent 'x', arrived 'y'")
    assert same(True, "True", "q") == "q: sent True, arrived 'True'"  # Python's spelling is not the wire's


# -- the server path Prism does not serve --------------------------------------------------------------
def test_server_path_with_variables_is_taken_off_as_the_client_fills_it() -> None:
    servers = [{"url": "https://{region}.h.test/{base}/v1", "variables": {"region": {"default": "eu"},
                                                                         "base": {"default": "sell/account"}}}]
    document = _document(path="/items/{id}", servers=servers)
    assert served_path(document, "/items/{id}", "post", "/sell/account/v1/items/7?x=1") == "/items/7?x=1"


def test_an_operations_own_servers_come_first() -> None:
    document = _document(path="/items/{id}", servers=[{"url": "https://h.test/api"}])
    document["paths"]["/items/{id}"]["post"]["servers"] = [{"url": "https://files.h.test/upload/v2"}]
    assert served_path(document, "/items/{id}", "post", "/upload/v2/items/7") == "/items/7"
    assert served_path(document, "/items/{id}", "post", "/api/items/7") == "/items/7"


def test_a_base_url_given_by_hand_falls_back_to_the_template() -> None:
    document = _document(path="/items/{id}", servers=[{"url": "https://h.test/api"}])
    assert served_path(document, "/items/{id}", "post", "/elsewhere/items/7") == "/items/7"


# -- the cut-down document ------------------------------------------------------------------------------
def test_request_side_keeps_what_the_request_reaches_and_drops_answers_and_servers() -> None:
    document: dict[str, Any] = {
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "servers": [{"url": "https://h.test/v1"}],
        "paths": {
            "/a": {"servers": [{"url": "https://x.test"}], "parameters": [{"$ref": "#/paths/~1b/get/parameters/0"}],
                   "post": {"operationId": "a", "requestBody": {"content": {"application/json": {
                       "schema": {"$ref": "#/components/schemas/In"}}}},
                       "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Out"}}}}},
                       "callbacks": {"c": {}}}},
            "/b": {"get": {"operationId": "b", "parameters": [{"name": "q", "in": "query",
                                                               "schema": {"$ref": "#/components/schemas/Q"}}],
                           "responses": {"200": {"description": "ok"}}}},
        },
        "components": {"schemas": {"In": {"properties": {"n": {"$ref": "#/components/schemas/N"}}}, "N": {"type": "integer"},
                                   "Out": {"type": "object"}, "Q": {"type": "string"}},
                       "securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "K"}}},
    }
    mini = request_side(document, [("/a", "post")])
    assert list(mini["paths"]) == ["/a"]
    assert mini["paths"]["/a"]["post"]["responses"] == {"200": {"description": "ok"}}
    assert "callbacks" not in mini["paths"]["/a"]["post"] and "servers" not in mini and "servers" not in mini["paths"]["/a"]
    assert mini["paths"]["/a"]["parameters"][0]["name"] == "q"  # a `#/paths/...` reference inlined
    assert sorted(mini["components"]["schemas"]) == ["In", "N", "Q"]
    assert mini["components"]["securitySchemes"] == document["components"]["securitySchemes"]


def test_operations_whose_templates_both_match_a_request_go_to_separate_documents() -> None:
    def case(path: str, target: str) -> tuple[Case, str]:
        return Case(path, path, "post", httpx.Request("POST", f"https://h.test{target}"), ""), target

    pairs = [case("/items/{id}", "/items/7"), case("/items/search", "/items/search"), case("/other", "/other")]
    targets = {id(c): t for c, t in pairs}
    groups = batches([c for c, _ in pairs], targets)
    assert [[c.path for c in g] for g in groups] == [["/items/{id}", "/other"], ["/items/search"]]


def test_verdict_accepts_only_below_400_without_errors() -> None:
    assert Verdict(200).accepted
    assert not Verdict(200, ["body.a: must be integer"]).accepted
    assert not Verdict(415).accepted
    assert str(Verdict(422, ["body.a: must be integer"])) == "refused 422: body.a: must be integer"


# -- Prism itself, where it is installed -------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not PRISM.exists(), reason="Prism is not installed in bench/.peers/prism/ (bench/prism.py installs it)")
def test_prism_accepts_a_valid_form_body_and_refuses_a_wrong_one_at_its_field(tmp_path: Path) -> None:
    form = {"application/x-www-form-urlencoded": {"schema": {
        "type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}}},
        "encoding": {"tags": {"style": "form", "explode": True}}}}
    document = _document(body=form, path="/items/{id}", servers=[{"url": "https://h.test/api/{v}", "variables": {"v": {"default": "v1"}}}])
    spec = tmp_path / "cut.json"
    spec.write_text(json.dumps(request_side(document, [("/items/{id}", "post")])), encoding="utf-8")
    prism = Prism(spec, 120)
    try:
        assert prism.startup is not None, prism.why_not_started()
        headers = {"content-type": "application/x-www-form-urlencoded"}
        good = httpx.Request("POST", "https://h.test/api/v1/items/7", headers=headers, content=b"n=7&tags=a&tags=b")
        bad = httpx.Request("POST", "https://h.test/api/v1/items/7", headers=headers, content=b"n=seven")
        target = served_path(document, "/items/{id}", "post", "/api/v1/items/7")
        assert prism.send(good, target).accepted
        verdict = prism.send(bad, target)
        assert verdict.status == 422 and verdict.problems[0].startswith("body.n:")
    finally:
        prism.close()


def _prism_answering(answer: httpx.Response) -> tuple[Prism, list[httpx.Request]]:
    """A Prism whose answers come from `answer` (no process), and the requests it was sent."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer

    prism = Prism.__new__(Prism)
    prism.port = 4010
    prism.http = httpx.Client(transport=httpx.MockTransport(handle))
    return prism, seen


def test_prism_verdicts_keep_errors_and_drop_warnings() -> None:
    problem = {"title": "Invalid request", "validation": [
        {"location": ["request", "body", "a"], "severity": "Error", "message": "must be integer"},
        {"location": ["query", "old"], "severity": "Warning", "message": "Query param old is deprecated"}]}
    prism, seen = _prism_answering(httpx.Response(422, json=problem))
    request = httpx.Request("POST", "https://h.test/api/v1/items/7?x=1", headers={"content-type": "application/json"},
                            content=b'{"a": "x"}')
    verdict = prism.send(request, "/items/7?x=1")
    assert verdict.problems == ["body.a: must be integer"] and not verdict.accepted
    assert str(seen[0].url) == "http://127.0.0.1:4010/items/7?x=1" and seen[0].content == b'{"a": "x"}'
    warning_only = [{"location": ["query", "old"], "severity": "Warning", "message": "deprecated"}]
    prism, _ = _prism_answering(httpx.Response(200, headers={"sl-violations": json.dumps(warning_only)}))
    assert prism.send(request, "/items/7").accepted
    prism, _ = _prism_answering(httpx.Response(415, json={"title": "Invalid content type", "detail": "Cannot read"}))
    assert prism.send(request, "/items/7").problems == ["Invalid content type: Cannot read"]


def test_only_prism_accepting_with_every_value_arrived_counts_as_valid() -> None:
    request = httpx.Request("GET", "https://h.test/a")

    def case(verdict: Verdict | None, arrived: str) -> Case:
        return Case("op", "/a", "get", request, "openapi-core said no", arrival=arrived, prism=verdict)

    cases = [case(Verdict(200), ""), case(Verdict(200), "unchecked: style 'x'"), case(Verdict(200), "body['a']: sent 1, arrived '2'"),
             case(Verdict(422, ["body.a: must be integer"]), ""), case(None, "")]
    assert [c.outcome for c in cases] == ["valid", "unchecked", "not arrived", "refused", "not asked"]
    adjudication = Adjudication("spec", 10, 5, cases)
    lines = adjudication.lines()
    assert lines[:3] == ["spec: requests valid 5/10 (openapi-core)",
                         "  refused by openapi-core: 5; Prism accepts 1 of them; refused by both: 1",
                         ("  also: 1 Prism accepts, arrival unchecked; 1 Prism accepts, a value did not arrive;"
                         " 1 Prism could not be asked")]
    assert ("    [refused] op: openapi-core refused: openapi-core said no | Prism: refused 422: body.a: must be integer"
            " | arrival: every value passed is on the wire") in lines


def test_json_bodies_compare_types_where_form_text_is_cast() -> None:
    assert _body_problem("application/json", b'{"n":"7","b":"true"}', {"n": 7}) == "body['n']: sent 7, arrived '7'"
    assert _body_problem("application/json", b'{"n":7.0,"b":true}', {"n": 7, "b": True}) == ""
    assert _body_problem("application/json", b'{"b":"true"}', {"b": True}) == "body['b']: sent True, arrived 'true'"
    assert _body_problem("application/x-www-form-urlencoded", b"n=7&b=true", {"n": 7, "b": True}) == ""
    assert _body_problem("application/json", b'{"o":"{\\"a\\": 1}"}', {"o": {"a": 1}}) == (
        "body['o']: sent {'a': 1}, arrived '{\"a\": 1}'")  # JSON text inside JSON is not the object
