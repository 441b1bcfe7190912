"""Rule behaviour beyond the one failing and one passing case: the other ways each rule can fail."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import lint_text

H31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"


def _found(tmp_path: Path, text: str, rule: str) -> list[tuple[str, str]]:
    return [(f.location.pointer, f.message) for f in lint_text(tmp_path, text) if f.rule == rule]


def test_name_collisions_of_schemas_properties_and_methods(tmp_path: Path) -> None:
    text = H31 + (
        "paths:\n"
        "  /a:\n    get:\n      operationId: calls_list\n      tags: [calls]\n      responses: {'200': {description: ok}}\n"
        "  /b:\n    get:\n      operationId: callsList\n      tags: [calls]\n      responses: {'200': {description: ok}}\n"
        "components:\n  schemas:\n    user_record: {type: object}\n    UserRecord:\n      type: object\n"
        "      properties:\n        firstName: {type: string}\n        first_name: {type: string}\n"
    )
    assert [p for p, _ in _found(tmp_path, text, "python-name-collision")] == [
        "/paths/~1b/get/operationId",
        "/components/schemas/UserRecord",
        "/components/schemas/UserRecord/properties/first_name",
    ]


def test_pagination_style_keys_and_fields(tmp_path: Path) -> None:
    body = "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n" \
        "              schema: {type: object, properties: {data: {type: array, items: {}}, links: {type: object, properties: {next: {}}}}}\n"
    cases = {
        "{style: pages, items: data}": ["/paths/~1a/get/x-pagination/style"],
        "{style: next-link, items: data}": ["/paths/~1a/get/x-pagination"],
        "{style: next-link, items: data, next: links.next, page: p}": ["/paths/~1a/get/x-pagination/page"],
        "{style: next-link, items: rows, next: links.prev}": ["/paths/~1a/get/x-pagination/items", "/paths/~1a/get/x-pagination/next"],
        "{style: next-link, items: data, next: links.next, x-note: fine}": [],
    }
    for value, pointers in cases.items():
        text = H31 + f"paths:\n  /a:\n    get:\n      x-pagination: {value}\n" + body
        assert [p for p, _ in _found(tmp_path, text, "x-pagination-valid")] == pointers, value


def test_enum_varnames_length_and_spelling(tmp_path: Path) -> None:
    base = H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      enum: [1, 2]\n"
    assert [p for p, _ in _found(tmp_path, base + "      x-enum-varnames: [ONE]\n", "x-enum-varnames")] == ["/components/schemas/A/x-enum-varnames"]
    assert [p for p, _ in _found(tmp_path, base + "      x-enum-varnames: [ONE, two]\n", "x-enum-varnames")] == ["/components/schemas/A/x-enum-varnames/1"]
    assert [p for p, _ in _found(tmp_path, base + "      x-enum-varnames: [ONE, ONE]\n", "x-enum-varnames")] == ["/components/schemas/A/x-enum-varnames/1"]


def test_4xx_rule_only_where_the_api_documents_errors(tmp_path: Path) -> None:
    text = H31 + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n  /b:\n    get:\n      responses: {'200': {description: ok}}\n"
    assert _found(tmp_path, text, "operation-4xx-response") == []


def test_ref_siblings_in_31_only_outside_schemas_and_beyond_summary(tmp_path: Path) -> None:
    text = H31 + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/R'\n" \
        "          description: allowed\n          headers: {}\ncomponents:\n  responses:\n    R: {description: ok}\n"
    assert [p for p, _ in _found(tmp_path, text, "no-$ref-siblings")] == ["/paths/~1a/get/responses/200/headers"]


def test_ignore_that_is_not_a_mapping(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-lint-ignore: [info-contact]\npaths: {}\n"
    found = lint_text(tmp_path, text)
    assert [(f.rule, f.location.pointer) for f in found if f.rule.startswith("lint-ignore")] == [("lint-ignore-reason", "/info/x-lint-ignore")]
    assert any(f.rule == "info-contact" for f in found)


def test_path_params_duplicate_template_and_unused_path_level_parameter(tmp_path: Path) -> None:
    text = H31 + "paths:\n  /a/{id}/b/{id}:\n    parameters:\n      - {name: id, in: path, required: true, schema: {type: string}}\n" \
        "      - {name: gone, in: path, required: true, schema: {type: string}}\n    get:\n      responses: {'200': {description: ok}}\n"
    assert sorted(p for p, _ in _found(tmp_path, text, "path-params")) == ["/paths/~1a~1{id}~1b~1{id}", "/paths/~1a~1{id}~1b~1{id}/parameters/1/name"]
