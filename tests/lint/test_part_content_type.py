"""`part-content-type`: every way a form or multipart `encoding.contentType` can be one the client cannot send (issue 18)."""

from __future__ import annotations

from pathlib import Path

from tests.lint.conftest import lint_text

H31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
_AT = "/paths/~1a/post/requestBody/content/{media}/encoding/{name}/contentType"


def _spec(media: str, properties: str, encoding: str) -> str:
    return H31 + (
        "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n"
        f"          {media}:\n            schema: {{type: object, properties: {properties}}}\n"
        f"            encoding: {encoding}\n      responses: {{'200': {{description: ok}}}}\n"
    )


def _found(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return [(f.location.pointer, f.message) for f in lint_text(tmp_path, text) if f.rule == "part-content-type"]


def test_lists_and_ranges_the_client_sends_are_clean(tmp_path: Path) -> None:
    text = _spec(
        "multipart/form-data",
        "{photo: {type: string, format: binary}, meta: {type: object}, rows: {type: array, items: {type: object}},"
        " note: {type: string}, styled: {type: object}}",
        "{photo: {contentType: 'image/png, image/jpeg, image/*'}, meta: {contentType: 'application/xml, application/json'},"
        " rows: {contentType: 'application/*'}, note: {contentType: 'text/plain; charset=utf-8'},"
        " styled: {contentType: image/png, style: deepObject}}",
    )
    assert _found(tmp_path, text) == []


def test_a_value_that_is_no_media_type(tmp_path: Path) -> None:
    multi = "multipart~1form-data"
    for value in ("png", "'image/png,'", "'image/png; a=\"b,c\"'", "''"):
        text = _spec("multipart/form-data", "{photo: {type: string, format: binary}}", f"{{photo: {{contentType: {value}}}}}")
        found = _found(tmp_path, text)
        assert [p for p, _ in found] == [_AT.format(media=multi, name="photo")], value
        assert "is not a media type, a range (`image/*`) or a comma-separated list of them" in found[0][1]


def test_an_object_part_whose_types_hold_no_json(tmp_path: Path) -> None:
    text = _spec(
        "multipart/form-data",
        "{meta: {type: object}, rows: {type: array, items: {$ref: '#/components/schemas/Row'}}, pic: {type: string, format: binary}}",
        "{meta: {contentType: application/xml}, rows: {contentType: 'image/*'}, pic: {contentType: application/xml}}",
    ) + "components:\n  schemas:\n    Row: {type: object, properties: {a: {type: string}}}\n"
    found = _found(tmp_path, text)
    assert [p for p, _ in found] == [_AT.format(media="multipart~1form-data", name=n) for n in ("meta", "rows")]
    assert found[0][1].startswith("the client writes `meta` as JSON (an object per part), but `contentType` 'application/xml' allows no JSON type")


def test_a_form_field_in_a_type_the_client_cannot_write(tmp_path: Path) -> None:
    form = "application~1x-www-form-urlencoded"
    text = _spec(
        "application/x-www-form-urlencoded",
        "{filter: {type: object}, ids: {type: array}, q: {type: string}, json: {type: object}, styled: {type: object}}",
        "{filter: {contentType: application/xml}, ids: {contentType: 'text/plain'}, q: {contentType: text/plain},"
        " json: {contentType: application/json}, styled: {contentType: application/xml, style: deepObject}}",
    )
    assert [p for p, _ in _found(tmp_path, text)] == [_AT.format(media=form, name=n) for n in ("filter", "ids")]
