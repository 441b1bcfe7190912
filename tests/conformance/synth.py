"""Schema-valid values from JSON schemas (OpenAPI 3.0 and 3.1), deterministic for a seed.

Every property is filled in (optional ones too) so a call exercises every field; `readOnly`
properties are left out of requests and `writeOnly` ones out of responses, as the spec says.
"""

from __future__ import annotations

import random
import re
import string
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_DEPTH = 6  # below this depth only required properties are filled in, so recursive schemas end
BINARY = b"\x89PNG\r\n\x1a\n\x00\xff binary"

FORMATS = {
    "date-time": "2024-01-02T03:04:05+00:00",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "0f8fad5b-d9cb-469f-a165-70867728950e",
    "email": "someone@example.com",
    "idn-email": "someone@example.com",
    "uri": "https://example.com/x",
    "url": "https://example.com/x",
    "iri": "https://example.com/x",
    "uri-reference": "https://example.com/x",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "aGVsbG8=",
    "duration": "P1D",
    "password": "secret",
}


class Resolver:
    """Local `$ref`s of one OpenAPI document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        """`node` with its `$ref` chain followed (local refs only)."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 50:
            node = self.pointer(node["$ref"])
            seen += 1
        return node

    def pointer(self, ref: str) -> Any:
        """The node at `#/a/b` in the document."""
        if not ref.startswith("#"):
            raise ValueError(f"only local references are followed: {ref}")
        node: Any = self.document
        for token in ref[1:].split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node


class Synth:
    """Deterministic schema-valid values; `request` picks which of readOnly/writeOnly to leave out."""

    def __init__(self, resolver: Resolver, seed: int = 18, request: bool = True, files: bool = False) -> None:
        self.resolver = resolver
        self.files = files  # binary strings as bytes (multipart, octet-stream) rather than text (JSON)
        self.random = random.Random(seed)
        self.request = request

    def value(self, schema: Any, depth: int = 0, variant: int = 0) -> Any:
        """A value `schema` accepts."""
        schema = self.resolver.resolve(schema)
        if schema is True or not isinstance(schema, dict) or not schema:
            return f"v{variant}"
        if "const" in schema:
            return schema["const"]
        if "example" in schema and depth > MAX_DEPTH:
            return schema["example"]
        if "enum" in schema:
            choices = [v for v in schema["enum"] if v is not None] or [None]
            return choices[variant % len(choices)]
        if "allOf" in schema:
            return self.value(self.merged(schema), depth, variant)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self.one_of(schema, key, depth, variant)
        kind = self.kind(schema)
        if kind == "object":
            return self.object(schema, depth, variant)
        if kind == "array":
            return self.array(schema, depth)
        if kind == "integer":
            return int(self.number(schema, variant, integer=True))
        if kind == "number":
            return self.number(schema, variant, integer=False)
        if kind == "boolean":
            return variant % 2 == 0
        if kind == "null":
            return None
        return self.string(schema, variant)

    def kind(self, schema: dict[str, Any]) -> str:
        """The (non-null) type of `schema`, guessed from its keywords when absent."""
        declared = schema.get("type")
        if isinstance(declared, list):
            declared = next((t for t in declared if t != "null"), "null")
        if isinstance(declared, str):
            return declared
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema:
            return "array"
        return "string"

    def merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An `allOf` folded into one object schema: properties and required lists united."""
        out: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            part = self.resolver.resolve(part)
            if isinstance(part, dict) and "allOf" in part:
                part = self.merged(part)
            if not isinstance(part, dict):
                continue
            for key, value in part.items():
                if key == "properties":
                    out["properties"] = {**out.get("properties", {}), **value}
                elif key == "required":
                    out["required"] = sorted(set(out.get("required", [])) | set(value))
                elif key not in out:
                    out[key] = value
        return out

    def one_of(self, schema: dict[str, Any], key: str, depth: int, variant: int) -> Any:
        """The first variant that is not null, its discriminator property set to its mapped name."""
        rest = {k: v for k, v in schema.items() if k not in (key, "discriminator")}
        for option in schema[key]:
            resolved = self.resolver.resolve(option)
            if isinstance(resolved, dict) and (resolved.get("type") == "null" or resolved.get("nullable") is True
                                               and resolved.get("enum") == [None]):
                continue
            if rest.get("properties") or rest.get("required"):
                resolved = self.merged({"allOf": [rest, resolved]})
                # properties only the other branches require would make those branches match too
                mine = set(resolved.get("required") or ())
                others = {name for other in schema[key] if other is not option
                          for name in (self.resolver.resolve(other) or {}).get("required") or ()} - mine
                if others:
                    kept = {k: v for k, v in (resolved.get("properties") or {}).items() if k not in others}
                    resolved = {**resolved, "properties": kept}
            value = self.value(resolved, depth, variant)
            discriminator = schema.get("discriminator")
            if isinstance(discriminator, dict) and isinstance(value, dict):
                name = discriminator.get("propertyName")
                mapping = discriminator.get("mapping") or {}
                ref = option.get("$ref") if isinstance(option, dict) else None
                tag = next((k for k, v in mapping.items() if v == ref), None)
                if tag is None and isinstance(ref, str):
                    tag = ref.rsplit("/", 1)[-1]
                prop = self.resolver.resolve(((resolved or {}).get("properties") or {}).get(name) or {})
                fixed = isinstance(prop, dict) and ("enum" in prop or "const" in prop)
                if name and tag is not None and not (fixed and tag not in mapping):
                    value[name] = tag
            return value
        return None

    def object(self, schema: dict[str, Any], depth: int, variant: int) -> dict[str, Any]:
        """Every property (only required ones when deep), skipping readOnly in requests, writeOnly in answers."""
        required = set(schema.get("required") or ())
        out: dict[str, Any] = {}
        for index, (name, prop) in enumerate((schema.get("properties") or {}).items()):
            resolved = self.resolver.resolve(prop)
            if isinstance(resolved, dict) and name not in required:
                # beside a `$ref` too (`{$ref, readOnly: true}`): 3.0 says to ignore such siblings, but
                # they say what the author meant, and validators such as openapi-core apply them
                marks = {**resolved, **prop} if isinstance(prop, dict) else resolved
                if marks.get("readOnly") and self.request or marks.get("writeOnly") and not self.request:
                    continue
                if depth >= MAX_DEPTH:
                    continue
            out[name] = self.value(prop, depth + 1, variant + index)
        extra = schema.get("additionalProperties")
        if not schema.get("properties") and extra not in (None, False) and depth < MAX_DEPTH:
            out["key0"] = self.value(extra if isinstance(extra, dict) else {}, depth + 1, variant)
        minimum = schema.get("minProperties") or 0
        while len(out) < minimum:
            out[f"key{len(out)}"] = self.value(extra if isinstance(extra, dict) else {"type": "string"}, depth + 1)
        return out

    def array(self, schema: dict[str, Any], depth: int) -> list[Any]:
        """Two items (within minItems/maxItems), different from each other, or none when deep."""
        low = schema.get("minItems") or 0
        high = schema.get("maxItems")
        count = max(low, 0 if depth >= MAX_DEPTH else 2)
        if high is not None:
            count = min(count, high)
        items = schema.get("items", {})
        if isinstance(schema.get("prefixItems"), list):
            return [self.value(s, depth + 1, i) for i, s in enumerate(schema["prefixItems"])][: max(count, 1)]
        values: list[Any] = []
        for index in range(count):
            value = self.value(items, depth + 1, index)
            if value in values and schema.get("uniqueItems"):
                break
            values.append(value)
        return values

    def number(self, schema: dict[str, Any], variant: int, integer: bool) -> float:
        """A number inside the bounds, a multiple of `multipleOf` when there is one."""
        low = schema.get("minimum")
        high = schema.get("maximum")
        exclusive_low = schema.get("exclusiveMinimum")
        exclusive_high = schema.get("exclusiveMaximum")
        if isinstance(exclusive_low, bool):  # 3.0: a flag on minimum
            exclusive_low = low if exclusive_low else None
        if isinstance(exclusive_high, bool):
            exclusive_high = high if exclusive_high else None
        step = schema.get("multipleOf") or (1 if integer else 0.5)
        value: float = 7 + variant
        if low is not None:
            value = max(value, low)
        if exclusive_low is not None and value <= exclusive_low:
            value = exclusive_low + step
        if high is not None:
            value = min(value, high)
        if exclusive_high is not None and value >= exclusive_high:
            value = exclusive_high - step
        if schema.get("multipleOf"):
            value = (value // step + (1 if low is not None and value % step else 0)) * step
        return int(value) if integer else float(value)

    def string(self, schema: dict[str, Any], variant: int) -> Any:
        """A string honouring format, pattern and length; bytes for binary content."""
        fmt = schema.get("format")
        if fmt == "binary" or "contentMediaType" in schema and "contentEncoding" not in schema:
            return BINARY if self.files else "binary-data"
        low = schema.get("minLength") or 0
        high = schema.get("maxLength")
        text: str | None = None
        if isinstance(fmt, str) and fmt in FORMATS:
            text = FORMATS[fmt]
        elif isinstance(schema.get("pattern"), str):
            text = from_regex(schema["pattern"])
        if text is None:
            letters = "".join(self.random.choice(string.ascii_lowercase) for _ in range(6))
            text = f"s{variant}{letters}"
        if len(text) < low:
            text = text + "x" * (low - len(text))
        if high is not None and len(text) > high:
            text = text[:high]
        return text


def from_regex(pattern: str) -> str | None:
    """A short string `pattern` matches (with `re.search`), or None when none could be built."""
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    try:
        text = _emit(tree)
    except (ValueError, RecursionError):
        return None
    return text if re.search(pattern, text) else None


def _emit(tree: Any) -> str:
    """The shortest-ish text of a parsed regular expression: first branches, least repeats."""
    out: list[str] = []
    for op, arg in tree:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if chr(arg) != "a" else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_in(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = arg
            out.append(_emit(sub) * max(low, 1 if _high >= 1 else 0))
        elif name == "SUBPATTERN":
            out.append(_emit(arg[-1]))
        elif name == "BRANCH":
            out.append(_emit(arg[1][0]))
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        elif name == "CATEGORY":
            out.append(_category(arg))
        else:
            raise ValueError(name)
    return "".join(out)


def _in(items: Any) -> str:
    """One character of a class `[...]`."""
    negated = any(str(op) == "NEGATE" for op, _ in items)
    if negated:
        banned = {chr(a) for op, a in items if str(op) == "LITERAL"}
        return next(c for c in "abcxyz0" if c not in banned)
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return chr(arg)
        if name == "RANGE":
            return chr(arg[0])
        if name == "CATEGORY":
            return _category(arg)
    raise ValueError("empty class")


def _category(arg: Any) -> str:
    """One character of `\\d`, `\\w`, `\\s` and their negations."""
    name = str(arg)
    return {"CATEGORY_DIGIT": "1", "CATEGORY_WORD": "a", "CATEGORY_SPACE": " ",
            "CATEGORY_NOT_DIGIT": "a", "CATEGORY_NOT_WORD": "-", "CATEGORY_NOT_SPACE": "a"}.get(name, "a")
