"""Build a value from a schema when the spec documents no example: defaults, examples, placeholders."""

from __future__ import annotations

from typing import Any

from generator.reading.load import Document

_MAX_DEPTH = 12
_SKIP = object()  # a recursive branch cut short: leave the property out
_FORMATS = {
    "date-time": "2000-01-01T00:00:00Z",
    "date": "2000-01-01",
    "time": "00:00:00Z",
    "email": "user@example.com",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "",
    "binary": "",
}


class _Spent(Exception):
    """A bounded sample ran out of budget."""


class _Budget:
    """How many more schema nodes, array items and string characters a sample may build; None: no bound."""

    def __init__(self, left: int | None) -> None:
        """Start with `left` units."""
        self.left = left

    def spend(self, units: int) -> None:
        """Take `units`; `_Spent` when there are not that many left."""
        if self.left is None:
            return
        self.left -= units
        if self.left < 0:
            raise _Spent


_UNBOUNDED = _Budget(None)


def sample(document: Document, schema: Any, *, for_response: bool = True, budget: int | None = None) -> Any:
    """A value of `schema`: its default, else its first example, else a typed placeholder.

    With a `budget` (schema nodes visited plus array items and string characters made) the work is
    bounded, whatever an untrusted spec holds (deep fan-out, `minItems: 1e9`): past it, None.
    """
    spent = _Budget(budget) if budget is not None else _UNBOUNDED
    try:
        value = _sample(document, schema, for_response, 0, frozenset(), spent)
    except _Spent:
        return None
    return None if value is _SKIP else value


def sample_at(document: Document, schema_ptr: str | None, *, for_response: bool = True) -> Any:
    """`sample` of the schema at a JSON pointer (None when there is none)."""
    if schema_ptr is None:
        return None
    try:
        schema = document.resolve("#" + schema_ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return None
    return sample(document, schema, for_response=for_response)


def _sample(document: Document, schema: Any, for_response: bool, depth: int, seen: frozenset[str], budget: _Budget = _UNBOUNDED) -> Any:
    """A value of one schema; `_SKIP` when a recursive reference is cut."""
    budget.spend(1)
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen or depth > _MAX_DEPTH:
            return _SKIP
        try:
            target = document.resolve(ref)
        except (KeyError, IndexError, ValueError, TypeError):
            return None
        return _sample(document, target, for_response, depth + 1, seen | {ref}, budget)
    for key in ("default", "const"):
        if key in schema:
            return schema[key]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    if "example" in schema:
        return schema["example"]
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return next((member for member in enum if member is not None), enum[0])
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for branch in schema["allOf"]:
            part = _sample(document, branch, for_response, depth + 1, seen, budget)
            if isinstance(part, dict):
                merged.update(part)
        own = _object(document, schema, for_response, depth, seen, budget) if "properties" in schema else {}
        return {**merged, **own}
    for key in ("oneOf", "anyOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and branches:
            for branch in branches:
                if not (isinstance(branch, dict) and branch.get("type") == "null"):
                    value = _sample(document, branch, for_response, depth + 1, seen, budget)
                    if value is not _SKIP:
                        return value
            return None
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "array" if "items" in schema else None
    if kind == "object":
        return _object(document, schema, for_response, depth, seen, budget)
    if kind == "array":
        item = _sample(document, schema.get("items"), for_response, depth + 1, seen, budget) if "items" in schema else _SKIP
        count = max(1, int(schema.get("minItems") or 1))
        budget.spend(count)
        return [] if item is _SKIP else [item] * count
    if kind == "string":
        text = _FORMATS.get(str(schema.get("format")), "string")
        width = int(schema.get("minLength") or 0)
        budget.spend(width)
        return text.ljust(width, "x")
    if kind in ("integer", "number"):
        return _number(schema, kind)
    if kind == "boolean":
        return True
    return None


def _object(
    document: Document, schema: dict[str, Any], for_response: bool, depth: int, seen: frozenset[str], budget: _Budget
) -> dict[str, Any]:
    """An object with every property (write-only ones left out of responses)."""
    skip_flag = "writeOnly" if for_response else "readOnly"
    required = set(schema.get("required") or [])
    result: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        if isinstance(prop, dict) and prop.get(skip_flag) and name not in required:
            continue
        value = _sample(document, prop, for_response, depth + 1, seen, budget)
        if value is _SKIP:
            if name in required:
                result[name] = None
            continue
        result[name] = value
    return result


def _number(schema: dict[str, Any], kind: str) -> int | float:
    """The minimum (or 0), kept below the maximum."""
    low = schema.get("minimum")
    if isinstance(schema.get("exclusiveMinimum"), (int, float)) and not isinstance(schema.get("exclusiveMinimum"), bool):
        low = schema["exclusiveMinimum"] + 1
    value: int | float = low if isinstance(low, (int, float)) and not isinstance(low, bool) else 0
    high = schema.get("maximum")
    if isinstance(high, (int, float)) and not isinstance(high, bool) and value > high:
        value = high
    return int(value) if kind == "integer" else value
