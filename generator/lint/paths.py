"""Rules about path keys: templates, declared parameters, trailing slashes, queries, ambiguity."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Severity
from generator.lint.path_overlap import Overlap, overlap
from generator.lint.registry import Context, rule
from generator.lint.walk import operations, parameter_list, spot
from generator.reading.load import pointer

_TEMPLATE = re.compile(r"\{([^{}/]*)\}")


def _paths(context: Context) -> list[str]:
    paths = context.document.data.get("paths")
    return [str(p) for p in paths] if isinstance(paths, dict) else []


@rule("path-declarations-must-exist", Severity.WARNING, "Path templates name their parameter (`{id}`, never `{}`).", "spectral")
def path_declarations_must_exist(context: Context) -> Iterator[tuple[str, str]]:
    for path in _paths(context):
        if "{}" in path:
            yield pointer("paths", path), f"path {path!r} has an empty template `{{}}`; name the parameter"


@rule("path-keys-no-trailing-slash", Severity.WARNING, "Paths do not end with a slash.", "spectral")
def path_keys_no_trailing_slash(context: Context) -> Iterator[tuple[str, str]]:
    for path in _paths(context):
        if len(path) > 1 and path.endswith("/"):
            yield pointer("paths", path), (
                f"remove the trailing slash of {path!r}; if the vendor documents it, keep it and silence this "
                "finding with `x-lint-ignore: {path-keys-no-trailing-slash: <reason>}` on the path item"
            )


@rule("path-not-include-query", Severity.WARNING, "Paths carry no query string.", "spectral")
def path_not_include_query(context: Context) -> Iterator[tuple[str, str]]:
    for path in _paths(context):
        if "?" in path:
            yield pointer("paths", path), f"move the query string of {path!r} into `in: query` parameters"


@rule("path-params", Severity.ERROR, "Path templates and `in: path` parameters match one to one.", "spectral")
def path_params(context: Context) -> Iterator[tuple[str, str] | tuple[str, str, int, int]]:
    """Templates and parameters one to one; equivalent paths are `no-identical-paths`' (one problem, one finding)."""
    for path in _paths(context):
        names = _TEMPLATE.findall(path)
        for name in sorted({n for n in names if names.count(n) > 1}):
            yield pointer("paths", path), f"path {path!r} uses `{{{name}}}` more than once; give each template its own name"
    item_done: set[str] = set()
    undeclared: dict[tuple[str, str], list[str]] = {}  # (path, template name) -> methods that do not declare it
    for op in operations(context):
        used = set(_TEMPLATE.findall(op.path))
        level = parameter_list(context, op.path_item, op.item_ptr)
        own = parameter_list(context, op.node, op.ptr)
        declared = {str(p.get("name")) for p, _ in level + own if p.get("in") == "path"}
        for name in sorted(used - declared):
            if name:
                undeclared.setdefault((op.path, name), []).append(op.method.upper())
        checked = own if op.item_ptr in item_done else level + own
        item_done.add(op.item_ptr)
        for param, ptr in checked:
            if param.get("in") != "path":
                continue
            name = str(param.get("name"))
            if name not in used:
                yield ptr + ("/name" if "name" in param else ""), (
                    f"path parameter {name!r} is not in the path {op.path!r}; add `{{{name}}}` to the path or remove it")
            if param.get("required") is not True:
                yield ptr + ("/required" if "required" in param else ""), f"path parameter {name!r} must say `required: true`"
    for (path, name), methods in undeclared.items():
        yield _at_template(context, path, name, (
            f"the template `{{{name}}}` names no path parameter for {', '.join(methods)} {path}; declare it "
            "(`in: path`, `required: true`) on the path item or the operation"))


def _at_template(context: Context, path: str, name: str, message: str) -> tuple[str, str] | tuple[str, str, int, int]:
    """A finding at the `{name}` template inside the path key, or at the key when the text cannot be found."""
    ptr = pointer("paths", path)
    where = spot(context, ptr, f"{{{name}}}", in_key=True)
    return (ptr, message) if where is None else (ptr, message, *where)


@rule("no-ambiguous-paths", Severity.WARNING, "No request path could match two path templates.", "redocly")
def no_ambiguous_paths(context: Context) -> Iterator[tuple[str, str]]:
    """Each templated path against the earlier ones with as many segments, reported at the later one.

    A literal path never needs reporting: it is more specific than any template that matches it.
    """
    earlier: dict[int, list[str]] = {}
    for path in _paths(context):
        if not _TEMPLATE.search(path):
            continue
        same_length = earlier.setdefault(path.count("/"), [])
        for other in same_length:
            found = overlap(other, path)
            if found is not None:
                yield pointer("paths", path), _ambiguity_message(other, path, found)
        same_length.append(path)


def _ambiguity_message(other: str, path: str, found: Overlap) -> str:
    """What the two paths share and what to do; the two-template case says why specificity cannot decide."""
    if found.clash is None:
        return f"paths {other!r} and {path!r} can match the same request; make one of them literal or distinct"
    return (
        f"paths {other!r} and {path!r} can match the same request, e.g. {found.example!r} (a `{{name}}` matches one "
        f"or more characters other than `/`): segments {found.clash[0]!r} and {found.clash[1]!r} are both templates, "
        "and OpenAPI puts only concrete paths before templated ones, so the choice is each router's and routers differ; "
        "make one of them literal or distinct"
    )
