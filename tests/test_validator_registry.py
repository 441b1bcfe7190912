"""The meta-schema validator over a registry crawled up front gives exactly the errors of
openapi-spec-validator's own one (`reading.validate._crawled`): crawling changes cost, not checks."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.reading import validate

BROKEN_31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"version": 1},
    "paths": {
        "/pets/{id}": {
            "get": {
                "parameters": [{"name": "id", "in": "body", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
            }
        }
    },
    "components": {"schemas": {"Pet": {"type": "object", "properties": {"id": {"type": 5}}, "required": "id"}}},
}
BROKEN_30: dict[str, Any] = {**BROKEN_31, "openapi": "3.0.3"}


def _errors(validator: Any, data: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((error.json_path, error.message) for error in validator.iter_errors(data))


@pytest.mark.parametrize(("version", "base", "data"), [("3.1", OpenAPIV31SpecValidator, BROKEN_31), ("3.0", OpenAPIV30SpecValidator, BROKEN_30)])
def test_crawled_meta_schema_validator_reports_what_the_original_does(version: str, base: Any, data: dict[str, Any]) -> None:
    ours = validate._validator(version).schema_validator
    theirs = base.schema_validator
    assert ours is not theirs
    found = _errors(ours, data)
    assert found == _errors(theirs, data)
    assert ("$.info", "'title' is a required property") in found
