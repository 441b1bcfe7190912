"""Shapes found in public specs nobody here wrote (APIs.guru, ReadMe's examples) that once broke a package.

Each spec below is the smallest that showed the problem; the package is generated, imported
and used, so a regression fails where a user would notice it.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest

from generator.cli import main


@pytest.fixture()
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Any]:
    """Generate `spec` (written by the test into tmp_path/u.json) and import the package."""
    holder: list[Path] = []

    def make(spec: dict[str, Any]) -> Any:
        path = tmp_path / "u.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err
        holder.append(tmp_path / "out" / "u" / "src")
        sys.path.insert(0, str(holder[-1]))
        return importlib.import_module("trunkline_u")

    yield make
    for src in holder:
        sys.path.remove(str(src))
    for name in [m for m in sys.modules if m == "trunkline_u" or m.startswith("trunkline_u.")]:
        del sys.modules[name]


def _spec(schemas: dict[str, Any], paths: dict[str, Any] | None = None) -> dict[str, Any]:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}
    return {
        "openapi": "3.0.3", "info": {"title": "U", "version": "1"},
        "paths": paths or {"/a": {"get": {"operationId": "get_a", "responses": ok}}},
        "components": {"schemas": schemas},
    }


def test_patterns_pydantic_cannot_compile_are_left_to_the_server(package: Any) -> None:
    # AWS specs write `[\s-_]`; password rules use look-ahead. pydantic's Rust regex engine
    # refuses both, and a model holding one could not be imported at all.
    u = package(_spec({"A": {"type": "object", "properties": {
        "name": {"type": "string", "pattern": "^[a-zA-Z0-9\\s-_()\\[\\]]+$"},
        "password": {"type": "string", "pattern": "^(?=.*[A-Z]).{8,}$"},
        "code": {"type": "string", "pattern": "^[0-9]{3}$"},
        "letters": {"type": "string", "pattern": "^\\p{L}+$"},
        "map": {"type": "object", "patternProperties": {"^(?!x)": {"type": "integer"}, "^x-": {"type": "string"}}},
    }}}))
    a = u.models.A.model_validate({"name": "a-b c", "password": "short", "code": "123", "letters": "äb", "map": {"x-a": "s", "b": 1}})
    assert a.model_dump(exclude_none=True) == {"name": "a-b c", "password": "short", "code": "123", "letters": "äb", "map": {"x-a": "s", "b": 1}}
    for field, bad in (("code", "12"), ("letters", "a1")):  # patterns the engine takes still hold
        with pytest.raises(pydantic.ValidationError, match="should match pattern"):
            u.models.A.model_validate({field: bad})


def test_pattern_properties_pass_the_models_check(package: Any) -> None:
    # datamodel-code-generator writes them as `dict[Annotated[str, StringConstraints(...)], ...]`
    u = package(_spec({"A": {"type": "object", "properties": {
        "labels": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
    }}}))
    assert u.models.A.model_validate({"labels": {"x-a": "s"}}).labels == {"x-a": "s"}


def test_opaque_operation_ids_give_public_methods_named_by_path(package: Any) -> None:
    # WMATA's operationIds are hex ids such as 547636a6f918230da8553640.
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}
    u = package(_spec({"A": {"type": "object", "properties": {"x": {"type": "string"}}}}, {
        "/GetPrediction/{StationCodes}": {"get": {"operationId": "547636a6f918230da8553640", "responses": ok, "parameters": [
            {"name": "StationCodes", "in": "path", "required": True, "schema": {"type": "string"}}]}},
        "/users/2fa": {"post": {"operationId": "2fa_enable", "tags": ["users"], "responses": ok}},
    }))
    resources = {name: importlib.import_module(f"{u.__name__}.resources.{name}") for name in ("get_prediction", "users")}
    assert callable(resources["get_prediction"].GetPredictionResource.get_station_codes)
    assert callable(resources["users"].UsersResource.post_2fa_enable)


def test_a_field_named_like_a_builtin_type_keeps_its_name(package: Any, tmp_path: Path) -> None:
    # Jira's JsonNode has a boolean property `int`; datamodel-code-generator then imports
    # `int as int_aliased` from builtins for the whole source.
    u = package(_spec({
        "A": {"type": "object", "properties": {"int": {"type": "boolean"}, "count": {"type": "integer"}}},
        "B": {"type": "object", "properties": {"size": {"type": "integer"}}},
    }))
    assert u.models.A.model_validate({"int": True, "count": 3}).model_dump() == {"int": True, "count": 3}
    assert u.models.B.model_validate({"size": 2}).size == 2
    models = tmp_path / "out" / "u" / "src" / "trunkline_u" / "models"
    assert "from builtins import int as int_aliased\n" in (models / "_a.py").read_text()
    b = (models / "_b.py").read_text()
    assert "int_aliased" not in b and "    size: int | None = None\n" in b


def test_a_spec_with_only_webhooks_says_why_it_has_nothing_to_generate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Adyen's notification specs (3.1) describe webhooks only; issue 9 makes an empty `paths` exit 2.
    spec = tmp_path / "hooks.json"
    hook = {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": {"200": {"description": "ok"}}}}
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "H", "version": "1"}, "webhooks": {"paid": hook}}))
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{spec}:1:1 #: empty `paths`" in err and "`webhooks` are calls a server receives" in err
    assert not (tmp_path / "out").exists()


def test_a_schema_as_the_value_of_type_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Codat's accounting spec: `itemType: {type: {type: string, enum: [...]}}`.
    spec = tmp_path / "u.json"
    spec.write_text(json.dumps(_spec({"A": {"type": "object", "properties": {"kind": {"type": {"type": "string"}}}}}), indent=1))
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"trunkline: error: {spec}:") and " /components/schemas/A/properties/kind/type: `type` must name a type" in err
    assert not (tmp_path / "out").exists()
