"""Lint's `python-name-collision` reports exactly the names build had to change, from the one naming authority."""

from __future__ import annotations

from pathlib import Path

from generator.modeling.build import build
from generator.modeling.client_names import client_names
from generator.reading.load import load
from tests.lint.conftest import lint_text

H31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"


def _op(path: str, operation_id: str, tag: str | None = None, extra: str = "") -> str:
    tags = f"      tags: [{tag}]\n" if tag else ""
    return f"  {path}:\n    get:\n      operationId: {operation_id}\n{tags}{extra}      responses: {{'200': {{description: ok}}}}\n"


def _found(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(f.location.pointer, f.message) for f in lint_text(tmp_path, text) if f.rule == "python-name-collision"]


def _built_methods(tmp_path: Path, text: str) -> dict[str, list[str]]:
    spec = tmp_path / "names.yaml"
    spec.write_text(text)
    package = build(load(spec), "names")
    return {ns.attribute: [op.method_name for op in ns.operations] for ns in package.namespaces}


def test_get_and_list_customers_become_list_and_list_2_and_lint_says_so(tmp_path: Path) -> None:
    text = H31 + "paths:\n" + _op("/customers", "GetCustomers", "customers") + _op("/customers/all", "ListCustomers", "customers")
    assert _built_methods(tmp_path, text) == {"customers": ["list", "list_2"]}
    assert _found(tmp_path, text) == [(
        "/paths/~1customers~1all/get/operationId",
        ("operationId 'ListCustomers' would become the method 'list', but operationId 'GetCustomers' already has it, "
         "so it is generated as 'list_2', which users cannot guess; set a distinct operationId"),
    )]


def test_distinct_operation_ids_lint_clean(tmp_path: Path) -> None:
    text = H31 + "paths:\n" + _op("/customers", "GetCustomers", "customers") + _op("/customers/all", "SearchCustomers", "customers")
    assert _built_methods(tmp_path, text) == {"customers": ["list", "search"]}
    assert _found(tmp_path, text) == []


def test_a_name_the_client_keeps_is_reported_for_tags_and_methods(tmp_path: Path) -> None:
    text = H31 + "paths:\n" + _op("/c", "close", "close")
    assert _built_methods(tmp_path, text) == {"close_2": ["close_2"]}
    assert [(p, m.split(", so it")[0]) for p, m in _found(tmp_path, text)] == [
        ("/paths/~1c/get/operationId", "operationId 'close' would become the method 'close', but the generated client keeps that name for itself"),
        ("/paths/~1c/get/tags/0", "tag 'close' would become the client attribute 'close', but the generated client keeps that name for itself"),
    ]


def test_untagged_operations_are_named_by_their_path_after_the_version(tmp_path: Path) -> None:
    # build puts `/v1/calls` in the namespace `calls`; lint used to guess `v1` and missed this clash
    text = H31 + "paths:\n" + _op("/v1/calls", "calls_list") + _op("/v1/calls/recent", "callsList")
    assert _built_methods(tmp_path, text) == {"calls": ["list", "list_2"]}
    assert [p for p, _ in _found(tmp_path, text)] == ["/paths/~1v1~1calls~1recent/get/operationId"]


def test_arguments_credentials_and_server_variables(tmp_path: Path) -> None:
    params = "      parameters:\n        - {name: userId, in: query, schema: {type: string}}\n" \
        "        - {name: user_id, in: header, schema: {type: string}}\n        - {name: body, in: query, schema: {type: string}}\n"
    text = (H31 + "servers: [{url: 'https://{timeout}.example.com', variables: {timeout: {default: a}}}]\n"
            + "paths:\n" + _op("/a", "getA", "a", params)
            + "components:\n  securitySchemes:\n    k: {type: apiKey, in: header, name: X-Key, x-credential: base_url}\n")
    names = client_names(load(_write(tmp_path, text)))
    assert names.arguments["get /a"] == {("query", "userId"): "user_id", ("header", "user_id"): "user_id_2",
                                         ("query", "body"): "body_2"}
    assert names.client_arguments == {"credential:base_url": "base_url_2", "server:timeout": "timeout_2"}
    assert [(p, m.split(" would")[0]) for p, m in _found(tmp_path, text)] == [
        ("/servers/0/variables/timeout", "server variable 'timeout'"),
        ("/paths/~1a/get/parameters/1/name", "parameter 'user_id'"),
        ("/paths/~1a/get/parameters/2/name", "parameter 'body'"),
        ("/components/securitySchemes/k/x-credential", "credential 'base_url'"),
    ]
    package = build(load(_write(tmp_path, text)), "names")
    assert [p.name for p in package.namespaces[0].operations[0].params] == ["user_id", "user_id_2", "body_2"]
    assert [c.name for c in package.credentials] == ["base_url_2"]
    assert [v.name for v in package.server_variables] == ["timeout_2"]


def test_lint_tolerates_what_build_never_sees(tmp_path: Path) -> None:
    # a path item that is no mapping, tags that are no list, parameters that are no list: skipped, not a crash
    text = H31 + "paths:\n  /x: 3\n  /y:\n    get:\n      tags: calls\n      parameters: {a: 1}\n      responses: {'200': {description: ok}}\n"
    names = client_names(load(_write(tmp_path, text)))
    assert (names.tags, names.methods, names.arguments) == ({"get /y": "y"}, {"get /y": "get"}, {"get /y": {}})


def _write(tmp_path: Path, text: str) -> Path:
    spec = tmp_path / "names.yaml"
    spec.write_text(text)
    return spec
