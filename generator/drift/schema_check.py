"""Check a value against a spec schema and say, for each problem, its kind and the schema to fix.

The mock's SchemaChecker validates; here each validator error is traced back through the `$ref`s
it followed to the pointer of the schema in the spec file, and sorted into a kind. Undocumented
fields are found by a walk of their own, since a schema that leaves `additionalProperties` out
accepts them: see `undocumented` for which schemas count as listing their fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import unquote

from generator.drift.kinds import (
    CONSTRAINT,
    ENUM_VALUE,
    FORMAT_MISMATCH,
    MISSING_FIELD,
    NULL_NOT_NULLABLE,
    UNDOCUMENTED_FIELD,
    WRONG_TYPE,
)
from generator.mock.schemas import SchemaChecker
from generator.reading.load import Document, escape_token, pointer

MAX_ERRORS = 200  # validator errors looked at per value: one bad list of a million items must not take long
MAX_DEPTH = 64  # nesting the undocumented-field walk follows
_PRIORITY = {"type": 0, "nullable": 0, "required": 1, "enum": 2, "const": 2, "format": 3}
_KIND = {"enum": ENUM_VALUE, "const": ENUM_VALUE, "format": FORMAT_MISMATCH}


@dataclass(frozen=True)
class SchemaProblem:
    """One problem of a value: its kind, the spec pointer to fix, where in the value, and what was there."""

    kind: str
    schema_ptr: str
    instance: str
    seen: str


def shown(value: Any, limit: int = 80) -> str:
    """A value as short JSON text."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


class DriftSchemas(SchemaChecker):
    """The mock's checker, telling each problem's kind and the spec schema it comes from."""

    def problems(self, schema_ptr: str | None, value: Any, extra_fields: bool = True) -> list[SchemaProblem]:
        """Every problem of `value` against the schema at `schema_ptr`, one per place in the value and schema.

        `extra_fields=False` leaves out undocumented fields (that the schema itself accepts).
        """
        if schema_ptr is None:
            return []
        found: dict[tuple[str, str], SchemaProblem] = {}
        for error in sorted(self._errors(schema_ptr, value), key=lambda e: _PRIORITY.get(str(e.validator), 9)):
            for problem in self._classify(schema_ptr, error):
                found.setdefault((problem.instance, problem.schema_ptr), problem)
        for problem in undocumented(self, schema_ptr, value) if extra_fields else ():
            found.setdefault((problem.instance, problem.schema_ptr), problem)
        return list(found.values())

    def _errors(self, schema_ptr: str, value: Any) -> Iterator[Any]:
        """The validator's errors, each branch error replaced by its most specific sub-error."""
        from jsonschema.exceptions import best_match

        for error in islice(self._validator(schema_ptr).iter_errors(value), MAX_ERRORS):
            if error.context:
                deepest = best_match(error.context)
                if deepest is not None:
                    error = deepest
            yield error

    def _classify(self, root: str, error: Any) -> Iterator[SchemaProblem]:
        """The problems one validator error stands for (one per extra field for `additionalProperties`)."""
        schema_ptr, keyword = schema_pointer(self.document, root, list(error.absolute_schema_path))
        instance = pointer(*error.absolute_path)
        at = instance or "the body"
        value = error.instance
        if keyword == "required":
            names = error.validator_value if isinstance(error.validator_value, list) else []
            for index, name in enumerate(names):
                if isinstance(value, dict) and name not in value and repr(name) in str(error.message):
                    yield SchemaProblem(MISSING_FIELD, f"{schema_ptr}/required/{index}", instance, f"{at} has no {name!r}")
            return
        if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(value, dict):
            node = _node(self.document, schema_ptr)
            raw = node.get("properties")
            listed: dict[str, Any] = raw if isinstance(raw, dict) else {}
            for key in value:
                if key not in listed:
                    where = schema_ptr + pointer("properties", key)
                    yield SchemaProblem(UNDOCUMENTED_FIELD, where, instance, f"{at} has {key!r}")
            return
        if keyword in ("type", "nullable"):
            kind = NULL_NOT_NULLABLE if value is None else WRONG_TYPE
        else:
            kind = _KIND.get(keyword, CONSTRAINT)
        message = " ".join(str(error.message).split())
        yield SchemaProblem(kind, schema_ptr, instance, f"{at}: {shown(value)} ({_reason(message, value)})")


def _reason(message: str, value: Any) -> str:
    """The validator's message without the value it starts with (already shown)."""
    lead = repr(value)
    text = message[len(lead):].strip() if message.startswith(lead) else message
    return text[:120]


def schema_pointer(document: Document, root: str, path: Sequence[Any]) -> tuple[str, str]:
    """The spec pointer of the schema holding the failing keyword, and the keyword.

    `path` is the validator's absolute schema path from the schema at `root`; it does not name the
    `$ref`s the validator followed, so a `$ref` met on the way is followed here in the document, and
    the pointer names the schema where the keyword is written (`/components/schemas/Pet/properties/id`).
    """
    tokens = [str(t) for t in path]
    current = root
    for token in tokens[:-1]:
        current = _through(document, current, token)
        if token != "$ref":
            current += "/" + escape_token(token)
    keyword = tokens[-1] if tokens else ""
    return _through(document, current, keyword), keyword


def _through(document: Document, ptr: str, token: str) -> str:
    """`ptr`, or the schema its `$ref` points at when the next step (`token`) is not written beside the `$ref`."""
    node = _node(document, ptr)
    if isinstance(node.get("$ref"), str) and (token == "$ref" or token not in node):
        return resolved(document, ptr)
    return ptr


def _node(document: Document, ptr: str) -> dict[str, Any]:
    """The mapping at `ptr`, not following a `$ref` it holds; {} when none."""
    try:
        node = document.resolve("#" + ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return {}
    return node if isinstance(node, dict) else {}


def resolved(document: Document, ptr: str) -> str:
    """The pointer a chain of local `$ref`s starting at `ptr` ends at."""
    for _ in range(50):
        ref = _node(document, ptr).get("$ref")
        if not (isinstance(ref, str) and ref.startswith("#")):
            return ptr
        ptr = unquote(ref[1:])
    return ptr


@dataclass
class _Members:
    """What an object schema (with its allOf parts and the anyOf/oneOf branches the value fits) declares."""

    properties: dict[str, str]  # name -> schema pointer
    holder: str | None  # the first schema listing properties: where a new field goes
    open: bool  # additionalProperties (or unevaluatedProperties) given and not false, or patternProperties
    extra: str | None  # the additionalProperties schema, to follow into extra fields


def _members(checker: SchemaChecker, ptr: str, value: Any, depth: int) -> _Members:
    """Collect the declared properties of the schema at `ptr` for `value`."""
    ptr = resolved(checker.document, ptr)
    node = _node(checker.document, ptr)
    members = _Members({}, None, False, None)
    listed = node.get("properties")
    if isinstance(listed, dict) and listed:
        members.properties.update({str(k): ptr + pointer("properties", k) for k in listed})
        members.holder = ptr
    for keyword in ("additionalProperties", "unevaluatedProperties"):
        if keyword in node and node[keyword] is not False:
            members.open = True
            if isinstance(node[keyword], dict) and node[keyword]:
                members.extra = ptr + "/" + keyword
    if node.get("patternProperties"):
        members.open = True
    if depth > MAX_DEPTH:
        members.open = True
        return members
    branches = [f"{ptr}/allOf/{i}" for i in range(len(node.get("allOf") or []))]
    for combinator in ("anyOf", "oneOf"):
        options = [f"{ptr}/{combinator}/{i}" for i in range(len(node.get(combinator) or []))]
        branches += [b for b in options if checker.valid(b, value)]
    for branch in branches:
        inner = _members(checker, branch, value, depth + 1)
        for name, where in inner.properties.items():
            members.properties.setdefault(name, where)
        members.holder = members.holder or inner.holder
        members.open = members.open or inner.open
        members.extra = members.extra or inner.extra
    return members


def undocumented(checker: SchemaChecker, schema_ptr: str, value: Any, instance: str = "", depth: int = 0) -> Iterator[SchemaProblem]:
    """Fields of `value` that a schema listing its properties does not list.

    A schema counts as listing its fields when it (or an allOf part, or the anyOf/oneOf branch the
    value fits) has `properties` and says nothing about others. `additionalProperties: true` or a
    schema, `unevaluatedProperties` not false, or `patternProperties` make it open on purpose: no
    field of it is undocumented. `additionalProperties: false` is the validator's to report. A schema
    without `properties` (a free-form object, or a body the vendor does not document) is open.
    """
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        members = _members(checker, schema_ptr, value, 0)
        for key, item in value.items():
            where = members.properties.get(key)
            if where is not None:
                yield from undocumented(checker, where, item, instance + pointer(key), depth + 1)
            elif members.extra is not None:
                yield from undocumented(checker, members.extra, item, instance + pointer(key), depth + 1)
            elif members.holder is not None and not members.open:
                where = members.holder + pointer("properties", key)
                yield SchemaProblem(UNDOCUMENTED_FIELD, where, instance, f"{instance or 'the body'} has {key!r}: {shown(item, 40)}")
    elif isinstance(value, list):
        items = _items(checker, schema_ptr, value)
        if items is not None:
            for index, item in enumerate(value):
                yield from undocumented(checker, items, item, f"{instance}/{index}", depth + 1)


def _items(checker: SchemaChecker, ptr: str, value: Any) -> str | None:
    """The pointer of the items schema of an array schema (looking through allOf and fitting branches)."""
    ptr = resolved(checker.document, ptr)
    node = _node(checker.document, ptr)
    if isinstance(node.get("items"), dict):
        return ptr + "/items"
    for combinator in ("allOf", "anyOf", "oneOf"):
        for index in range(len(node.get(combinator) or [])):
            branch = f"{ptr}/{combinator}/{index}"
            if combinator == "allOf" or checker.valid(branch, value):
                found = _items(checker, branch, value)
                if found is not None:
                    return found
    return None
