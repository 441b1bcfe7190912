"""Turn a spec's schemas into one JSON Schema of named definitions for the models stage.

Every object, enum and composed schema gets a stable class name (components keep theirs,
inline ones are named after where they sit), OpenAPI 3.0 quirks become 3.1, and `null`
enum members become nullable types. `type_of` then types any schema for the client.
"""

from __future__ import annotations

import functools
from typing import Any

from generator.errors import TrunklineError
from generator.modeling import ir, naming
from generator.modeling.naming import Namer, class_name
from generator.reading.load import Document, escape_token, pointer

DEFS = "#/$defs/"
_COMPONENT = "#/components/schemas/"
_COMPOSED = ("allOf", "anyOf", "oneOf")
# The only keywords that reach datamodel-code-generator: what the models stage understands. An
# allow-list, because the model generator reads keywords of its own that name Python code
# (`customTypePath: pydantic.ImportString`, `customBasePath: pathlib.Path`); `$ref` is written by
# `_ref` alone, and `x-enum-varnames` is replaced by names from `naming`.
PASSED_KEYWORDS = frozenset({
    "type", "properties", "required", "additionalProperties", "patternProperties", "items", "prefixItems",
    *_COMPOSED, "not", "enum", "const", "default", "description", "format", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "x-enum-varnames",
})
# Every keyword of a JSON Schema (2020-12 and the drafts OpenAPI 3.0 uses) or OpenAPI Schema
# Object: the models stage ignores those it does not pass on; lint reports any other key.
SCHEMA_KEYWORDS = PASSED_KEYWORDS | {
    "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
    "$vocabulary", "$comment", "$defs", "definitions", "dependencies", "contains", "minContains", "maxContains",
    "dependentSchemas", "dependentRequired", "propertyNames", "if", "then", "else", "unevaluatedItems",
    "unevaluatedProperties", "additionalItems", "contentEncoding", "contentMediaType", "contentSchema", "title",
    "deprecated", "readOnly", "writeOnly", "examples", "example", "nullable", "discriminator", "xml", "externalDocs",
}
_DATA = ("default", "const")  # keywords whose value is data, where null means null
# Formats whose Python type reads and writes the wire text unchanged; others stay `str`.
_KEPT_FORMATS = {"date", "date-time", "binary", "int32", "int64", "float", "double"}
# A big spec names the same properties tens of thousands of times (GitHub: 53,000 hints from
# 7,000 schemas); `pascal` is pure, so each name is worked out once.
pascal = functools.lru_cache(maxsize=65536)(naming.pascal)


class SchemaSet:
    """The named definitions of one spec and the pointer-to-name map that built them."""

    def __init__(self, document: Document, version: str) -> None:
        self.document = document
        self.version = version
        self.defs: dict[str, dict[str, Any]] = {}
        self._names = Namer(separator="")  # `Event`, `Event2`: class names as datamodel-code-generator keeps them
        self._by_ptr: dict[str, str] = {}
        # Classes whose schema also allows null: the class is the non-null part, named as the
        # spec names it (`CalleeType`), and each use of it reads `CalleeType | None`.
        self._nullable: set[str] = set()
        components = (document.data.get("components") or {}).get("schemas") or {}
        for key in components:
            ptr = pointer("components", "schemas", key)
            self._by_ptr[ptr] = self._names.unique(class_name(str(key)), key=ptr)  # `Event` and `event` stay apart
        for key in components:
            self.define(pointer("components", "schemas", key))

    def component_models(self) -> dict[str, str]:
        """Each `components/schemas` key and the class name it was given."""
        keys = (self.document.data.get("components") or {}).get("schemas") or {}
        return {str(key): self._by_ptr[pointer("components", "schemas", key)] for key in keys}

    # -- definitions -------------------------------------------------------------------
    def define(self, ptr: str, hint: str | None = None) -> str:
        """The class name for the schema at `ptr`, normalizing it on first use."""
        name = self._by_ptr.get(ptr)
        if name is None:
            name = self._names.unique(class_name(hint or ptr.rsplit("/", 1)[-1]), key=ptr)
            self._by_ptr[ptr] = name
        if name not in self.defs:
            self.defs[name] = {}
            node = self._at(ptr)
            schema = self._normalize(node, ptr, name, top=True)
            inner = _class_of_nullable(schema)
            if inner is not None:
                self._nullable.add(name)
                schema = inner
            self.defs[name] = schema
        return name

    def inline(self, node: Any, ptr: str, hint: str, hoist_top: bool = True) -> dict[str, Any]:
        """Normalize a schema found in an operation; objects and enums in it get named.

        With `hoist_top` false the schema itself stays inline (a parameter's enum stays a
        `Literal`), while objects nested in it still get classes.
        """
        return self._normalize(node, ptr, hint, top=not hoist_top)

    def _at(self, ptr: str) -> Any:
        try:
            return self.document.resolve("#" + ptr)
        except (KeyError, IndexError, ValueError, TypeError):
            raise TrunklineError("unresolved `$ref`; point it at an existing schema", self.document.locate(ptr)) from None

    def _ref(self, ref: str, ptr: str) -> dict[str, Any]:
        if not ref.startswith("#"):
            raise TrunklineError(f"external `$ref` {ref!r} is not supported; bundle the spec into one file", self.document.locate(ptr))
        target = ref[1:]
        if not target.startswith("/components/schemas/") or target.count("/") != 3:
            node = self._at(target)
            if isinstance(node, dict) and not _needs_class(node):
                return self._normalize(node, target, pascal(target.rsplit("/", 1)[-1]), top=False)
        name = self.define(target)
        found = {"$ref": DEFS + name}
        return _nullable(found) if name in self._nullable else found

    def _normalize(self, node: Any, ptr: str, hint: str, top: bool) -> dict[str, Any]:
        if node is True or node is None:
            return {}
        if node is False:
            return {"not": {}}
        if not isinstance(node, dict):
            raise TrunklineError("a schema must be an object", self.document.locate(ptr))
        if isinstance(node.get("$ref"), str):
            ref = self._ref(node["$ref"], ptr + "/$ref")
            if isinstance(node.get("description"), str) and self.version == "3.1":
                ref = {**ref, "description": node["description"]}
            return _nullable(ref) if node.get("nullable") is True else ref
        nullable = node.get("nullable") is True
        schema = {key: value for key, value in node.items() if key in PASSED_KEYWORDS and key != "$ref"}
        for key in [k for k, v in schema.items() if (v is None and k not in _DATA) or (k == "description" and not isinstance(v, str))]:
            del schema[key]  # a keyword left empty is as if absent; a description that is no text says nothing
        kind = schema.get("type")  # preflight (generator.reading.shape) let through only type names or lists of them
        if isinstance(kind, list):
            if "null" in kind:
                nullable = True
                kind = [k for k in kind if k != "null"]
            schema["type"] = kind[0] if len(kind) == 1 else kind
            if not kind:
                del schema["type"]
        varnames = schema.get("x-enum-varnames")
        values: list[Any] = schema["enum"] if isinstance(schema.get("enum"), list) else []
        if varnames is not None and not (
            isinstance(varnames, list) and len(varnames) in (len(values), len([v for v in values if v is not None]))
        ):
            raise TrunklineError(
                "`x-enum-varnames` must list one name per `enum` value (null may be left out), in order",
                self.document.locate(ptr + "/x-enum-varnames"),
            )
        if "enum" in schema and None in schema["enum"]:
            nullable = True
            if isinstance(varnames, list) and len(varnames) == len(values):
                schema["x-enum-varnames"] = [n for n, v in zip(schema["x-enum-varnames"], schema["enum"]) if v is not None]
            schema["enum"] = [v for v in schema["enum"] if v is not None]
        if "enum" not in schema:
            schema.pop("x-enum-varnames", None)  # names nothing; and only enums have their names replaced
        if "pattern" in schema and not (isinstance(schema["pattern"], str) and _compiles(schema["pattern"])):
            del schema["pattern"]  # the models could not even be imported with it
        if isinstance(schema.get("patternProperties"), dict) and not all(map(_compiles, map(str, schema["patternProperties"]))):
            del schema["patternProperties"]  # dropping one would refuse the keys it allowed: drop all
        if self.version == "3.0":
            _exclusive_bounds(schema)
        if not isinstance(schema.get("format"), str) or schema["format"] not in _KEPT_FORMATS:
            schema.pop("format", None)
        if not top and _needs_class(schema):
            name = self._by_ptr.get(ptr) or self._names.unique(class_name(hint), key=ptr)  # one class per location
            self._by_ptr.setdefault(ptr, name)
            self.defs[name] = {}
            self.defs[name] = self._normalize_members(schema, ptr, name)
            out: dict[str, Any] = {"$ref": DEFS + name}
        else:
            out = self._normalize_members(schema, ptr, hint)
        return _nullable(out) if nullable else out

    def _normalize_members(self, schema: dict[str, Any], ptr: str, hint: str) -> dict[str, Any]:
        """`schema` with every schema nested in it normalized (and so cleared of unknown keywords)."""
        out = dict(schema)
        for key, suffix in (("properties", ""), ("patternProperties", "Value")):
            if key in schema:
                out[key] = {
                    name: self._normalize(value, f"{ptr}/{key}/{escape_token(str(name))}", hint + (suffix or pascal(str(name))), top=False)
                    for name, value in schema[key].items()
                }
        if "items" in schema:
            out["items"] = self._normalize(schema["items"], ptr + "/items", hint + "Item", top=False)
        if isinstance(schema.get("additionalProperties"), dict):
            out["additionalProperties"] = self._normalize(schema["additionalProperties"], ptr + "/additionalProperties", hint + "Value", top=False)
        for key, part in (("allOf", "Part"), ("anyOf", ""), ("oneOf", ""), ("prefixItems", "Item")):
            if key in schema:
                out[key] = [
                    self._normalize(member, f"{ptr}/{key}/{i}", f"{hint}{part}{i + 1}", top=False)
                    for i, member in enumerate(schema[key])
                ]
        if "not" in schema:
            out["not"] = self._normalize(schema["not"], ptr + "/not", hint + "Not", top=False)
        return out


@functools.cache
def _compiles(pattern: str) -> bool:
    """Whether pydantic's regex engine (Rust's regex crate) takes `pattern`. It has no
    look-around or back-references and rejects some ranges (`[\\s-_]`) that specs carry; a
    model with such a pattern fails at import, so the constraint is left to the server."""
    import pydantic_core  # only a spec with a `pattern` needs it
    from pydantic_core import core_schema

    try:
        pydantic_core.SchemaValidator(core_schema.str_schema(pattern=pattern))
    except pydantic_core.SchemaError:
        return False
    return True


def _needs_class(schema: dict[str, Any]) -> bool:
    """Objects with fields, enums and composed schemas become classes of their own."""
    if schema.get("properties") or "enum" in schema or any(k in schema for k in _COMPOSED):
        return "enum" in schema or bool(schema.get("properties")) or _composes_objects(schema)
    return False


def _composes_objects(schema: dict[str, Any]) -> bool:
    if "allOf" in schema:
        return True
    members = [m for k in ("anyOf", "oneOf") for m in schema.get(k) or []]
    return any(isinstance(m, dict) and ("$ref" in m or m.get("properties") or m.get("type") == "object") for m in members)


def _class_of_nullable(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The enum or object of an `anyOf: [it, null]` schema, if that is what `schema` is."""
    members = schema.get("anyOf") if set(schema) == {"anyOf"} else None
    if isinstance(members, list) and len(members) == 2 and members[1] == {"type": "null"}:
        inner = members[0]
        if isinstance(inner, dict) and ("enum" in inner or inner.get("properties")) and "$ref" not in inner:
            return inner
    return None


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if not schema or {"type": "null"} in (schema.get("anyOf") or []):
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


def _exclusive_bounds(schema: dict[str, Any]) -> None:
    for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(flag), bool):
            if schema[flag] and bound in schema:
                schema[flag] = schema.pop(bound)
            else:
                del schema[flag]


# -- Python types ------------------------------------------------------------------------
_STRING_TYPES = {"date": ir.Primitive("str", "date"), "date-time": ir.Primitive("str", "date-time"), "binary": ir.Primitive("bytes")}
_SCALARS: dict[str, ir.Type] = {"integer": ir.Primitive("int"), "number": ir.Primitive("float"), "boolean": ir.Primitive("bool"), "null": ir.NONE}


def type_of(defs: dict[str, dict[str, Any]], schema: dict[str, Any], for_input: bool = False, _seen: frozenset[str] = frozenset()) -> ir.Type:
    """The Python type of a normalized schema; for input an enum class also takes its values."""
    if not schema:
        return ir.ANY
    if "$ref" in schema:
        name = schema["$ref"][len(DEFS):]
        target = defs.get(name, {})
        if name in _seen or _is_class(target):
            if for_input and "enum" in target:
                return ir.union((ir.ModelRef(name), _literal(target["enum"])), any_absorbs=False)
            return ir.ModelRef(name)
        return type_of(defs, target, for_input, _seen | {name})
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return ir.union(type_of(defs, m, for_input, _seen) for m in schema[key])
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return type_of(defs, schema["allOf"][0], for_input, _seen)
    if "const" in schema:
        return _literal([schema["const"]])
    if "enum" in schema:
        return _literal(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return ir.union(type_of(defs, {**schema, "type": k}, for_input, _seen) for k in kind)
    if kind == "string":
        return _STRING_TYPES.get(schema.get("format", ""), ir.Primitive("str"))
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "array":
        items = schema.get("items")
        return ir.ListOf(type_of(defs, items, for_input, _seen) if isinstance(items, dict) else ir.ANY)
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        extra = schema.get("additionalProperties")
        return ir.MapOf(type_of(defs, extra, for_input, _seen) if isinstance(extra, dict) and extra else ir.ANY)
    return ir.ANY


def _is_class(schema: dict[str, Any]) -> bool:
    return bool(schema.get("properties")) or "enum" in schema or "allOf" in schema or (
        schema.get("type") == "object" and any(k in schema for k in _COMPOSED)
    )


def _literal(values: list[Any]) -> ir.Type:
    """`Literal[...]` of the values a Literal may hold; floats (never a Literal) widen to `float`."""
    shown = tuple(v for v in values if v is None or isinstance(v, (str, int, bool)))
    floats = [ir.Primitive("float")] if any(isinstance(v, float) for v in values) else []
    if not shown:
        return floats[0] if floats else ir.ANY
    return ir.union([ir.LiteralOf(shown), *floats], any_absorbs=False)
