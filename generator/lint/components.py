"""Rules about `components`: every reusable piece is referenced somewhere."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import index
from generator.reading.load import pointer, unescape_token

_KINDS = ("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks", "pathItems")


@rule("oas3-unused-component", Severity.WARNING, "Every component is referenced at least once.", "spectral")
def unused_component(context: Context) -> Iterator[tuple[str, str]]:
    components = context.document.data.get("components")
    if not isinstance(components, dict):
        return
    used: set[tuple[str, str]] = set()
    for ref in index(context).refs:
        tokens = unquote(ref.ref).split("#", 1)[-1].split("/")
        if ref.ref.startswith("#") and len(tokens) >= 4 and tokens[1] == "components":
            kind, name = unescape_token(tokens[2]), unescape_token(tokens[3])
            home = pointer("components", kind, name)
            if ref.ptr != home and not ref.ptr.startswith(home + "/"):
                used.add((kind, name))
    for kind in _KINDS:
        group = components.get(kind)
        if not isinstance(group, dict):
            continue
        for name in group:
            if (kind, str(name)) not in used:
                yield pointer("components", kind, name), f"nothing references components.{kind}.{name}; use it or remove it"
