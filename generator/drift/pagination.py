"""Check a list answer against its operation's `x-pagination` (docs/spec-conventions.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from generator.drift.schema_check import shown

_MISSING = object()


def _at(body: Any, dotted: str) -> Any:
    """The value at a dotted path (`links.next`) of a JSON body; _MISSING when absent."""
    node = body
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def problems(paging: dict[str, Any], body: Any) -> Iterator[tuple[str, str]]:
    """Each departure of `body` from `paging` as (the x-pagination key to fix, what was seen)."""
    style = paging.get("style")
    items = paging.get("items")
    if isinstance(items, str):
        found = _at(body, items)
        if found is _MISSING:
            yield "items", f"no {items!r} in the answer (it has {shown(sorted(body) if isinstance(body, dict) else body, 60)})"
        elif not isinstance(found, list):
            yield "items", f"{items!r} is {shown(found, 60)}, not a list"
    if style in ("next-link", "cursor"):
        yield from _next(paging, body, absolute=style == "next-link")
    for key in ("last-page", "total"):
        where = paging.get(key)
        if isinstance(where, str):
            value = _at(body, where)
            if value is not _MISSING and value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                yield key, f"{where!r} is {shown(value, 60)}, not a whole number"


def _next(paging: dict[str, Any], body: Any, absolute: bool) -> Iterator[tuple[str, str]]:
    """The `next` value: absent, null or (for next-link) an absolute http(s) URL, or (for cursor) a token."""
    where = paging.get("next")
    if not isinstance(where, str):
        return
    value = _at(body, where)
    if value is _MISSING or value is None or value == "":
        return
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        yield "next", f"{where!r} is {shown(value, 60)}, not {'a URL' if absolute else 'a cursor'}"
    elif absolute:
        parts = urlsplit(str(value))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            yield "next", f"{where!r} is {shown(value, 60)}, not an absolute http(s) URL"
