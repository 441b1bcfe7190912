"""A rule about what the generated client can put on the wire: request bodies it can serialize as the spec says."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import follow, operations
from generator.modeling.build import field_encoding, is_file, part_type
from generator.reading import spec
from generator.reading.load import pointer
from generator.reading.spec import STYLE_KEYS, parameter_style, schema_parts

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
        if any(key in entry for key in STYLE_KEYS):  # style keys override contentType: the field goes as form pairs
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


# -- serializations OpenAPI leaves undefined ------------------------------------------------
# The runtime sends every value; where OpenAPI defines no form for it (the style table's n/a,
# values nested below the one level RFC 6570 and deepObject describe) it sends a form of its own
# choosing, which a validator or server may read otherwise. Style and explode come from the
# same helpers build uses, so lint judges exactly the serialization the client is generated with.
_DELIMITED = {"spaceDelimited": "%20", "pipeDelimited": "|"}
_SAYS_HOW = ("style", "explode", "allowReserved", "contentType")  # an encoding entry that says how a form field goes
_FIX_PARAM = "flatten the nested values into scalars, or send the parameter as one JSON text with `content: {application/json: {schema: ...}}`"
_FIX_FIELD = "flatten the nested values into scalars, or send the field as one JSON text: an `encoding` entry with `contentType: application/json` and no `style`"


@rule(
    "undefined-serialization",
    Severity.WARNING,
    "Every parameter and form or multipart field has a serialization OpenAPI defines for the values its schema allows.",
)
def undefined_serialization(context: Context) -> Iterator[tuple[str, str]]:
    """Parameters and body fields whose style, explode and schema make a combination OpenAPI leaves undefined."""
    for op in operations(context):
        for param, ptr in spec.parameters(context.document, op, strict=False):
            if not isinstance(param.get("content"), dict):
                yield from _parameter(context, param, ptr)
        body, body_ptr = follow(context, op.node.get("requestBody"), op.ptr + "/requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content if isinstance(content, dict) else {}).items():
            kind = str(media_type).split(";")[0].strip().lower()
            if isinstance(media, dict) and (kind == "application/x-www-form-urlencoded" or kind.startswith("multipart/")):
                yield from _fields(context, media, body_ptr + pointer("content", media_type), "form" if kind.startswith("app") else "multipart")


@dataclass(frozen=True)
class _Value:
    """One parameter or body field as the runtime serializes it: where it is, its schema, name, style and explode."""

    ptr: str  # the parameter, or the field's property: where findings point
    schema: Any
    schema_ptr: str
    where: str  # "query parameter `filter`", for messages
    wire: str
    location: str  # path, query, header, cookie; form and multipart fields serialize as query
    style: str
    explode: bool
    explode_ptr: str  # where `explode` is written, "" when it is the default
    style_ptr: str  # where `style` is written ("" when it is the default)
    fix: str


def _parameter(context: Context, param: dict[str, Any], ptr: str) -> Iterator[tuple[str, str]]:
    """One parameter: its style against its schema's shapes, as the runtime serializes it."""
    location, wire = str(param.get("in")), str(param.get("name"))
    if location not in ("path", "query", "header", "cookie"):
        return
    style, explode = parameter_style(param)
    value = _Value(ptr, param.get("schema"), ptr + "/schema", f"{location} parameter `{wire}`", wire, location, style, explode,
                   ptr + "/explode" if "explode" in param else "", ptr + "/style" if "style" in param else "", _FIX_PARAM)
    kinds = _kinds(context, value.schema)
    if location == "query":
        yield from _table(context, value, kinds)
    if location == "cookie" and kinds & {"array", "object"}:
        one = "one cookie per item or member" if explode else f"one cookie `{wire}=…,…`"
        yield ptr, (
            f"{value.where} may be {_plural(kinds & {'array', 'object'}, one=True)}, but OpenAPI calls style `form` "
            f"wrong for a cookie of several values (Appendix D); the client sends {one}; make it a string the caller "
            "assembles, or use `content` with `text/plain`"
        )
    yield from _nested(context, value, kinds)


def _fields(context: Context, media: dict[str, Any], ptr: str, kind: str) -> Iterator[tuple[str, str]]:
    """Each field of a form or multipart body, by the encoding build gives it."""
    raw_encoding = media.get("encoding")
    encoding: dict[str, Any] = raw_encoding if isinstance(raw_encoding, dict) else {}
    for wire, (prop, prop_ptr) in _members(context, media.get("schema"), ptr + "/schema").items():
        raw = encoding.get(wire)
        entry: dict[str, Any] = raw if isinstance(raw, dict) else {}
        enc = field_encoding(wire, entry, kind, follow(context, prop, prop_ptr)[0])
        if enc.file or not enc.style or (kind == "form" and enc.content_type):
            continue  # a file part, a multipart part by its type, a form field as its JSON text: all defined
        if kind == "form" and "contentType" in entry and not any(key in entry for key in STYLE_KEYS):
            continue  # a non-JSON contentType without style keys: part-content-type reports it
        entry_ptr = ptr + pointer("encoding", wire)
        value = _Value(prop_ptr, prop, prop_ptr, f"{kind} field `{wire}`", wire, "query", enc.style, enc.explode,
                       entry_ptr + "/explode" if "explode" in entry else "", entry_ptr + "/style" if "style" in entry else "", _FIX_FIELD)
        kinds = _kinds(context, prop)
        if kind == "form" and not any(k in entry for k in _SAYS_HOW) and "object" in kinds:
            yield prop_ptr, _no_encoding(value)
        yield from _table(context, value, kinds)
        yield from _nested(context, value, kinds)


def _no_encoding(value: _Value) -> str:
    """An object form field without an `encoding` entry: the 3.0.4 / 3.1.1 default and the older one differ."""
    return (
        f"{value.where} may be an object and has no `encoding` entry: OpenAPI 3.0.4 and 3.1.1 recommend sending it "
        "as JSON text (its default contentType), earlier versions by style `form`, exploded; the client does the "
        f"latter, its members as top-level pairs without the name `{value.wire}` (`key=…&other=…`); say which with an "
        "`encoding` entry: `style: form` for those pairs, or `contentType: application/json` for the JSON text"
    )


def _table(context: Context, value: _Value, kinds: set[str]) -> Iterator[tuple[str, str]]:
    """The style table's n/a cells for query values (the runtime's `_query_pairs`): explode, then the value's shapes."""
    style, wire = value.style, value.wire
    if style == "deepObject":
        if not value.explode:
            said = "`explode: false`" if value.explode_ptr else "`explode` left at its default, false,"
            yield value.explode_ptr or value.style_ptr or value.ptr, (
                f"{value.where}: OpenAPI leaves `deepObject` with {said} undefined; the client sends "
                f"`{wire}[…]=…`, the bracket form of `explode: true`; say `explode: true`"
            )
        odd = kinds - {"object"}
        if odd:
            deep = "array" in odd and bool(_kinds(context, _items(context, value.schema, value.schema_ptr)) & {"array", "object"})
            array = f"an array as `{wire}[0][…]=…`, brackets to any depth" if deep else f"an array as `{wire}[0]=…&{wire}[1]=…`"
            sent = " and ".join(s for k, s in (("array", array), ("primitive", f"a scalar as `{wire}=…`")) if k in odd)
            yield value.ptr, (
                f"{value.where} may be {_plural(odd, one=True)}, but OpenAPI defines `deepObject` for objects only; "
                f"the client sends {sent}; give it style `form`, or an object schema"
            )
    elif style in _DELIMITED:
        if value.explode_ptr and value.explode:
            yield value.explode_ptr, (
                f"{value.where}: OpenAPI leaves `{style}` with `explode: true` undefined; the client sends "
                f"one pair `{wire}=…{_DELIMITED[style]}…`, as if `explode` were false; remove `explode: true`, or use style `form` for repeated pairs"
            )
        if "primitive" in kinds:
            yield value.ptr, (
                f"{value.where} may be a scalar, but OpenAPI defines `{style}` for arrays and objects only; the client "
                f"sends it as `{wire}=…`; give it style `form`"
            )


def _nested(context: Context, value: _Value, kinds: set[str]) -> Iterator[tuple[str, str]]:
    """Array items and object members that are arrays or objects: OpenAPI defines one level, the client's convention the rest."""
    parts: list[str] = []
    if "array" in kinds and value.style != "deepObject":  # a deepObject array is n/a already (`_table`)
        deep = _kinds(context, _items(context, value.schema, value.schema_ptr)) & {"array", "object"}
        if deep:
            parts.append(f"its items may be {_plural(deep)}, and {_items_sent(value)}")
    if "object" in kinds:
        nested = [(name, found) for name, (member, _) in _members(context, value.schema, value.schema_ptr).items()
                  if (found := _kinds(context, member) & {"array", "object"})]
        if nested:
            names = ", ".join(f"`{name}`" for name, _ in nested[:4]) + (f" and {len(nested) - 4} more" if len(nested) > 4 else "")
            shapes = set().union(*(k for _, k in nested))
            what = f"members {names} may be {_plural(shapes)}" if len(nested) > 1 else f"member {names} may be {_plural(shapes, one=True)}"
            parts.append(f"its {what}, and the client sends {_member_sent(value, nested)}")
    if parts:
        explode = ", exploded" if value.explode else ""
        yield value.ptr, (
            f"{value.where} (style `{value.style}`{explode}) nests values deeper than OpenAPI defines a serialization for: "
            + "; ".join(parts) + f"; {value.fix}"
        )


def _plural(kinds: set[str], one: bool = False) -> str:
    """`arrays or objects`; with `one`, `an array or an object` (a primitive is `a scalar`)."""
    words = [("a scalar" if one else "scalars") if k == "primitive" else (f"an {k}" if one else f"{k}s") for k in sorted(kinds)]
    return " or ".join(words)


def _items_sent(value: _Value) -> str:
    """What the runtime sends for items that are arrays or objects: JSON text, joined the style's way."""
    wire = value.wire
    each = "the client sends each as its compact JSON text"
    if value.location == "query" and value.style == "form" and value.explode:
        return f"{each}, one pair each: `{wire}={{…}}&{wire}={{…}}`"
    if value.location == "query":
        return f"{each}, joined in one pair: `{wire}={{…}}{_DELIMITED.get(value.style, ',')}{{…}}`"
    if value.location == "cookie":
        return f"{each}, one cookie each: `{wire}={{…}}; {wire}={{…}}`" if value.explode else f"{each}: `{wire}={{…}},{{…}}`"
    if value.location == "path" and value.style == "label":
        return f"{each}: `.{{…}}.{{…}}`" if value.explode else f"{each}: `.{{…}},{{…}}`"
    if value.location == "path" and value.style == "matrix":
        return f"{each}: `;{wire}={{…}};{wire}={{…}}`" if value.explode else f"{each}: `;{wire}={{…}},{{…}}`"
    return f"{each}, joined by commas: `{{…}},{{…}}`"


def _member_sent(value: _Value, nested: list[tuple[str, set[str]]]) -> str:
    """How the runtime writes nested members (`_deep`, `_query_pairs`, or JSON text in the style's place), one example per shape."""
    wire = value.wire
    array = next((name for name, shapes in nested if "array" in shapes), "")
    obj = next((name for name, shapes in nested if "object" in shapes), "")
    if value.location == "query" and value.style == "deepObject":
        examples = [f"`{wire}[{array}][0]=…`"] * bool(array) + [f"`{wire}[{obj}][…]=…`"] * bool(obj)
        return f"brackets to any depth ({', '.join(examples)}), the convention Stripe, Rails and PHP read"
    if value.location == "query" and value.style == "form" and value.explode:
        forms = [f"`{array}=…&{array}=…` for an array (one pair per item)"] * bool(array)
        forms += [f"`{obj}={{…}}` for an object (its JSON text)"] * bool(obj)
        return " and ".join(forms) + f", under the member's own name without `{wire}`"
    name = nested[0][0]
    if value.location == "query" and value.style in _DELIMITED:  # explode or not: the runtime joins members
        return f"its JSON text after the member's name: `{wire}=…{name}{_DELIMITED[value.style]}{{…}}…`"
    if value.explode:
        return f"its JSON text as the member's value: `{name}={{…}}`"
    return f"its JSON text after the member's name: `{name},{{…}}`"


def _parts(context: Context, schema: Any, ptr: str) -> Iterator[tuple[dict[str, Any], str]]:
    """`schema` and every schema its `allOf`, `anyOf` and `oneOf` hold (`spec.schema_parts`)."""
    return schema_parts(context.document, schema, ptr)


def _kinds(context: Context, schema: Any) -> set[str]:
    """The shapes a value of `schema` may take, as the runtime tells them apart: primitive, array, object (none when unsaid)."""
    found: set[str] = set()
    for node, _ in _parts(context, schema, ""):
        own = {"primitive" if t not in ("array", "object") else t for t in _types(node) if t != "null"}
        found |= own or ({"array"} if "items" in node else set())
    return found


def _members(context: Context, schema: Any, ptr: str) -> dict[str, tuple[Any, str]]:
    """An object schema's members (`properties`, through `$ref`, `allOf`, `anyOf`, `oneOf`), each with its pointer."""
    found: dict[str, tuple[Any, str]] = {}
    for node, at in _parts(context, schema, ptr):
        props = node.get("properties")
        for name, sub in props.items() if isinstance(props, dict) else ():
            found.setdefault(str(name), (sub, at + pointer("properties", name)))
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            found.setdefault("<key>", (extra, at + "/additionalProperties"))
    return found


def _items(context: Context, schema: Any, ptr: str) -> Any:
    """An array schema's `items` (through `$ref` and the parts of `allOf`, `anyOf`, `oneOf`), or None."""
    return next((node["items"] for node, _ in _parts(context, schema, ptr) if isinstance(node.get("items"), dict)), None)


@rule(
    "multipart-style-version",
    Severity.INFO,
    "A `multipart/form-data` field's `style`, `explode` or `allowReserved` is in an OpenAPI 3.1 document, where they apply.",
)
def multipart_style_version(context: Context) -> Iterator[tuple[str, str]]:
    """Encoding entries of multipart bodies with style keys in a 3.0 document: 3.0 ignores them, the client (as 3.1) honours them."""
    if context.version != "3.0":
        return
    for op in operations(context):
        body, body_ptr = follow(context, op.node.get("requestBody"), op.ptr + "/requestBody")
        content = body.get("content") if isinstance(body, dict) else None
        for media_type, media in (content if isinstance(content, dict) else {}).items():
            encoding = media.get("encoding") if isinstance(media, dict) else None
            if not str(media_type).split(";")[0].strip().lower().startswith("multipart/") or not isinstance(encoding, dict):
                continue
            for name, entry in encoding.items():
                keys = [k for k in STYLE_KEYS if isinstance(entry, dict) and k in entry]
                if keys:
                    yield body_ptr + pointer("content", media_type, "encoding", name, keys[0]), _version_message(str(name), entry)


def _version_message(name: str, entry: dict[str, Any]) -> str:
    """What 3.0 says of a multipart field's style keys, what the client sends, and the fix."""
    keys = ", ".join(f"`{k}`" for k in STYLE_KEYS if k in entry)
    style = str(entry.get("style") or "form")
    brackets = f" (`{name}[key]` for an object member, `{name}[0]` for an array item)" if style == "deepObject" else ""
    return (
        f"`{name}` has {keys}, which OpenAPI 3.0 ignores outside application/x-www-form-urlencoded, so a 3.0 tool sends it by its type "
        f"(an object as one JSON part, an array as one part per item); the client follows 3.1 and sends one text part per "
        f"pair of style `{style}`{brackets}; declare `openapi: 3.1.x` to make that unambiguous, or drop the keys if parts "
        "by type are meant"
    )
