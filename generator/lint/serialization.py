"""A rule about what the generated client can put on the wire: request bodies it can serialize as the spec says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import follow, operations
from generator.reading.load import pointer

_FIELD_BODIES = ("application/x-www-form-urlencoded", "multipart/form-data")


@rule(
    "request-serializable",
    Severity.WARNING,
    "Every form and multipart request body is something the generated client can send as the spec says.",
)
def request_serializable(context: Context) -> Iterator[tuple[str, str]]:
    """Form and multipart bodies whose schema is not an object, `encoding` entries naming no field, per-part headers."""
    for op in operations(context):
        body, body_ptr = follow(context, op.node.get("requestBody"), op.ptr + "/requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content if isinstance(content, dict) else {}).items():
            if str(media_type).split(";")[0].strip().lower() in _FIELD_BODIES and isinstance(media, dict):
                yield from _field_body(context, media, body_ptr + pointer("content", media_type), str(media_type))


def _field_body(context: Context, media: dict[str, Any], ptr: str, media_type: str) -> Iterator[tuple[str, str]]:
    schema, _ = follow(context, media.get("schema"), ptr + "/schema")
    kind = schema.get("type") if isinstance(schema, dict) else None
    if kind is not None and kind != "object" and kind != ["object"]:
        yield ptr + "/schema", f"a {media_type} body is sent as the fields of an object, but this schema is {kind!r}; make it an object"
    properties = schema.get("properties") if isinstance(schema, dict) else None
    encoding = media.get("encoding")
    for name, entry in (encoding if isinstance(encoding, dict) else {}).items():
        where = ptr + pointer("encoding", name)
        if isinstance(properties, dict) and name not in properties:
            yield where, f"`encoding` names {name!r}, which is no property of the body schema, so it applies to nothing; fix the name"
        if isinstance(entry, dict) and entry.get("headers") and media_type.startswith("multipart/"):
            yield where + "/headers", "the client does not write headers into a multipart part (their values come from nowhere); remove `headers`"
