"""A multipart `encoding.contentType` that lists several types or a range goes out as one concrete part type (issue 18).

A form field's JSON `contentType` (with no `style`) sends the field as its JSON text.

OpenAPI allows `contentType: image/png, image/jpeg` and `image/*`; a part header needs one
concrete type. The client sends the part's own type where the list allows it (a file's type
guessed from its name, JSON for an object, text for a primitive), else the first concrete type
listed, else application/octet-stream for a file. The part headers are checked on the wire.
"""

from __future__ import annotations

import email.parser
import email.policy
import io
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.modeling.build import part_type
from tests.wire_support import FLAVOURS, package, send

_BINARY = {"type": "string", "format": "binary"}
_ENCODING = {
    "photo": "image/png, image/jpeg",
    "scan": "image/*",
    "anything": "*/*",
    "report": "image/*,application/pdf",
    "meta": "application/xml, application/json",
    "meta_range": "application/*",
    "label": "text/*",
    "label_charset": "text/plain; charset=utf-8, text/html",
}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Parts", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "parts"}],
    "paths": {"/upload": {"post": {
        "operationId": "upload", "tags": ["parts"],
        "requestBody": {"required": True, "content": {"multipart/form-data": {
            "schema": {"type": "object", "properties": {
                "photo": _BINARY, "scan": _BINARY, "anything": _BINARY, "report": _BINARY,
                "meta": {"type": "object"}, "meta_range": {"type": "object"},
                "label": {"type": "string"}, "label_charset": {"type": "string"},
                "codes": {"type": "array", "items": {"type": "string"}},
            }},
            "encoding": {
                **{name: {"contentType": value} for name, value in _ENCODING.items()},
                # `explode` alone means style serialization (style form), its contentType ignored (3.0.4, 3.1.1)
                "codes": {"explode": False, "contentType": "application/json"},
            },
        }}},
        "responses": {"204": {"description": "stored"}},
    }},
    # a form field with a JSON contentType and no style goes as its JSON text; a style overrides contentType
    "/search": {"post": {
        "operationId": "search", "tags": ["parts"],
        "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
            "schema": {"type": "object", "properties": {
                "filter": {"type": "object"}, "tags": {"type": "array", "items": {"type": "string"}}, "q": {"type": "string"},
                "ids": {"type": "array", "items": {"type": "string"}},
            }},
            "encoding": {
                "filter": {"contentType": "application/json"}, "tags": {"contentType": "application/json", "style": "form"},
                # `explode` alone also means style serialization (style form, its default), contentType ignored
                "ids": {"contentType": "application/json", "explode": False},
            },
        }}},
        "responses": {"204": {"description": "found"}},
    }}},
}
DATA = b"\x89\x00\xff data"


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("parts"), "parts") as module:
        yield module


def _part_headers(request: httpx.Request) -> list[tuple[str | None, str | None, str | None]]:
    """(name, filename, Content-Type) of every part, parsed back from the bytes sent."""
    ctype = request.headers["Content-Type"]
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + request.content)
    return [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get("Content-Type")) for p in message.iter_parts()]


def _sent(module: ModuleType, flavour: str, **fields: Any) -> list[tuple[str | None, str | None, str | None]]:
    request, _ = send(module, flavour, lambda c: c.parts.upload(**fields), httpx.Response(204))
    return _part_headers(request)


def test_the_ir_keeps_lists_and_ranges() -> None:
    assert part_type("image/png,image/jpeg") == "image/png, image/jpeg"
    assert part_type(" image/* ") == "image/*"
    assert part_type("text/plain; charset=utf-8, text/html") == "text/plain; charset=utf-8, text/html"
    assert part_type("png") == ""  # not a media type: the default by value (lint reports it)
    assert part_type("image/png,") == ""
    assert part_type("text/plain\r\nX-Evil: 1") == ""


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (("holiday.jpg", DATA), ("holiday.jpg", "image/jpeg")),  # listed, and what the file is
        (("holiday.JPEG", DATA), ("holiday.JPEG", "image/jpeg")),
        (("holiday.gif", DATA), ("holiday.gif", "image/png")),  # not listed: the first listed
        (DATA, ("photo", "image/png")),  # no name to guess from
        (("holiday.bin", DATA, "image/webp"), ("holiday.bin", "image/webp")),  # the caller's own type wins
    ],
)
def test_a_list_sends_one_listed_type(parts: ModuleType, flavour: str, value: Any, expected: tuple[str, str]) -> None:
    assert _sent(parts, flavour, photo=value) == [("photo", *expected)]


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("scan", ("page.png", DATA), ("page.png", "image/png")),
        ("scan", ("page.pdf", DATA), ("page.pdf", "application/octet-stream")),  # outside the range: the default
        ("scan", DATA, ("scan", "application/octet-stream")),
        ("anything", ("notes.pdf", DATA), ("notes.pdf", "application/pdf")),
        ("anything", ("notes.unknown-ext", DATA), ("notes.unknown-ext", "application/octet-stream")),
        ("report", ("chart.png", DATA), ("chart.png", "image/png")),  # in the range
        ("report", ("summary.pdf", DATA), ("summary.pdf", "application/pdf")),  # listed
        ("report", DATA, ("report", "application/pdf")),  # the first concrete one
    ],
)
def test_a_range_sends_the_file_type_it_holds(parts: ModuleType, flavour: str, field: str, value: Any, expected: tuple[str, str]) -> None:
    assert _sent(parts, flavour, **{field: value}) == [(field, *expected)]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_paths_and_file_objects_are_guessed_by_their_name(parts: ModuleType, flavour: str, tmp_path: Path) -> None:
    scan = tmp_path / "page.jpg"
    scan.write_bytes(DATA)
    handle = io.BytesIO(DATA)
    handle.name = "/somewhere/chart.png"
    assert _sent(parts, flavour, scan=scan, report=handle) == [
        ("scan", "page.jpg", "image/jpeg"),
        ("report", "chart.png", "image/png"),
    ]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_values_send_their_own_type_when_listed(parts: ModuleType, flavour: str) -> None:
    """An object goes as JSON, labelled JSON where the list or range allows it; a primitive as text."""
    request, _ = send(parts, flavour, lambda c: c.parts.upload(
        meta={"a": 1}, meta_range={"b": 2}, label="x", label_charset="y"), httpx.Response(204))
    assert _part_headers(request) == [
        ("meta", None, "application/json"),
        ("meta_range", None, "application/json"),
        ("label", None, "text/plain"),
        ("label_charset", None, 'text/plain; charset="utf-8"'),  # as the email parser reads it; the bytes below
    ]
    assert b'\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n' in request.content
    assert b"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ny\r\n" in request.content


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_multipart_field_with_explode_alone_is_one_form_styled_part(parts: ModuleType, flavour: str) -> None:
    request, _ = send(parts, flavour, lambda c: c.parts.upload(codes=["1", "2"]), httpx.Response(204))
    assert _part_headers(request) == [("codes", None, None)]
    assert b'name="codes"\r\n\r\n1,2\r\n' in request.content


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_form_field_with_a_json_content_type_is_json_text(parts: ModuleType, flavour: str) -> None:
    request, _ = send(parts, flavour, lambda c: c.parts.search(filter={"a": [1, "b c"]}, tags=["x", "y"], q="z", ids=["1", "2"]), httpx.Response(204))
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == b"filter=%7B%22a%22%3A%5B1%2C%22b%20c%22%5D%7D&tags=x&tags=y&q=z&ids=1,2"
