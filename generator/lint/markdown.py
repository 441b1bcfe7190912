"""Rules about Markdown text (descriptions and titles) that renderers would run as code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import everything

_EVAL = re.compile(r"eval\s*\(", re.IGNORECASE)
_SCRIPT = re.compile(r"<script", re.IGNORECASE)


def _texts(context: Context) -> list[tuple[str, str]]:
    """Every `description` and `title` string anywhere in the document (as Spectral looks at them)."""
    found = context.cache.get("texts")
    if found is None:
        found = context.cache["texts"] = [
            (f"{ptr}/{key}", node[key]) for ptr, _, node in everything(context)
            for key in ("description", "title") if isinstance(node.get(key), str)
        ]
    return list(found)


@rule("no-eval-in-markdown", Severity.WARNING, "Descriptions and titles contain no `eval(`.", "spectral")
def no_eval(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, text in _texts(context):
        if _EVAL.search(text):
            yield ptr, "remove `eval(` from this text: documentation renderers may run it"


@rule("no-script-tags-in-markdown", Severity.WARNING, "Descriptions and titles contain no `<script>` tags.", "spectral")
def no_script(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, text in _texts(context):
        if _SCRIPT.search(text):
            yield ptr, "remove the `<script>` tag from this text: documentation renderers may run it"
