"""Types in the IR are trees: built by `schemas.type_of` and `build`, checked when built, spelled by `type_source`."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any, Literal

import pytest

from generator.errors import TrunklineError
from generator.formatting.layout import layout_files
from generator.modeling import ir
from generator.modeling.build import build
from generator.modeling.schemas import type_of
from generator.reading.load import load
from generator.rendering.readme import Imports, Typed, arguments
from generator.rendering.render import render
from generator.rendering.type_source import source

STR, INT, FLOAT, BOOL = ir.Primitive("str"), ir.Primitive("int"), ir.Primitive("float"), ir.Primitive("bool")
PET = ir.ModelRef("Pet")


@pytest.mark.parametrize(
    ("tp", "text"),
    [
        (ir.union([PET, ir.NONE]), "models.Pet | None"),
        (ir.union([ir.NONE, PET, STR]), "models.Pet | str | None"),  # None goes last
        (ir.ListOf(ir.MapOf(ir.ListOf(ir.union([INT, ir.NONE])))), "list[dict[str, list[int | None]]]"),
        (ir.MapOf(ir.ANY), "dict[str, Any]"),
        (ir.union([ir.ListOf(ir.union([PET, STR])), ir.ListOf(ir.union([PET, INT]))]), "list[models.Pet | str] | list[models.Pet | int]"),
        (ir.Primitive("str", "date"), "datetime.date"),
        (ir.Primitive("str", "date-time"), "datetime.datetime"),
        (ir.Primitive("bytes"), "bytes"),
        (ir.ListOf(ir.FileType("FileInput")), "list[FileInput]"),
        (ir.FileType("FileContent"), "FileContent"),
        (ir.LiteralOf(("a", 1, True, None)), 'Literal["a", 1, True, None]'),
        (ir.LiteralOf(("it's", 'say "hi"', "back\\slash", "a|b]", "\n")), "Literal[\"it's\", 'say \"hi\"', \"back\\\\slash\", \"a|b]\", \"\\n\"]"),
    ],
)
def test_source_spells_the_tree(tp: ir.Type, text: str) -> None:
    assert source(tp) == text


def test_literal_values_read_back_exactly() -> None:
    values: tuple[str | int | bool | None, ...] = ("'", '"', "\\", "\\'", "'''", "\u2028", "x]) | os.system('y", 0, False, None)
    text = source(ir.LiteralOf(values))
    tree = ast.parse(text, mode="eval").body
    assert isinstance(tree, ast.Subscript) and isinstance(tree.slice, ast.Tuple)
    assert tuple(ast.literal_eval(e) for e in tree.slice.elts) == values
    assert eval(text, {"Literal": Literal}) == Literal[values]
    assert text.isprintable()


def test_shadowed_builtins_are_qualified_and_literals_and_models_are_not() -> None:
    tp = ir.union([ir.ListOf(ir.MapOf(INT)), ir.LiteralOf(("list", "dict[str, int]")), ir.ModelRef("List"), BOOL, ir.NONE])
    assert source(tp, frozenset({"list", "dict", "str", "get"})) == (
        'builtins.list[builtins.dict[builtins.str, int]] | Literal["list", "dict[str, int]"] | models.List | bool | None'
    )
    assert source(tp, frozenset({"bool", "models", "Literal"})) == (
        'list[dict[str, int]] | Literal["list", "dict[str, int]"] | models.List | builtins.bool | None'
    )


def test_model_prefix_qualifies_model_references_only() -> None:
    assert source(ir.ListOf(ir.union([PET, STR])), model_prefix="_pets.") == "list[_pets.Pet | str]"


def test_union_flattens_dedupes_and_orders() -> None:
    assert ir.union([PET]) == PET
    assert ir.union([ir.union([PET, ir.NONE]), ir.union([STR, PET])]) == ir.UnionOf((PET, STR, ir.NONE))
    assert ir.union([PET, ir.ANY, ir.NONE]) == ir.ANY
    assert ir.union([ir.ANY, ir.NONE], any_absorbs=False) == ir.UnionOf((ir.ANY, ir.NONE))
    assert ir.union([ir.ListOf(PET), ir.ListOf(PET)]) == ir.ListOf(PET)
    assert ir.members(ir.union([INT, STR])) == (INT, STR)
    assert ir.members(INT) == (INT,)


def test_literal_of_one_is_not_literal_of_true() -> None:
    assert ir.LiteralOf((1,)) != ir.LiteralOf((True,))
    assert source(ir.union([ir.LiteralOf((1,)), ir.LiteralOf((True,))])) == "Literal[1] | Literal[True]"
    assert ir.LiteralOf(("a",)) == ir.LiteralOf(("a",)) and hash(ir.LiteralOf(("a",))) == hash(ir.LiteralOf(("a",)))


@pytest.mark.parametrize(
    "make",
    [
        lambda: ir.ModelRef("__import__('os')"),
        lambda: ir.ModelRef("X.__class__"),
        lambda: ir.ModelRef("class"),
        lambda: ir.ModelRef("Pet()"),
        lambda: ir.ModelRef("Café"),
        lambda: ir.Primitive("object"),
        lambda: ir.Primitive("os.system"),
        lambda: ir.Primitive("int", "date"),
        lambda: ir.Primitive("str", "uuid"),
        lambda: ir.FileType("Path"),
        lambda: ir.LiteralOf(()),
        lambda: ir.LiteralOf((1.5,)),  # type: ignore[arg-type]
        lambda: ir.LiteralOf(([1],)),  # type: ignore[arg-type]
        lambda: ir.UnionOf((PET,)),
        lambda: ir.UnionOf((PET, ir.UnionOf((STR, INT)))),
    ],
)
def test_nodes_refuse_what_no_type_holds(make: Any) -> None:
    with pytest.raises(TrunklineError, match="Trunkline bug"):
        make()


DEFS: dict[str, dict[str, Any]] = {
    "Pet": {"type": "object", "properties": {"name": {"type": "string"}}},
    "Kind": {"type": "string", "enum": ["cat", "dog"]},
    "Alias": {"type": "array", "items": {"$ref": "#/$defs/Pet"}},
}


@pytest.mark.parametrize(
    ("schema", "for_input", "text"),
    [
        ({}, False, "Any"),
        ({"$ref": "#/$defs/Pet"}, False, "models.Pet"),
        ({"$ref": "#/$defs/Alias"}, False, "list[models.Pet]"),  # no class of its own: its type inline
        ({"$ref": "#/$defs/Kind"}, True, 'models.Kind | Literal["cat", "dog"]'),
        ({"$ref": "#/$defs/Kind"}, False, "models.Kind"),
        ({"anyOf": [{"type": "null"}, {"$ref": "#/$defs/Pet"}, {"$ref": "#/$defs/Pet"}]}, False, "models.Pet | None"),
        ({"anyOf": [{"type": "string"}, {}]}, False, "Any"),
        ({"type": ["integer", "string"]}, False, "int | str"),
        ({"enum": [1, 2.5, "x"]}, False, 'Literal[1, "x"] | float'),
        ({"enum": [2.5]}, False, "float"),
        ({"enum": [{"a": 1}]}, False, "Any"),
        ({"const": "it's \"q\""}, False, "Literal['it\\'s \"q\"']"),
        ({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string", "format": "date"}}}, False,
         "dict[str, list[datetime.date]]"),
        ({"type": "string", "format": "binary"}, False, "bytes"),
        ({"type": "array"}, False, "list[Any]"),
    ],
)
def test_type_of_normalized_schemas(schema: dict[str, Any], for_input: bool, text: str) -> None:
    assert source(type_of(DEFS, schema, for_input)) == text


def _spec(tmp_path: Path) -> Path:
    """An API whose `pets` namespace has methods named `list` and `bytes`, shadowing those builtins."""
    pets = {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/pets": {
                "get": {"operationId": "list", "tags": ["pets"], "parameters": [
                    {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                ], "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": pets}}}}},
                "post": {"operationId": "bytes", "tags": ["pets"], "requestBody": {"content": {"application/octet-stream": {
                    "schema": {"type": "string", "format": "binary"}}}},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                        "type": "object", "additionalProperties": {"type": "integer"}}}}},
                        "201": {"description": "raw", "content": {"application/pdf": {}}}, "204": {"description": "none"}}},
            },
        },
        "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}},
    }
    path = tmp_path / "pets.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def test_build_gives_trees_and_the_namespace_spells_them(tmp_path: Path) -> None:
    package = build(load(_spec(tmp_path)), "pets")
    ops = {op.method_name: op for op in package.operations}
    assert ops["list"].params[0].type == ir.ListOf(STR)
    assert ops["list"].return_type == ir.ListOf(PET)
    assert ops["bytes"].body is not None and ops["bytes"].body.type == ir.FileType("FileContent")
    assert ops["bytes"].return_type == ir.union([ir.MapOf(INT), ir.Primitive("bytes"), ir.NONE])
    text = layout_files(render(package))["src/trunkline_pets/resources/pets.py"]
    assert "tags: builtins.list[str] | NotGiven = NOT_GIVEN," in text
    assert ") -> builtins.list[models.Pet]:" in text
    assert "        body: FileContent | NotGiven = NOT_GIVEN,\n" in text
    assert ") -> dict[str, int] | builtins.bytes | None:" in text  # `str` and `dict` are never method names
    # module level, outside the class: nothing is shadowed, and the runtime evaluates the same text
    assert '"200": ResponseSpec("json", lambda: list[models.Pet]),' in text
    assert '"200": ResponseSpec("json", lambda: dict[str, int]),' in text


def test_unions_inside_lists_of_two_answers_stay_apart_and_literal_commas_are_values(tmp_path: Path) -> None:
    """Two answers `list[str | int]` and `list[str | bool]`: splitting text on ` | ` once gave `list[str | int] | bool]`."""
    def answer(other: str) -> dict[str, Any]:
        items = {"anyOf": [{"type": "string"}, {"type": other}]}
        return {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": items}}}}

    mode = {"name": "mode", "in": "query", "required": True, "schema": {"type": "string", "enum": ["a, b", "c"]}}
    spec = {"openapi": "3.0.3", "info": {"title": "Two", "version": "1"}, "paths": {"/a": {"get": {
        "operationId": "getA", "parameters": [mode], "responses": {"200": answer("integer"), "201": answer("boolean")}}}}}
    path = tmp_path / "two.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    package = build(load(path), "two")
    op = package.operations[0]
    assert source(op.return_type) == "list[str | int] | list[str | bool]"
    assert op.params[0].type == ir.LiteralOf(("a, b", "c"))
    assert arguments(op, Typed(package, Imports())) == 'mode="a, b"'  # the value, not a piece of it
    assert ") -> list[str | int] | list[str | bool]:" in layout_files(render(package))["src/trunkline_two/resources/a.py"]
