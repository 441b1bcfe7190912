"""Turn the records of a generated client's drift log into departures located in the spec.

Each drift entry names a place in the answer (`loc`, a list of keys and indexes) and a kind; the
schema at that place is found by walking the operation's response schema along `loc`, and the
value kept in the entry is checked against it, so a log gives the same kinds and pointers as the
traffic itself would.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from generator.drift.checker import DriftChecker
from generator.drift.findings import Departure, departure
from generator.drift.kinds import (
    ENUM_VALUE,
    MISSING_FIELD,
    NULL_NOT_NULLABLE,
    UNDOCUMENTED_CONTENT_TYPE,
    UNDOCUMENTED_FIELD,
    WRONG_TYPE,
)
from generator.drift.redact import scrub
from generator.drift.response_side import response_key
from generator.drift.schema_check import resolved
from generator.drift.traffic import LogRecord
from generator.mock.checks import accepts, media_type
from generator.mock.coerce import schema_at
from generator.mock.model import MockOperation
from generator.mock.router import Match
from generator.mock.wire import child_pointer
from generator.reading.load import pointer

_FALLBACK = {"enum": ENUM_VALUE, "null": NULL_NOT_NULLABLE, "missing": MISSING_FIELD, "type": WRONG_TYPE}
_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
MAX_STEPS = 64


def log_departures(checker: DriftChecker, record: LogRecord) -> list[Departure]:
    """The departures one drift log record stands for; none for an operation the spec does not have."""
    op = _operation(checker, record)
    if op is None:
        return []
    key = response_key(op, record.status) if record.status else next((k for k in op.responses if k.startswith("2")), None)
    spec = op.responses.get(key) if key is not None else None
    content = spec.content if spec else {}
    # the schema of the media type the answer came in (its drift paths are in it), else the first JSON one
    sent = next((p for c, p in content.items() if p and record.content_type and accepts(c, record.content_type)), None)
    root = sent or next((p for c, p in content.items() if p and media_type(c).endswith("json")), None)
    if root is None:
        return []
    name = f"{op.method} {op.path}"
    found: list[Departure] = []
    for entry in record.drift:
        if entry.get("kind") == "content-type":  # the answer's media type is not documented: at the response's content
            where = root.rsplit("/content/", 1)[0] + "/content"
            found.append(departure(UNDOCUMENTED_CONTENT_TYPE, checker.document.locate(where), name, scrub(f"content type {entry.get('value')!r}", ()), ""))
            continue
        for kind, ptr, seen in _entry(checker, root, entry):
            found.append(departure(kind, checker.document.locate(ptr), name, scrub(seen, ()), ""))
    return found


def _operation(checker: DriftChecker, record: LogRecord) -> MockOperation | None:
    """The operation of a record: by method and path template, else by routing its URL's path."""
    for op in checker.spec.operations:
        if op.method == record.method and op.path == record.path:
            return op
    found = checker.router.find(record.method, urlsplit(record.url).path or "/")
    return found.operation if isinstance(found, Match) else None


def _loc(entry: dict[str, Any]) -> list[str | int] | None:
    """The entry's place in the answer: its `loc` list, else parsed from its JSON `path` (`$.data[0].id`)."""
    raw = entry.get("loc")
    if isinstance(raw, list) and len(raw) <= MAX_STEPS and all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in raw):
        return list(raw)
    text = entry.get("path")
    if not isinstance(text, str) or not text.startswith("$"):
        return None
    steps: list[str | int] = []
    at = 1
    while at < len(text) and len(steps) <= MAX_STEPS:
        match = _STEP.match(text, at)
        if match is None:
            return None
        name, index, quoted = match.groups()
        steps.append(name if name is not None else int(index) if index is not None else str(json.loads(quoted)))
        at = match.end()
    return steps


def _entry(checker: DriftChecker, root: str, entry: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, pointer, seen) for one drift entry."""
    loc = _loc(entry)
    if loc is None:
        return []
    document = checker.document
    kind = str(entry.get("kind", ""))
    value = entry.get("value")
    at = "".join(f"/{p}" for p in loc) or "the body"
    parent: str | None = root
    for step in loc[:-1]:
        parent = child_pointer(document, parent, None if isinstance(step, int) else step) if parent else None
    last = loc[-1] if loc else None
    if parent is None:
        return []
    if kind == "missing" and isinstance(last, str):
        holder = resolved(document, parent)
        required = schema_at(document, holder).get("required")
        if isinstance(required, list) and last in required:
            return [(MISSING_FIELD, f"{holder}/required/{required.index(last)}", f"{at} is missing")]
        return [(MISSING_FIELD, holder, f"{at} is missing")]
    leaf = child_pointer(document, parent, None if isinstance(last, int) else last) if last is not None else parent
    if leaf is None and isinstance(last, str):
        return [(UNDOCUMENTED_FIELD, resolved(document, parent) + pointer("properties", last), f"{at} is undocumented")]
    if leaf is None:
        return []
    problems = [p for p in checker.schemas.problems(leaf, value) if p.instance == ""]
    if problems:
        return [(p.kind, p.schema_ptr, f"{at}: {p.seen.removeprefix('the body: ')}") for p in problems]
    fallback = _FALLBACK.get(kind)
    return [(fallback, resolved(document, leaf), f"{at}: {entry.get('message', '')}")] if fallback else []
