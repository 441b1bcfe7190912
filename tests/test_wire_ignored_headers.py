"""Header parameters named Accept, Content-Type or Authorization are ignored, as OpenAPI says (issue 18)."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.wire_support import FLAVOURS, package, send

_HEADERS = [
    {"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
    for name in ("Content-Type", "accept", "Authorization", "X-Trace")
]
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Notes", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "notes"}],
    "paths": {"/notes": {"post": {
        "operationId": "create_note", "tags": ["notes"], "parameters": _HEADERS,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "properties": {"text": {"type": "string"}}}}}},
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }},
    "/places": {"get": {
        "operationId": "list_places", "tags": ["notes"],
        "parameters": [{"name": "Accept", "in": "header", "schema": {"type": "string", "enum": ["application/geo+json", "text/csv"]}}],
        "responses": {"200": {"description": "OK", "content": {
            "application/geo+json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}}}}},
    }}},
}


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("notes"), "notes") as module:
        yield module


def test_the_method_takes_no_ignored_header(notes: ModuleType) -> None:
    arguments = set(inspect.signature(notes.Client().notes.create_note).parameters)
    assert {"x_trace", "text"} <= arguments
    assert not arguments & {"content_type", "accept", "authorization"}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_body_and_the_client_say_those_headers(notes: ModuleType, flavour: str) -> None:
    request, _ = send(notes, flavour, lambda c: c.notes.create_note(x_trace="t-1", text="hi"))
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Accept"] == "application/json"
    assert "authorization" not in request.headers
    assert request.headers["X-Trace"] == "t-1"
    assert json.loads(request.content) == {"text": "hi"}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_accept_lists_the_documented_answer_types(notes: ModuleType, flavour: str) -> None:
    """The server may choose by Accept (a 406 otherwise): the client accepts what the spec documents."""
    request, _ = send(notes, flavour, lambda c: c.notes.list_places())
    assert request.headers["Accept"] == "application/geo+json"  # the type it has the schema for, and no other
