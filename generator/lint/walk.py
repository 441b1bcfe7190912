"""Lint's view of a spec: one pass that indexes refs, schemas, example holders and ignores, and the
shared walker (`generator.reading.spec`) in its tolerant form, for documents that preflight never checked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.lint.registry import Context
from generator.reading import spec
from generator.reading.load import escape_token
from generator.reading.spec import HTTP_METHODS
from generator.reading.spec import OperationRef as Op

__all__ = ["HTTP_METHODS", "Op"]  # the walker's own names, for the rules that import them from here

IGNORE_KEY = "x-lint-ignore"

# Keywords whose value is one schema, a list of schemas, or a map of schemas.
_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
# Keys whose value is data, never spec structure.
_DATA = frozenset({"example", "enum", "const", "value"})


@dataclass(frozen=True)
class Ref:
    """One `$ref`: where its object sits, the reference, the object's keys, and if it is in a schema."""

    ptr: str
    ref: str
    keys: tuple[str, ...]
    in_schema: bool


@dataclass
class Index:
    """Everything the walk found, in document order."""

    refs: list[Ref] = field(default_factory=list)
    schemas: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    holders: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # media types, parameters, headers
    examples: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # Example objects
    ignores: list[tuple[str, Any]] = field(default_factory=list)  # (owner pointer, x-lint-ignore value)


def index(context: Context) -> Index:
    """The document's index, built once per lint run."""
    found = context.cache.get("index")
    if not isinstance(found, Index):
        found = Index()
        _walk_spec(context.document.data, "", found, False)
        context.cache["index"] = found
    return found


def _walk_spec(node: Any, ptr: str, out: Index, examples_map: bool) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _walk_spec(item, f"{ptr}/{i}", out, False)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("$ref"), str):
        out.refs.append(Ref(ptr, node["$ref"], tuple(str(k) for k in node), False))
    if examples_map:
        out.examples.append((ptr, node))
    if IGNORE_KEY in node:
        out.ignores.append((ptr, node[IGNORE_KEY]))
    if "schema" in node and ("example" in node or "examples" in node):
        out.holders.append((ptr, node))
    for key, value in node.items():
        key = str(key)
        child = f"{ptr}/{escape_token(key)}"
        if key == IGNORE_KEY or key in _DATA:
            continue
        if key == "schema":
            _walk_schema(value, child, out)
        elif key == "schemas" and ptr == "/components" and isinstance(value, dict):
            for name, schema in value.items():
                _walk_schema(schema, f"{child}/{escape_token(str(name))}", out)
        elif key == "examples" and isinstance(value, dict):
            for name, example in value.items():
                _walk_spec(example, f"{child}/{escape_token(str(name))}", out, True)
        else:
            _walk_spec(value, child, out, False)


def _walk_schema(node: Any, ptr: str, out: Index) -> None:
    if not isinstance(node, dict):
        return
    out.schemas.append((ptr, node))
    if IGNORE_KEY in node:
        out.ignores.append((ptr, node[IGNORE_KEY]))
    if isinstance(node.get("$ref"), str):
        out.refs.append(Ref(ptr, node["$ref"], tuple(str(k) for k in node), True))
    for key in _ONE:
        if key in node:
            value = node[key]
            if isinstance(value, list):
                for i, item in enumerate(value):
                    _walk_schema(item, f"{ptr}/{key}/{i}", out)
            else:
                _walk_schema(value, f"{ptr}/{key}", out)
    for key in _MANY:
        if isinstance(node.get(key), list):
            for i, item in enumerate(node[key]):
                _walk_schema(item, f"{ptr}/{key}/{i}", out)
    for key in _MAP:
        if isinstance(node.get(key), dict):
            for name, item in node[key].items():
                _walk_schema(item, f"{ptr}/{key}/{escape_token(str(name))}", out)


def resolve(context: Context, ref: str) -> tuple[Any, str] | None:
    """The target of a local `$ref` and its pointer, or None when it does not resolve."""
    return spec.resolve(context.document, ref)


def follow(context: Context, node: Any, ptr: str) -> tuple[Any, str]:
    """Follow local `$ref`s; (None, ptr) when one cannot be followed."""
    return spec.follow(context.document, node, ptr)


def operations(context: Context) -> Iterator[Op]:
    """Every operation under `paths`, in document order; broken path items are skipped."""
    return spec.operations(context.document, strict=False)


def parameter_list(context: Context, owner: dict[str, Any], owner_ptr: str) -> list[tuple[dict[str, Any], str]]:
    """The (followed) parameter objects an operation or path item lists, with their pointers."""
    return spec.parameter_list(context.document, owner, owner_ptr, strict=False)


def op_parameters(context: Context, op: Op) -> list[tuple[dict[str, Any], str]]:
    """An operation's effective parameters (Accept, Content-Type and Authorization headers kept, for their checks)."""
    return spec.parameters(context.document, op, strict=False, keep_ignored=True)


def responses(context: Context, op: Op) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(status, followed response, pointer) of one operation."""
    return spec.responses(context.document, op, strict=False)


def everything(context: Context) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(pointer, key it sits under, mapping) for every mapping in the document, example values included."""
    stack: list[tuple[str, str, Any]] = [("", "", context.document.data)]
    while stack:
        ptr, key, node = stack.pop()
        if isinstance(node, dict):
            yield ptr, key, node
            stack.extend((f"{ptr}/{escape_token(str(k))}", str(k), v) for k, v in reversed(list(node.items())) if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((f"{ptr}/{i}", key, v) for i, v in reversed(list(enumerate(node))) if isinstance(v, (dict, list)))


def spot(context: Context, ptr: str, needle: str, in_key: bool = False) -> tuple[int, int] | None:
    """Line and column of `needle` where `ptr` is written: a `{name}` inside a path key (`in_key`) or a URL value.

    A key is searched before the located value when that value follows it on the line (`'/a/{id}': {get: ...}`),
    else from the key on; a value from its start on. None when the text is not there (an escaped key, another file).
    """
    loc = context.locate(ptr)
    if loc.file != context.document.display or loc.line < 1:
        return None
    lines = context.cache.get("lines")
    if lines is None:
        lines = context.cache["lines"] = context.document.text.splitlines()
    if loc.line > len(lines):
        return None
    text = lines[loc.line - 1]
    start = max(loc.col - 1, 0)
    value_follows_key = text[:start].rstrip().endswith(":")
    at = text.rfind(needle, 0, start) if in_key and value_follows_key else text.find(needle, start)
    return (loc.line, at + 1) if at >= 0 else None
