"""Turn parameter text from a URL or header into the JSON value its schema describes."""

from __future__ import annotations

import re
from typing import Any

from generator.mock.schemas import SchemaChecker
from generator.reading.load import Document

_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only: int() would also read "١٢"
_NUMBER = re.compile(r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


def schema_at(document: Document, schema_ptr: str | None, depth: int = 0) -> dict[str, Any]:
    """The schema at a pointer with `$ref`s followed; {} when absent or unresolvable."""
    if schema_ptr is None:
        return {}
    try:
        node = document.resolve("#" + schema_ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return {}
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 50:
        try:
            node = document.resolve(node["$ref"])
        except (KeyError, IndexError, ValueError, TypeError):
            return {}
        depth += 1
    return node if isinstance(node, dict) else {}


def declared_types(document: Document, schema: dict[str, Any], depth: int = 0) -> list[str]:
    """The JSON types a schema allows, in the order it names them (branches of unions included)."""
    found: list[str] = []
    raw = schema.get("type")
    for kind in [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []:
        if isinstance(kind, str) and kind not in found:
            found.append(kind)
    for member in schema.get("enum") or []:
        kind = _json_type(member)
        if kind not in found:
            found.append(kind)
    if "const" in schema and _json_type(schema["const"]) not in found:
        found.append(_json_type(schema["const"]))
    if depth < 10:
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(key) or []:
                if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
                    try:
                        branch = document.resolve(branch["$ref"])
                    except (KeyError, IndexError, ValueError, TypeError):
                        continue
                if isinstance(branch, dict):
                    for kind in declared_types(document, branch, depth + 1):
                        if kind not in found:
                            found.append(kind)
    return found


def _json_type(value: Any) -> str:
    """The JSON type name of a Python value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"


def _candidates(text: str, types: list[str]) -> list[Any]:
    """Readings of `text`, the schema's preferred types first, the plain string last."""
    readings: dict[str, Any] = {}
    whole = _whole(text)
    if whole is not None:
        readings["integer"] = whole
    if _NUMBER.fullmatch(text):
        readings["number"] = whole if whole is not None else float(text)
    if text in ("true", "false"):
        readings["boolean"] = text == "true"
    if text in ("null", ""):
        readings["null"] = None
    ordered = [readings[t] for t in types if t in readings]
    ordered.append(text)
    return ordered


def _whole(text: str) -> int | None:
    """`text` as an integer; None when it is not one, or has more digits than Python converts (4300)."""
    if not _INTEGER.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:  # too many digits: left as text, which the schema then refuses
        return None


def scalar(checker: SchemaChecker, schema_ptr: str | None, schema: dict[str, Any], text: str) -> Any:
    """The first reading of `text` that satisfies the schema; else the reading of its first type."""
    types = declared_types(checker.document, schema)
    options = _candidates(text, types)
    for option in options:
        if checker.valid(schema_ptr, option):
            return option
    return options[0]
