"""`trunkline mock`: routing, request validation, example selection and error statuses.

Most tests run the mock's WSGI app on a werkzeug server in a thread and talk to it with plain httpx;
the command-line tests start `trunkline mock` as a process, as a user would.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from generator.cli import parser
from generator.commands.mock import spec_path
from generator.mock.app import MockApp
from generator.mock.model import MockOperation, mock_spec
from generator.mock.router import Match, NoMethod, Router
from generator.mock.server import base_url, bind
from generator.reading.load import load
from tests.test_replay_http import ROOT, MockProcess

SPEC = """\
openapi: 3.1.0
info: {title: Shop, version: '1'}
servers:
  - url: https://{host}/base/v1
    variables: {host: {default: shop.example.com}}
security:
  - bearer: []
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
    basic: {type: http, scheme: basic}
    keyQuery: {type: apiKey, in: query, name: apiKey}
    tokenQuery: {type: apiKey, in: query, name: token}
    keyHeader: {type: apiKey, in: header, name: X-Key}
    keyCookie: {type: apiKey, in: cookie, name: session}
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: 'https://shop.example.com/token', scopes: {}}}
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string, default: widget}
        size: {type: integer, examples: [7]}
        created: {type: string, format: date-time}
        tags: {type: array, items: {type: string}}
        parent: {$ref: '#/components/schemas/Item'}
    ItemInput:
      type: object
      required: [name]
      properties:
        name: {type: string}
        size: {type: integer, minimum: 1}
    Error:
      type: object
      properties:
        code: {type: string}
paths:
  /items:
    get:
      operationId: items_list
      parameters:
        - {name: limit, in: query, required: true, schema: {type: integer, maximum: 100}}
        - {name: kind, in: query, schema: {type: string, enum: [a, b]}}
        - {name: tags, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
        - {name: X-Request-Id, in: header, schema: {type: string, format: uuid}}
      responses:
        '200':
          description: Items.
          headers:
            X-Count:
              schema: {type: integer}
              examples: {first: {value: 2}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Item'}}
              examples:
                first: {value: [{id: 1, name: a}, {id: 2, name: b}]}
                second: {value: [{id: 3, name: c}]}
        '404':
          description: None.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Error'}
              examples:
                missing: {value: {code: none}}
    post:
      operationId: items_create
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ItemInput'}
            examples:
              small: {value: {name: small}}
              big: {value: {name: big, size: 10}}
      responses:
        '201':
          description: Created.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
              examples:
                small: {value: {id: 1, name: small}}
                big: {value: {id: 2, name: big, size: 10}}
  /items/latest:
    get:
      operationId: items_latest
      responses:
        '200':
          description: The newest item.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
  /items/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema: {type: integer}
        examples: {one: {value: 1}, two: {value: 2}}
    get:
      operationId: items_get
      responses:
        '200':
          description: One item.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
              examples:
                one: {value: {id: 1, name: one}}
                two: {value: {id: 2, name: two}}
    delete:
      operationId: items_delete
      responses:
        '204': {description: Gone.}
  /secure/basic:
    get:
      operationId: secure_basic
      security: [{basic: []}]
      responses: {'204': {description: Fine.}}
  /secure/any:
    get:
      operationId: secure_any
      security: [{keyQuery: [], tokenQuery: []}, {keyHeader: []}, {keyCookie: []}, {oauth: []}]
      responses: {'204': {description: Fine.}}
  /open:
    get:
      operationId: open_get
      security: []
      responses: {'204': {description: Fine.}}
  /slash/:
    get:
      operationId: slash_get
      security: []
      responses: {'204': {description: Fine.}}
"""

AUTH = {"Authorization": "Bearer secret"}


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mock") / "shop.yaml"
    path.write_text(SPEC)
    return path


@pytest.fixture(scope="module")
def server(spec_file: Path) -> Iterator[tuple[str, list[str]]]:
    """The mock of the shop spec on a thread: its base URL and the lines it logged."""
    lines: list[str] = []
    app = MockApp(mock_spec(load(spec_file)), log=lines.append)
    running = bind(app, "127.0.0.1", 0)
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield base_url(running, "/base/v1"), lines
    running.shutdown()
    running.server_close()
    thread.join(5)


@pytest.fixture()
def http(server: tuple[str, list[str]]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server[0]) as client:
        yield client


def _errors(response: httpx.Response) -> list[str]:
    """The locations of the problems a problem+json answer lists."""
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == response.status_code
    assert body["title"] and body["detail"] and body["type"].startswith("urn:trunkline:mock:")
    return [e["location"] for e in body["errors"]]


# -- request validation --------------------------------------------------------------------


def test_missing_required_query_parameter(http: httpx.Client) -> None:
    response = http.get("/items", headers=AUTH)
    assert response.status_code == 400
    assert _errors(response) == ["query.limit"]
    assert "required" in response.json()["errors"][0]["message"]


def test_wrong_type_and_bad_enum_in_the_query(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": "ten", "kind": "c"}, headers=AUTH)
    assert response.status_code == 400
    assert _errors(response) == ["query.limit", "query.kind"]
    messages = [e["message"] for e in response.json()["errors"]]
    assert "integer" in messages[0] and "'c' is not one of" in messages[1]


def test_constraint_and_array_items_are_checked(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": "500", "tags": "1,x"}, headers=AUTH)
    assert response.status_code == 400
    assert _errors(response) == ["query.limit", "query.tags.1"]


def test_bad_header_parameter(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": 1}, headers={**AUTH, "X-Request-Id": "not-a-uuid"})
    assert response.status_code == 400
    assert _errors(response) == ["header.X-Request-Id"]


def test_wrong_path_parameter_type(http: httpx.Client) -> None:
    response = http.get("/items/abc", headers=AUTH)
    assert response.status_code == 400
    assert _errors(response) == ["path.id"]


def test_bad_body_fields(http: httpx.Client) -> None:
    response = http.post("/items", json={"name": 5, "size": 0}, headers=AUTH)
    assert response.status_code == 400
    assert sorted(_errors(response)) == ["body/name", "body/size"]


def test_missing_body_and_broken_json(http: httpx.Client) -> None:
    missing = http.post("/items", headers=AUTH)
    assert missing.status_code == 400 and _errors(missing) == ["body"]
    broken = http.post("/items", content=b"{", headers={**AUTH, "Content-Type": "application/json"})
    assert broken.status_code == 400 and _errors(broken) == ["body"]
    assert "not valid JSON" in broken.json()["errors"][0]["message"]


def test_wrong_content_type_is_415(http: httpx.Client) -> None:
    response = http.post("/items", content=b"name=x", headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert _errors(response) == ["header.Content-Type"]


def test_missing_credential_is_401_with_a_challenge(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": 1})
    assert response.status_code == 401
    assert _errors(response) == ["header.Authorization"]
    assert response.headers["www-authenticate"] == "Bearer"
    wrong_kind = http.get("/items", params={"limit": 1}, headers={"Authorization": "Basic c2VjcmV0Og=="})
    assert wrong_kind.status_code == 401


def test_http_basic_credential(http: httpx.Client) -> None:
    good = "Basic " + base64.b64encode(b"key:").decode()
    assert http.get("/secure/basic", headers={"Authorization": good}).status_code == 204
    refused = http.get("/secure/basic", headers={"Authorization": "Basic !!!"})
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == 'Basic realm="trunkline mock"'


@pytest.mark.parametrize(
    ("params", "headers", "cookies"),
    [
        ({"apiKey": "k", "token": "t"}, {}, {}),
        ({}, {"X-Key": "k"}, {}),
        ({}, {}, {"session": "s"}),
        ({}, {"Authorization": "Bearer oauth-token"}, {}),
    ],
    ids=["query-pair", "header", "cookie", "oauth2"],
)
def test_each_security_alternative_is_accepted(
    http: httpx.Client, params: dict[str, str], headers: dict[str, str], cookies: dict[str, str]
) -> None:
    http.cookies.clear()
    http.cookies.update(cookies)
    assert http.get("/secure/any", params=params, headers=headers).status_code == 204
    http.cookies.clear()


def test_half_a_credential_pair_is_401(http: httpx.Client) -> None:
    response = http.get("/secure/any", params={"apiKey": "k"})
    assert response.status_code == 401
    assert _errors(response) == ["query.token", "header.X-Key", "cookie.session", "header.Authorization"]


def test_anonymous_operation_needs_no_credential(http: httpx.Client) -> None:
    assert http.get("/open").status_code == 204


# -- example selection ---------------------------------------------------------------------


def test_prefer_example_by_name(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": 1}, headers={**AUTH, "Prefer": "example=second"})
    assert response.status_code == 200
    assert response.json() == [{"id": 3, "name": "c"}]
    assert response.headers["x-trunkline-example"] == "second"
    assert response.headers["x-trunkline-mock"] == "example"
    assert response.headers["preference-applied"] == "example=second"


def test_prefer_code(http: httpx.Client) -> None:
    response = http.get("/items", params={"limit": 1}, headers={**AUTH, "Prefer": "code=404"})
    assert response.status_code == 404
    assert response.json() == {"code": "none"}
    assert response.headers["x-trunkline-example"] == "missing"
    assert response.headers["preference-applied"] == "code=404"


def test_prefer_an_unknown_example_or_code_is_refused(http: httpx.Client) -> None:
    unknown = http.get("/items", params={"limit": 1}, headers={**AUTH, "Prefer": 'example="nope"'})
    assert unknown.status_code == 400 and _errors(unknown) == ["header.Prefer"]
    assert "first, second, missing" in unknown.json()["errors"][0]["message"]
    code = http.get("/items", params={"limit": 1}, headers={**AUTH, "Prefer": "code=418"})
    assert code.status_code == 400 and _errors(code) == ["header.Prefer"]


def test_request_matching_by_path_value(http: httpx.Client) -> None:
    two = http.get("/items/2", headers=AUTH)
    assert two.json() == {"id": 2, "name": "two"} and two.headers["x-trunkline-example"] == "two"
    one = http.get("/items/1", headers=AUTH)
    assert one.json() == {"id": 1, "name": "one"}


def test_request_matching_by_body(http: httpx.Client) -> None:
    big = http.post("/items", json={"name": "big", "size": 10}, headers=AUTH)
    assert big.status_code == 201
    assert big.json() == {"id": 2, "name": "big", "size": 10}


def test_no_match_answers_the_first_success_example(http: httpx.Client) -> None:
    other = http.get("/items/3", headers=AUTH)
    assert other.status_code == 200 and other.headers["x-trunkline-example"] == "one"
    created = http.post("/items", json={"name": "other"}, headers=AUTH)
    assert created.status_code == 201 and created.headers["x-trunkline-example"] == "small"


def test_documented_response_header_is_sent(http: httpx.Client) -> None:
    first = http.get("/items", params={"limit": 1}, headers=AUTH)
    assert first.headers["x-trunkline-example"] == "first"
    assert first.headers["x-count"] == "2"
    second = http.get("/items", params={"limit": 1}, headers={**AUTH, "Prefer": "example=second"})
    assert second.headers["x-count"] == "0"  # no documented value: built from the header's schema


def test_no_example_is_built_from_the_schema(http: httpx.Client) -> None:
    response = http.get("/items/latest", headers=AUTH)
    assert response.status_code == 200
    assert response.headers["x-trunkline-mock"] == "generated"
    assert "x-trunkline-example" not in response.headers
    # default for name, the schema's example for size, placeholders for the rest; the cycle is cut
    assert response.json() == {"id": 0, "name": "widget", "size": 7, "created": "2000-01-01T00:00:00Z", "tags": ["string"]}


def test_204_has_no_body(http: httpx.Client) -> None:
    response = http.delete("/items/1", headers=AUTH)
    assert response.status_code == 204
    assert response.content == b""
    assert "content-type" not in response.headers


# -- routing -------------------------------------------------------------------------------


def test_unknown_route_is_404(http: httpx.Client) -> None:
    response = http.get("/nothing/here", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["instance"] == "/base/v1/nothing/here"


def test_wrong_method_is_405_with_allow(http: httpx.Client) -> None:
    response = http.put("/items/1", headers=AUTH)
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, GET"


def test_literal_segment_wins_over_a_variable(http: httpx.Client) -> None:
    response = http.get("/items/latest", headers=AUTH)
    assert response.status_code == 200  # items_get would have refused 'latest' as an integer id


def test_trailing_slash_either_way(http: httpx.Client) -> None:
    assert http.get("/slash/").status_code == 204
    assert http.get("/slash").status_code == 204


def test_paths_with_and_without_the_server_prefix(server: tuple[str, list[str]]) -> None:
    root = server[0].removesuffix("/base/v1")
    assert httpx.get(root + "/base/v1/open").status_code == 204
    assert httpx.get(root + "/open").status_code == 204


def test_one_log_line_per_request(http: httpx.Client, server: tuple[str, list[str]]) -> None:
    before = len(server[1])
    http.get("/items/2?x=secret", headers=AUTH)
    assert len(server[1]) == before + 1
    method, path, status, elapsed = server[1][-1].split(" ")
    assert (method, path, status) == ("GET", "/base/v1/items/2", "200")
    assert elapsed.endswith("ms")


# -- the command ---------------------------------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_cli_serves_and_stops_cleanly(spec_file: Path, sig: int) -> None:
    server = MockProcess(spec_file)
    try:
        assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/base/v1")
        response = httpx.get(server.url + "/items", params={"limit": 1}, headers=AUTH)
        assert response.status_code == 200 and response.json()[0]["name"] == "a"
        assert httpx.get(server.url + "/items").status_code == 401
    finally:
        code = server.stop(sig)
    assert code == 0
    log = server.stderr().splitlines()
    assert [line.rsplit(" ", 1)[0] for line in log if line.startswith("GET ")] == [
        "GET /base/v1/items 200",
        "GET /base/v1/items 401",
    ]
    assert log[-1] == "mock: stopped"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "mock", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=30, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )


def test_cli_missing_spec_is_exit_2(tmp_path: Path) -> None:
    result = _cli(str(tmp_path / "absent.yaml"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "absent.yaml" in result.stderr and "Traceback" not in result.stderr


def test_cli_port_in_use_is_exit_2(spec_file: Path) -> None:
    server = MockProcess(spec_file)
    try:
        port = server.url.split(":")[2].split("/")[0]
        result = _cli(str(spec_file), "--port", port)
    finally:
        server.stop()
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_cli_not_an_openapi_document_is_exit_2(tmp_path: Path) -> None:
    spec = tmp_path / "notes.yaml"
    spec.write_text("swagger: '2.0'\ninfo: {title: old}\n")
    result = _cli(str(spec))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Swagger 2.0" in result.stderr


def test_cli_binds_loopback_by_default() -> None:
    args = parser().parse_args(["mock", "specs/monica.yaml"])
    assert (args.host, args.port) == ("127.0.0.1", 0)


def _op(method: str, path: str) -> MockOperation:
    return MockOperation(f"{method} {path}", method, path, "", (), None, (), {}, ())


def test_router_prefers_the_earliest_literal_segment() -> None:
    ops = (_op("GET", "/a/{x}/c"), _op("GET", "/a/b/{y}"), _op("GET", "/a/{x}/{y}"), _op("GET", "/files/{name}.json"))
    router = Router(ops, ("/v2",))
    found = router.find("GET", "/v2/a/b/c")
    assert isinstance(found, Match) and found.operation.path == "/a/b/{y}" and found.values == {"y": "c"}
    found = router.find("GET", "/a/z/c")
    assert isinstance(found, Match) and found.operation.path == "/a/{x}/c"
    found = router.find("GET", "/a/z/q%2Fr")
    assert isinstance(found, Match) and found.operation.path == "/a/{x}/{y}" and found.values == {"x": "z", "y": "q%2Fr"}  # as sent: the style reader splits, then decodes
    found = router.find("GET", "/files/report.json")
    assert isinstance(found, Match) and found.values == {"name": "report"}
    assert router.find("GET", "/a/b/c/d") is None
    refused = router.find("POST", "/a/b/c")
    assert isinstance(refused, NoMethod) and refused.allowed == ("GET",)


def test_a_vendor_name_stands_for_its_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert spec_path("monica") == Path("specs/monica.yaml")
    assert spec_path("other/monica.yaml") == Path("other/monica.yaml")


def test_module_entry_point_serves_the_same(spec_file: Path) -> None:
    """`python -m generator.mock` (no other command imported) serves and stops like `trunkline mock`."""
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.mock", str(spec_file)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True,
    )
    assert process.stdout is not None
    try:
        url = process.stdout.readline().strip()
        assert url.endswith("/base/v1")
        assert httpx.get(url + "/items/2", headers=AUTH).json() == {"id": 2, "name": "two"}
    finally:
        process.terminate()
        code = process.wait(10)
        process.stdout.close()
    assert code == 0
    missing = subprocess.run(
        [sys.executable, "-m", "generator.mock", str(spec_file) + ".absent"], cwd=ROOT, capture_output=True,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False, timeout=30,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
