"""The rule against equivalent templated paths: two path keys that differ only in template names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.reading.load import pointer

_TEMPLATE = re.compile(r"\{[^{}/]*\}")


def template_shape(path: str) -> str:
    """`path` with every `{name}` replaced by `{}`: equal shapes are the same path to OpenAPI."""
    return _TEMPLATE.sub("{}", path)


@rule(
    "no-identical-paths",
    Severity.ERROR,
    "No two paths are equivalent: the same once every `{name}` template is replaced by a placeholder.",
    "redocly",
)
def no_identical_paths(context: Context) -> Iterator[tuple[str, str]]:
    """Report each path whose shape an earlier path already has, at the later path's key.

    OpenAPI 3.0 and 3.1 forbid equivalent templated paths (`/teams/{id}` and `/teams/{teamId}`):
    a request matches both, and strict tools reject the file. This is its own rule, so silencing
    `path-params` for a vendor's naming never hides it.
    """
    paths = context.document.data.get("paths")
    if not isinstance(paths, dict):
        return
    first: dict[str, str] = {}
    for key in paths:
        path = str(key)
        shape = template_shape(path)
        if shape == path:
            continue  # a literal path: two equal keys are a parser finding, not this one
        if shape not in first:
            first[shape] = path
            continue
        yield pointer("paths", path), (
            f"paths {first[shape]!r} and {path!r} are equivalent (they differ only in template names), "
            "which OpenAPI forbids; keep one path, move this one's operations under it with one "
            "parameter name, and note the vendor's other name in the parameter's description"
        )
