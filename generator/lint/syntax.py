"""Rules about the file itself: a key written twice in one mapping (the parser keeps only the last)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Severity
from generator.lint.registry import Context, rule


@rule("parser", Severity.ERROR, "No mapping has the same key twice.", "spectral")
def duplicate_keys(context: Context) -> Iterator[tuple[str, str] | tuple[str, str, int, int]]:
    """Each key written twice, as `load` recorded it (YAML with the second key's line, JSON by pointer)."""
    for duplicate in context.document.duplicates:
        if duplicate.line:
            yield duplicate.ptr, _message(duplicate.key), duplicate.line, duplicate.col
        else:
            yield duplicate.ptr, _message(duplicate.key)


def _message(key: str) -> str:
    return f"key {key!r} appears twice in this mapping; only the last one counts, so merge them"
