"""A rule about what the generated client can put on the wire: request bodies it can serialize as the spec says."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import follow, operations
from generator.modeling.build import is_file, part_type
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


@rule(
    "part-content-type",
    Severity.WARNING,
    "Every `encoding.contentType` of a form or multipart body is one the generated client can send its field as.",
)
def part_content_type(context: Context) -> Iterator[tuple[str, str]]:
    """Content types that are no media type or list of them, JSON parts labelled with no JSON type, form fields in another type."""
    for op in operations(context):
        body, body_ptr = follow(context, op.node.get("requestBody"), op.ptr + "/requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content if isinstance(content, dict) else {}).items():
            kind = str(media_type).split(";")[0].strip().lower()
            if kind in _FIELD_BODIES and isinstance(media, dict):
                yield from _part_types(context, media, body_ptr + pointer("content", media_type), kind)


def _part_types(context: Context, media: dict[str, Any], ptr: str, kind: str) -> Iterator[tuple[str, str]]:
    schema, schema_ptr = follow(context, media.get("schema"), ptr + "/schema")
    properties = schema.get("properties") if isinstance(schema, dict) else None
    encoding = media.get("encoding")
    for name, entry in (encoding if isinstance(encoding, dict) else {}).items():
        if not isinstance(entry, dict) or "contentType" not in entry:
            continue
        where = ptr + pointer("encoding", name, "contentType")
        raw = entry["contentType"]
        declared = part_type(raw)
        if not declared:
            yield where, (
                f"`contentType` {raw!r} is not a media type, a range (`image/*`) or a comma-separated list of them, "
                "so the client sends the field's default part type; write one, e.g. `image/png, image/jpeg`"
            )
            continue
        if "style" in entry:  # a style overrides contentType: the field goes as form pairs
            continue
        prop, _ = follow(context, properties.get(name), schema_ptr + pointer("properties", name)) if isinstance(properties, dict) else (None, "")
        if kind == "multipart/form-data" and _written_as_json(context, prop) and not _allows_json(declared):
            yield where, (
                f"the client writes `{name}` as JSON (an object per part), but `contentType` {declared!r} allows no JSON type; "
                "add `application/json` (or a range that holds it), or make the field a file (`format: binary`)"
            )
        elif kind == "application/x-www-form-urlencoded" and _structured(prop) and not _is_json(declared.split(",")[0]):
            yield where, (
                f"the client sends form field `{name}` by its style (form, exploded) or, with a JSON `contentType` "
                f"listed first, as JSON text; it cannot write {declared!r}; use `application/json` or give a `style`"
            )


def _types(schema: Any) -> set[str]:
    """The JSON types a schema names (`type` as a string or a list); `object` when it only lists properties."""
    if not isinstance(schema, dict):
        return set()
    kind = schema.get("type")
    found = {kind} if isinstance(kind, str) else {str(k) for k in kind} if isinstance(kind, list) else set()
    return found or ({"object"} if "properties" in schema or "additionalProperties" in schema else set())


def _written_as_json(context: Context, schema: Any) -> bool:
    """Whether the client writes a multipart field as JSON parts: an object, or an array of objects (not files)."""
    if not isinstance(schema, dict) or is_file(schema):
        return False
    if "object" in _types(schema):
        return True
    items, _ = follow(context, schema.get("items"), "") if "array" in _types(schema) else (None, "")
    return isinstance(items, dict) and "object" in _types(items) and not is_file(items)


def _structured(schema: Any) -> bool:
    """An object or an array: a form field whose form is its style's, not a media type's."""
    return bool(_types(schema) & {"object", "array"})


def _is_json(media_type: str) -> bool:
    return media_type.split(";")[0].strip().lower().endswith(("/json", "+json"))


def _allows_json(declared: str) -> bool:
    """Whether a contentType list holds a JSON type or a range holding application/json."""
    entries = [e.split(";")[0].strip().lower() for e in declared.split(",")]
    return any(_is_json(e) or e in ("*/*", "application/*") for e in entries)
