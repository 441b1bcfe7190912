"""Structural validation as lint reports it: precise places, no stop at the first broken node."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import lint_text

H30 = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"


def _found(tmp_path: Path, text: str, rule: str) -> list[tuple[str, int, str]]:
    return [(f.location.pointer, f.location.line, f.message) for f in lint_text(tmp_path, text) if f.rule == rule]


def test_unexpected_key_is_reported_at_the_key(tmp_path: Path) -> None:
    text = H30 + "paths: {}\nsurprise: 1\n"
    assert _found(tmp_path, text, "oas3-schema") == [
        ("/surprise", 4, "property 'surprise' is not allowed here; remove it (or name an extension `x-...`)")
    ]


def test_one_of_failure_names_the_field_and_every_allowed_value(tmp_path: Path) -> None:
    text = H30 + "paths:\n  /a:\n    get:\n      parameters:\n        - name: x\n          in: nowhere\n          schema: {type: string}\n" \
        "      responses: {'200': {description: ok}}\n"
    assert _found(tmp_path, text, "oas3-schema") == [
        ("/paths/~1a/get/parameters/0/in", 8, "'nowhere' is not one of ['cookie', 'header', 'path', 'query']")
    ]


def test_unresolved_ref_does_not_stop_validation(tmp_path: Path) -> None:
    text = H30 + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Gone'\n" \
        "  /b:\n    get:\n      responses:\n        '200': {}\n"
    assert _found(tmp_path, text, "invalid-ref") == [
        ("/paths/~1a/get/responses/200/$ref", 8, "`$ref` '#/components/responses/Gone' does not resolve; point it at an existing component")
    ]
    assert _found(tmp_path, text, "oas3-schema") == [("/paths/~1b/get/responses/200", 12, "'description' is a required property")]


def test_error_behind_a_ref_is_located_at_its_target(tmp_path: Path) -> None:
    text = H30 + "paths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/R'}\n" \
        "components:\n  responses:\n    R:\n      content: {}\n"
    assert [(p, line) for p, line, _ in _found(tmp_path, text, "oas3-schema")] == [("/components/responses/R", 10)]


def test_validator_crash_keeps_the_schema_findings(tmp_path: Path) -> None:
    text = H30 + "paths:\n  /a:\n    get:\n      parameters:\n        - in: query\n      responses: {'200': {description: ok}}\n"
    found = _found(tmp_path, text, "oas3-schema")
    assert ("/paths/~1a/get/parameters/0", 7, "'name' is a required property") in found
    assert any(p == "" and "stopped on a malformed node" in m for p, _, m in found)


def test_contact_email_format(tmp_path: Path) -> None:
    text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  contact: {email: nobody}\npaths: {}\n"
    assert _found(tmp_path, text, "oas3-schema") == [("/info/contact/email", 5, "'nobody' is not an email address; write it as name@domain")]


def test_uri_and_url_formats_are_checked_in_examples(tmp_path: Path) -> None:
    text = H30 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n" \
        "        u: {type: string, format: uri, default: ''}\n        v: {type: string, format: url, example: 'https://vendor.test/x'}\n"
    assert [(p, line) for p, line, _ in _found(tmp_path, text, "oas3-valid-schema-example")] == [("/components/schemas/A/properties/u/default", 9)]


def test_enum_and_markdown_rules_look_everywhere_as_spectral_does(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers:\n  - url: https://{env}.vendor.test\n" \
        "    variables:\n      env: {default: a, enum: [a, a], description: '<script>x</script>'}\npaths: {}\n"
    found = lint_text(tmp_path, text)
    assert [(f.rule, f.location.pointer, f.location.line) for f in found if f.rule in ("duplicated-entry-in-enum", "no-script-tags-in-markdown")] == [
        ("duplicated-entry-in-enum", "/servers/0/variables/env/enum/1", 6),
        ("no-script-tags-in-markdown", "/servers/0/variables/env/description", 6),
    ]


def test_examples_under_extensions_are_checked(tmp_path: Path) -> None:
    text = H30 + "paths: {}\nx-webhooks:\n  ping:\n    post:\n      parameters:\n        - name: n\n          in: query\n" \
        "          schema: {type: integer}\n          example: many\n"
    assert [(p, line) for p, line, _ in _found(tmp_path, text, "oas3-valid-media-example")] == [("/x-webhooks/ping/post/parameters/0/example", 11)]


def test_example_of_a_schema_that_cannot_check_it(tmp_path: Path) -> None:
    text = H30 + "paths: {}\ncomponents:\n  requestBodies:\n    B:\n      content:\n        application/json:\n" \
        "          schema: {$ref: '#/components/schemas/S'}\n          examples:\n            one: {value: {a: 1}}\n" \
        "  schemas:\n    S:\n      type: object\n      properties:\n        a: {nullable: true}\n"
    assert _found(tmp_path, text, "oas3-valid-media-example") == [(
        "/components/requestBodies/B/content/application~1json/examples/one/value", 11,
        "the schema cannot check this example: it has `nullable` without `type` at /components/schemas/S/properties/a; fix the schema",
    )]


def test_duplicate_key_in_json(tmp_path: Path) -> None:
    text = '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},\n "paths": {},\n "paths": {}}\n'
    found = [(f.rule, f.location.pointer, f.location.line) for f in lint_text(tmp_path, text, name="spec.json") if f.rule == "parser"]
    assert found == [("parser", "/paths", 3)]  # the second `paths`, the one that overrides
