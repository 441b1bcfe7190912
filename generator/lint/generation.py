"""Rules for generating clients: Python names that collide (as build names them), and well-formed `x-pagination`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import follow, index, op_parameters, operations, responses
from generator.modeling.client_names import Renamed, client_names
from generator.modeling.naming import attribute, class_name
from generator.reading.load import pointer


def _clash(kind: str, first: str, second: str, name: str) -> str:
    return f"{kind} {second!r} and {first!r} both become the Python name {name!r}; rename one so the client stays readable"


# What each kind of name is called in a message, and what the spec author changes to fix it.
_RENAMED = {
    "namespace": ("tag", "the client attribute", "rename the tag"),
    "method": ("operationId", "the method", "set a distinct operationId"),
    "argument": ("parameter", "the argument", "if the API really takes both, say so with `x-lint-ignore`"),
    "credential": ("credential", "the `Client` argument", "set a distinct `x-credential` on the scheme"),
    "server variable": ("server variable", "the `Client` argument", "rename the server variable"),
}


def _renamed(item: Renamed) -> str:
    """Why a name build gives is not the one the spec asks for, and what to change."""
    what, becomes, fix = _RENAMED[item.kind]
    cause = f"{what} {item.other!r} already has it" if item.other is not None else "the generated client keeps that name for itself"
    return f"{what} {item.text!r} would become {becomes} {item.wanted!r}, but {cause}, so it is generated as {item.given!r}, which users cannot guess; {fix}"


@rule("python-name-collision", Severity.WARNING, "Names that differ in the spec stay different once made Python identifiers.")
def python_name_collision(context: Context) -> Iterator[tuple[str, str]]:
    for item in client_names(context.document).renamed:
        yield item.ptr, _renamed(item)
    schemas = (context.document.data.get("components") or {}).get("schemas") if isinstance(context.document.data.get("components"), dict) else None
    classes: dict[str, str] = {}
    for name in schemas if isinstance(schemas, dict) else []:
        made = class_name(str(name))
        if classes.setdefault(made, str(name)) != str(name):
            yield pointer("components", "schemas", name), _clash("schemas", classes[made], str(name), made)
    for ptr, schema in index(context).schemas:
        props = schema.get("properties")
        fields: dict[str, str] = {}
        for wire in props if isinstance(props, dict) else []:
            name = attribute(str(wire))
            if fields.setdefault(name, str(wire)) != str(wire):
                yield f"{ptr}{pointer('properties', wire)}", _clash("properties", fields[name], str(wire), name)


_STYLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "next-link": (("items", "next"), ()),
    "page": (("items", "page"), ("size", "last-page")),
    "offset": (("items", "offset"), ("limit", "total")),
    "cursor": (("items", "cursor", "next"), ()),
}
_BODY_KEYS = ("items", "next", "last-page", "total")


def _field(context: Context, schema: Any, ptr: str, path: str) -> bool:
    """Whether the dotted `path` can name a property: False only where a schema declares others."""
    for token in [t for t in path.split(".") if t]:
        schema, ptr = follow(context, schema, ptr)
        props = _props(context, schema, ptr, 0)
        if not props:
            return True  # an open (undocumented) body: nothing to check against
        if token not in props:
            return False
        schema, ptr = props[token]
    return True


def _props(context: Context, schema: Any, ptr: str, depth: int) -> dict[str, tuple[Any, str]]:
    schema, ptr = follow(context, schema, ptr)
    if not isinstance(schema, dict) or depth > 20:
        return {}
    found: dict[str, tuple[Any, str]] = {}
    for key in ("allOf", "anyOf", "oneOf"):
        parts = schema.get(key)
        for i, part in enumerate(parts if isinstance(parts, list) else []):
            found.update(_props(context, part, f"{ptr}/{key}/{i}", depth + 1))
    props = schema.get("properties")
    for name, sub in (props.items() if isinstance(props, dict) else []):
        found[str(name)] = (sub, f"{ptr}{pointer('properties', name)}")
    return found


@rule("x-pagination-valid", Severity.ERROR, "`x-pagination` has a known style, its keys, query parameters that exist and body fields that exist.")
def x_pagination_valid(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        if "x-pagination" not in op.node:
            continue
        ptr, raw = op.ptr + "/x-pagination", op.node["x-pagination"]
        if not isinstance(raw, dict):
            yield ptr, "`x-pagination` must be a mapping with a `style` (see docs/spec-conventions.md)"
            continue
        style = raw.get("style")
        if not isinstance(style, str) or style not in _STYLES:
            yield ptr + ("/style" if "style" in raw else ""), f"unknown x-pagination style {style!r}; use next-link, page, offset or cursor"
            continue
        required, optional = _STYLES[str(style)]
        for key in required:
            if not isinstance(raw.get(key), str):
                yield ptr, f"`x-pagination` style {style!r} needs `{key}` (a string)"
        for key in raw:
            if key not in ("style", *required, *optional) and not str(key).startswith("x-"):
                yield f"{ptr}{pointer(key)}", f"`{key}` means nothing for x-pagination style {style!r}; remove it"
        query = {str(p.get("name")) for p, _ in op_parameters(context, op) if p.get("in") == "query"}
        for key in ("page", "size", "offset", "limit", "cursor"):
            value = raw.get(key)
            if key in (*required, *optional) and isinstance(value, str) and value not in query:
                yield f"{ptr}/{key}", f"x-pagination `{key}` names query parameter {value!r}, which the operation does not declare"
        success = next(((s, r, p) for s, r, p in responses(context, op) if s.startswith("2")), None)
        media = None
        if success is not None and isinstance(success[1].get("content"), dict):
            media = next(((c, m) for c, m in success[1]["content"].items() if isinstance(m, dict) and "json" in str(c)), None)
        if media is None:
            yield ptr, "x-pagination needs a 2xx JSON response whose schema holds the items"
            continue
        schema_ptr = success[2] + pointer("content", media[0], "schema") if success else ""
        for key in _BODY_KEYS:
            value = raw.get(key)
            if isinstance(value, str) and value and not _field(context, media[1].get("schema"), schema_ptr, value):
                yield f"{ptr}/{key}", f"x-pagination `{key}` is {value!r}, but the 2xx response schema declares no such field"
