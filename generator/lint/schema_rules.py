"""Rules about schemas: enums, arrays, nullability, type mismatches, required properties, enum names."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import everything, follow, index

_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind]
    return [str(k) for k in kind] if isinstance(kind, list) else []


def _matches(value: Any, kind: str) -> bool:
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return {
        "string": isinstance(value, str), "boolean": isinstance(value, bool), "null": value is None,
        "object": isinstance(value, dict), "array": isinstance(value, list),
    }.get(kind, True)


@rule("typed-enum", Severity.WARNING, "Enum values match the schema's `type`.", "spectral")
def typed_enum(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, _key, schema in everything(context):
        types = _types(schema)
        enum = schema.get("enum")
        if not types or not isinstance(enum, list):
            continue
        if context.version == "3.0" and schema.get("nullable") is True:
            types = [*types, "null"]
        for i, value in enumerate(enum):
            if not any(_matches(value, t) for t in types):
                yield f"{ptr}/enum/{i}", f"enum value {json.dumps(value)} is not of type {' or '.join(types)}; fix the value or the type"


@rule("duplicated-entry-in-enum", Severity.WARNING, "Enum values are unique.", "spectral")
def duplicated_entry_in_enum(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, key, schema in everything(context):
        enum = schema.get("enum")
        if key == "properties":
            continue
        if not isinstance(enum, list):
            continue
        seen: set[str] = set()
        for i, value in enumerate(enum):
            key = json.dumps([type(value).__name__ if isinstance(value, bool) else "", value], sort_keys=True)
            if key in seen:
                yield f"{ptr}/enum/{i}", f"enum value {json.dumps(value)} (item {i}) repeats an earlier one; remove the duplicate"
            seen.add(key)


@rule("array-items", Severity.ERROR, "Schemas of type `array` say what their items are.", "spectral")
def array_items(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in index(context).schemas:
        if "array" in _types(schema) and "items" not in schema and "prefixItems" not in schema:
            yield ptr, "add `items` to this array schema: the client needs the item type"


@rule("nullable-type-sibling", Severity.ERROR, "In OpenAPI 3.0, `nullable` comes with a `type`.", "redocly")
def nullable_type_sibling(context: Context) -> Iterator[tuple[str, str]]:
    if context.version != "3.0":
        return
    for ptr, schema in index(context).schemas:
        if "nullable" in schema and "type" not in schema:
            yield ptr + "/nullable", "add a `type` next to `nullable`: OpenAPI 3.0 ignores `nullable` without one"


@rule("no-schema-type-mismatch", Severity.ERROR, "Objects have no `items`; arrays have no `properties`.", "redocly")
def no_schema_type_mismatch(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in index(context).schemas:
        types = _types(schema)
        if types == ["object"] and "items" in schema:
            yield ptr + "/items", "remove `items` or change the type to `array`: an object has no items"
        if types == ["array"] and "properties" in schema:
            yield ptr + "/properties", "remove `properties` or change the type to `object`: an array has no properties"


def _properties(context: Context, schema: Any, ptr: str, depth: int = 0) -> set[str] | None:
    """Property names a schema declares itself or through `allOf`; None when it cannot tell."""
    schema, ptr = follow(context, schema, ptr)
    if not isinstance(schema, dict) or depth > 20:
        return None
    names: set[str] | None = set(schema["properties"]) if isinstance(schema.get("properties"), dict) else None
    for i, part in enumerate(schema.get("allOf") or [] if isinstance(schema.get("allOf"), list) else []):
        found = _properties(context, part, f"{ptr}/allOf/{i}", depth + 1)
        if found is not None:
            names = (names or set()) | found
    return names


@rule("no-required-schema-properties-undefined", Severity.WARNING, "Every `required` property is declared in `properties`.", "redocly")
def required_undefined(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in index(context).schemas:
        required = schema.get("required")
        if not isinstance(required, list) or any(k in schema for k in ("anyOf", "oneOf")):
            continue
        names = _properties(context, schema, ptr)
        if names is None:
            continue
        for i, name in enumerate(required):
            if isinstance(name, str) and name not in names:
                yield f"{ptr}/required/{i}", f"required property {name!r} is not declared in `properties`; declare it or drop it"


@rule("x-enum-varnames", Severity.WARNING, "Integer enums name their values with `x-enum-varnames` (UPPER_SNAKE_CASE).")
def enum_varnames(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in index(context).schemas:
        enum = schema.get("enum")
        if "integer" not in _types(schema) or not isinstance(enum, list):
            continue
        values = [v for v in enum if v is not None]
        names = schema.get("x-enum-varnames")
        if names is None:
            yield ptr + "/enum", "name each integer value with `x-enum-varnames` (UPPER_SNAKE_CASE, in `enum` order) for the generated enum"
            continue
        if not isinstance(names, list) or len(names) != len(values):
            yield ptr + "/x-enum-varnames", f"`x-enum-varnames` needs exactly one name per non-null enum value ({len(values)})"
            continue
        seen: set[str] = set()
        for i, name in enumerate(names):
            if not isinstance(name, str) or not _CONSTANT.match(name):
                yield f"{ptr}/x-enum-varnames/{i}", f"enum name {name!r} must be UPPER_SNAKE_CASE starting with a letter"
            elif name in seen:
                yield f"{ptr}/x-enum-varnames/{i}", f"enum name {name!r} is used twice; give each value its own name"
            seen.add(str(name))


