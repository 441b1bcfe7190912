"""Rules about tags: declared once, described, sorted, used, and every operation tagged."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import operations


def _tags(context: Context) -> list[tuple[int, dict[str, Any]]]:
    tags = context.document.data.get("tags")
    return [(i, t) for i, t in enumerate(tags) if isinstance(t, dict)] if isinstance(tags, list) else []


def _declared(context: Context) -> set[str]:
    return {str(t.get("name")) for _, t in _tags(context)}


@rule("openapi-tags", Severity.WARNING, "The document declares a non-empty top-level `tags` list.", "spectral")
def openapi_tags(context: Context) -> Iterator[tuple[str, str]]:
    tags = context.document.data.get("tags")
    if not isinstance(tags, list) or not tags:
        yield ("/tags" if "tags" in context.document.data else ""), "declare the tags at the top level (`tags:` with a name and description each)"


@rule("openapi-tags-alphabetical", None, "Top-level tags are sorted by name.", "spectral")
def openapi_tags_alphabetical(context: Context) -> Iterator[tuple[str, str]]:
    names = [(i, str(t.get("name"))) for i, t in _tags(context)]
    for (_, before), (i, name) in pairwise(names):
        if name < before:
            yield f"/tags/{i}", f"tag {name!r} comes after {before!r}; sort the tags by name"


@rule("openapi-tags-uniqueness", Severity.ERROR, "Each top-level tag name is declared once.", "spectral")
def openapi_tags_uniqueness(context: Context) -> Iterator[tuple[str, str]]:
    seen: dict[str, int] = {}
    for i, tag in _tags(context):
        name = str(tag.get("name"))
        if name in seen:
            yield f"/tags/{i}/name", f"tag {name!r} is already declared at /tags/{seen[name]}; merge the two"
        else:
            seen[name] = i


@rule("tag-description", Severity.WARNING, "Every top-level tag has a description.", "redocly")
def tag_description(context: Context) -> Iterator[tuple[str, str]]:
    for i, tag in _tags(context):
        text = tag.get("description")
        if not (isinstance(text, str) and text.strip()):
            yield f"/tags/{i}", f"describe tag {tag.get('name')!r}: it becomes the docstring of a client namespace"


@rule("openapi-tags-unused", Severity.WARNING, "Every declared tag is used by an operation.")
def openapi_tags_unused(context: Context) -> Iterator[tuple[str, str]]:
    used: set[str] = set()
    for op in operations(context):
        tags = op.node.get("tags")
        used.update(str(t) for t in (tags if isinstance(tags, list) else []))
    webhooks = context.document.data.get("webhooks")
    if isinstance(webhooks, dict):
        for item in webhooks.values():
            if isinstance(item, dict):
                for node in item.values():
                    if isinstance(node, dict) and isinstance(node.get("tags"), list):
                        used.update(str(t) for t in node["tags"])
    for i, tag in _tags(context):
        if str(tag.get("name")) not in used:
            where = f"/tags/{i}/name" if "name" in tag else f"/tags/{i}"
            yield where, f"no operation uses tag {tag.get('name')!r}; tag an operation with it or remove it"


@rule("operation-tags", Severity.WARNING, "Every operation has a non-empty `tags` list.", "spectral")
def operation_tags(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        tags = op.node.get("tags")
        if not isinstance(tags, list) or not tags:
            where = op.ptr + "/tags" if "tags" in op.node else op.ptr
            yield where, f"tag {op.method.upper()} {op.path}: the tag is the client namespace the method lives in"


@rule("operation-tag-defined", Severity.WARNING, "Every tag an operation uses is declared at the top level.", "spectral")
def operation_tag_defined(context: Context) -> Iterator[tuple[str, str]]:
    declared = _declared(context)
    for op in operations(context):
        tags = op.node.get("tags")
        for j, tag in enumerate(tags if isinstance(tags, list) else []):
            if str(tag) not in declared:
                yield f"{op.ptr}/tags/{j}", f"tag {tag!r} is not declared; add it to the top-level `tags` with a description"


@rule("operation-singular-tag", None, "Every operation has at most one tag.", "spectral")
def operation_singular_tag(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        tags = op.node.get("tags")
        if isinstance(tags, list) and len(tags) > 1:
            yield op.ptr + "/tags", "keep one tag: the client puts the method in the first tag's namespace only"
