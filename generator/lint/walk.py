"""One pass over a spec that indexes what the rules look at: refs, schemas, example holders, ignores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.lint.registry import Context
from generator.load import escape_token, pointer

IGNORE_KEY = "x-lint-ignore"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

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
    if not ref.startswith("#"):
        return None
    for candidate in (ref, unquote(ref)):
        try:
            return context.document.resolve(candidate), candidate[1:]
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return None


def follow(context: Context, node: Any, ptr: str) -> tuple[Any, str]:
    """Follow local `$ref`s; (None, ptr) when one cannot be followed."""
    for _ in range(64):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node, ptr
        target = resolve(context, node["$ref"])
        if target is None:
            return None, ptr
        node, ptr = target
    return None, ptr


@dataclass(frozen=True)
class Op:
    """One operation under `paths`: its path, method, node, path item and pointers."""

    path: str
    method: str
    node: dict[str, Any]
    item: dict[str, Any]
    item_ptr: str
    ptr: str


def operations(context: Context) -> Iterator[Op]:
    """Every operation under `paths`, in document order; broken path items are skipped."""
    paths = context.document.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, raw in paths.items():
        item, item_ptr = follow(context, raw, pointer("paths", path))
        if not isinstance(item, dict):
            continue
        for method, node in item.items():
            if method in HTTP_METHODS and isinstance(node, dict):
                yield Op(str(path), method, node, item, item_ptr, item_ptr + pointer(method))


def parameter_list(context: Context, owner: dict[str, Any], owner_ptr: str) -> list[tuple[dict[str, Any], str]]:
    """The (followed) parameter objects an operation or path item lists, with their pointers."""
    raw = owner.get("parameters")
    if not isinstance(raw, list):
        return []
    found = []
    for i, item in enumerate(raw):
        param, ptr = follow(context, item, f"{owner_ptr}/parameters/{i}")
        if isinstance(param, dict):
            found.append((param, ptr))
    return found


def op_parameters(context: Context, op: Op) -> list[tuple[dict[str, Any], str]]:
    """An operation's effective parameters: path-level ones unless the operation overrides them."""
    merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((op.item, op.item_ptr), (op.node, op.ptr)):
        for param, ptr in parameter_list(context, owner, owner_ptr):
            merged[(str(param.get("name")), str(param.get("in")))] = (param, ptr)
    return list(merged.values())


def responses(context: Context, op: Op) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(status, followed response, pointer) of one operation."""
    raw = op.node.get("responses")
    if not isinstance(raw, dict):
        return
    for status, item in raw.items():
        response, ptr = follow(context, item, op.ptr + pointer("responses", status))
        if isinstance(response, dict):
            yield str(status), response, ptr


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
