"""What generation reads must have the shape it expects: paths, parameters, wire names, schema keywords.

Each defect is a (JSON pointer, message) pair. `preflight` stops on the first (exit 2) and lint's
`oas3-schema` rule reports them all. The checks are allow-lists over exactly what the generator
reads, in one linear pass, so they stay fast on 10 MB specs (the OpenAPI meta-schema takes 25 s
on GitHub's spec and refuses specs that generate fine).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.reading.load import Document, escape_token, pointer
from generator.reading.spec import HTTP_METHODS, deref

Defect = tuple[str, str]

PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
API_KEY_LOCATIONS = ("header", "query", "cookie")
TYPE_NAMES = ("string", "number", "integer", "boolean", "array", "object", "null")

# The most members one enum may have. datamodel-code-generator (0.89) names enum members in time
# quadratic in their number (EnumFieldNameResolver.get_valid_name copies the set of names taken so
# far for each member): 20,000 members take 6 s there, 100,000 minutes. The largest enum in the
# corpus (Stripe) has 598 members.
MAX_ENUM_MEMBERS = 10_000

# RFC 7230 `token`: what a header (and an RFC 6265 cookie) name may be made of.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*")  # what an HTTP header value may hold (RFC 9110 field-vchar, SP, HTAB)
_TEMPLATE = re.compile(r"\{([^{}]*)\}")

# Spec-level keys whose value is example data (or Example Objects), never structure holding a schema.
_EXAMPLE_KEYS = frozenset({"example", "examples", "value"})

# Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_type(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, str) and v in TYPE_NAMES for v in value)
    return isinstance(value, str) and value in TYPE_NAMES


# keyword -> (accepts the value?, what to write instead). One table for every schema keyword whose
# value the generator or the model generator reads; keywords not listed are not type-checked here.
KEYWORD_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    **{k: ((lambda v: _is_int(v) and v >= 0), "be a non-negative integer, e.g. `10`")
       for k in ("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties", "maxContains", "minContains")},
    **{k: (_is_number, "be a number, e.g. `0`") for k in ("minimum", "maximum")},
    **{k: ((lambda v: _is_number(v) or isinstance(v, bool)), "be a number (OpenAPI 3.1) or true/false (3.0)")
       for k in ("exclusiveMinimum", "exclusiveMaximum")},
    "multipleOf": ((lambda v: _is_number(v) and v > 0), "be a number greater than 0"),
    **{k: ((lambda v: isinstance(v, bool)), "be true or false")
       for k in ("nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems")},
    **{k: ((lambda v: isinstance(v, str)), "be a string")
       for k in ("pattern", "format", "$ref", "contentMediaType", "contentEncoding")},
    "type": (_is_type, f"name a type ({', '.join(TYPE_NAMES)}) or list them (`[string, \"null\"]`)"),
    "required": ((lambda v: isinstance(v, list) and all(isinstance(n, str) for n in v)),
                 "be a list of property names, e.g. `[id, name]` (a property is made required in its object's `required`)"),
    "enum": ((lambda v: isinstance(v, list)), "be a list of the allowed values"),
    "x-enum-varnames": ((lambda v: isinstance(v, list) and all(isinstance(n, str) for n in v)),
                        "be a list of member names, one per `enum` value"),
    **{k: ((lambda v: isinstance(v, dict)), "be a mapping of names to schemas") for k in _MAP},
    **{k: ((lambda v: isinstance(v, list) and bool(v)), "be a non-empty list of schemas") for k in ("allOf", "anyOf", "oneOf")},
    "prefixItems": ((lambda v: isinstance(v, list)), "be a list of schemas"),
    **{k: ((lambda v: isinstance(v, (dict, bool))), "be a schema (a mapping, or true/false)") for k in _ONE},
    "discriminator": ((lambda v: isinstance(v, dict) and isinstance(v.get("propertyName"), str)),
                      "be a mapping with a `propertyName` string"),
}


def defects(document: Document) -> Iterator[Defect]:
    """Every shape defect that would make generation fail, guess or build a wrong client, in a stable order."""
    yield from _path_keys(document)
    yield from _objects(document)
    yield from _templates(document)
    yield from _schemas(document)


def _path_keys(document: Document) -> Iterator[Defect]:
    """A path is appended to the server URL: without a leading `/` it could change the host."""
    paths = document.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path in paths:
        if not (isinstance(path, str) and path.startswith(("/", "x-"))):
            yield pointer("paths", path), (
                f"path {str(path)!r} does not start with `/`; write it as '/{str(path).lstrip('/')}' "
                "(a path is appended to the server URL, so anything else could change the host)")


# OpenAPI object -> field -> what its value must be: another object kind (a `$ref` to one is
# followed), ("map", kind) a mapping of names to that kind, ("list", kind), or a JSON type
# ("string", "any"). Only what the generator reads; schemas are checked by KEYWORD_TYPES instead.
OBJECTS: dict[str, dict[str, Any]] = {
    "document": {"servers": ("list", "server"), "paths": ("map", "pathItem"), "components": "components",
                 "security": ("list", "requirement"), "tags": ("list", "tag")},
    "components": {"parameters": ("map", "parameter"), "responses": ("map", "response"), "requestBodies": ("map", "requestBody"),
                   "headers": ("map", "header"), "examples": ("map", "example"), "securitySchemes": ("map", "securityScheme"),
                   "schemas": ("map", "any")},
    "pathItem": {**{method: "operation" for method in HTTP_METHODS}, "parameters": ("list", "parameter"), "servers": ("list", "server")},
    "operation": {"tags": ("list", "any"), "operationId": "string", "parameters": ("list", "parameter"), "requestBody": "requestBody",
                  "responses": ("map", "response"), "security": ("list", "requirement"), "servers": ("list", "server")},
    "parameter": {"content": ("map", "mediaType"), "examples": ("map", "example")},
    "requestBody": {"content": ("map", "mediaType")},
    "response": {"content": ("map", "mediaType"), "headers": ("map", "header")},
    "header": {"content": ("map", "mediaType"), "examples": ("map", "example")},
    "mediaType": {"examples": ("map", "example"), "encoding": ("map", "encoding")},
    "encoding": {"headers": ("map", "header")},
    "example": {},
    "server": {"url": "string", "variables": ("map", "serverVariable")},
    "serverVariable": {"enum": ("list", "any")},
    "tag": {"name": "string"},
    "securityScheme": {"type": "string"},
    "requirement": {},
}
# Maps whose `x-` keys are extensions, not entries: the Paths and Responses Objects.
_EXTENSIBLE_MAPS = ("pathItem", "response")
_NOUNS = {"pathItem": "Path Item", "requestBody": "Request Body", "mediaType": "Media Type", "securityScheme": "Security Scheme",
          "serverVariable": "Server Variable", "requirement": "Security Requirement"}


def _noun(kind: str) -> str:
    """`response` -> `Response Object`, as the OpenAPI specification names it."""
    return _NOUNS.get(kind, kind.capitalize()) + " Object"


def _objects(document: Document) -> Iterator[Defect]:
    """Every OpenAPI object the generator reads has the JSON type it must have; each `$ref` target is checked once."""
    seen: set[str] = set()
    stack: list[tuple[str, Any, str]] = [("document", document.data, "")]
    while stack:
        kind, node, ptr = stack.pop()
        if kind != "document":
            node, ptr = deref(document, node, ptr)
            if ptr in seen:
                continue
            seen.add(ptr)
        if not isinstance(node, dict):
            noun = _noun(kind)
            yield ptr, f"this must be {'an' if noun[0] in 'AEIOU' else 'a'} {noun} (a mapping), not {_shown(node)}"
            continue
        problem = _special_defect(kind, node, ptr)
        if problem is not None:
            yield problem
            continue
        children: list[tuple[str, Any, str]] = []
        for key, expected in OBJECTS[kind].items():
            if key in node:
                found, more = _field_defect(key, node[key], expected, f"{ptr}/{escape_token(key)}")
                yield from found
                children.extend(more)
        stack.extend(reversed(children))


def _field_defect(key: str, value: Any, expected: Any, ptr: str) -> tuple[list[Defect], list[tuple[str, Any, str]]]:
    """The defect of one field's value, or the objects inside it to check next."""
    if expected == "any":
        return [], []
    if expected == "string":
        return ([] if isinstance(value, str) else [(ptr, f"`{key}` must be a string, not {_shown(value)}")]), []
    if isinstance(expected, str):
        return [], [(expected, value, ptr)]
    shape, kind = expected
    if shape == "map":
        if not isinstance(value, dict):
            return [(ptr, f"`{key}` must be a mapping of names to {_noun(kind)}s, not {_shown(value)}")], []
        if kind == "mediaType":  # the key goes on the wire as a Content-Type or Accept header
            said = "holds a character no HTTP header may (a line break, a control character or non-ASCII); write it as `type/subtype`"
            bad = [(f"{ptr}/{escape_token(str(name))}", f"media type {json.dumps(name)} {said}")
                   for name in value if not _HEADER_TEXT.fullmatch(str(name))]
            if bad:
                return bad, []
        return [], ([] if kind == "any" else [
            (kind, item, f"{ptr}/{escape_token(str(name))}") for name, item in value.items()
            if not (kind in _EXTENSIBLE_MAPS and str(name).startswith("x-"))
        ])
    if not isinstance(value, list):
        return [(ptr, f"`{key}` must be a list (`- ...` entries), not a mapping or a single value: {_shown(value)}")], []
    return [], ([] if kind == "any" else [(kind, item, f"{ptr}/{index}") for index, item in enumerate(value)])


def _special_defect(kind: str, node: dict[str, Any], ptr: str) -> Defect | None:
    """The checks of a parameter and a security scheme beyond their fields' types."""
    if kind == "parameter":
        return _parameter_defect(node, ptr)
    if kind == "securityScheme" and node.get("type") == "apiKey":
        return _api_key_defect(node, ptr)
    return None


def _templates(document: Document) -> Iterator[Defect]:
    """Every `{name}` in a path is a path parameter of each of its operations, or the URL keeps the braces."""
    paths = document.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, raw_item in paths.items():
        if str(path).startswith("x-"):
            continue  # an extension of the Paths Object, not a path
        item, item_ptr = deref(document, raw_item, pointer("paths", path))
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            op_ptr = item_ptr + pointer(method)
            declared = _path_parameters(document, item, item_ptr) | _path_parameters(document, op, op_ptr)
            for name in dict.fromkeys(_TEMPLATE.findall(str(path))):
                if name not in declared:
                    yield op_ptr, (
                        f"path {path!r} has the template `{{{name}}}` but {method.upper()} declares no path parameter "
                        f"{name!r}; add `{{name: {name or '<name>'}, in: path, required: true, schema: {{type: string}}}}` to its `parameters`")


def _path_parameters(document: Document, owner: dict[str, Any], owner_ptr: str) -> set[str]:
    """The names of the `in: path` parameters a path item or operation lists."""
    raw = owner.get("parameters")
    names: set[str] = set()
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        param, _ptr = deref(document, entry, f"{owner_ptr}/parameters/{index}")
        if isinstance(param, dict) and param.get("in") == "path":
            names.add(str(param.get("name")))
    return names


def _parameter_defect(param: dict[str, Any], ptr: str) -> Defect | None:
    """What is wrong with one (followed) Parameter Object, if anything."""
    name, where = param.get("name"), param.get("in")
    if not isinstance(name, str) or not name:
        return ptr + ("/name" if "name" in param else ""), "a parameter needs a `name` (a non-empty string)"
    if where not in PARAMETER_LOCATIONS:
        if "in" not in param:
            return ptr, f"parameter {name!r} has no `in`; add `in:` with one of {', '.join(PARAMETER_LOCATIONS)}"
        hint = " (`in: body` and `formData` are Swagger 2.0: use `requestBody`)" if where in ("body", "formData") else ""
        return ptr + "/in", f"parameter {name!r} has `in: {where}`; use one of {', '.join(PARAMETER_LOCATIONS)}{hint}"
    return _wire_name_defect(name, where, ptr + "/name")


def _wire_name_defect(name: str, where: str, ptr: str) -> Defect | None:
    """A header or cookie name must be an RFC 7230 token, or every request would be malformed (query and
    path names are percent-encoded, so any text is safe there)."""
    if where not in ("header", "cookie") or _TOKEN.fullmatch(name):
        return None
    return ptr, (
        f"{where} name {json.dumps(name)} is not a valid {where} name; use letters, digits and "
        "!#$%&'*+-.^_`|~ only (no spaces, `:`, control characters or non-ASCII)")


def _api_key_defect(node: dict[str, Any], ptr: str) -> Defect | None:
    """An apiKey scheme names where its credential goes; that name goes on the wire."""
    where, name = node.get("in"), node.get("name")
    if where not in API_KEY_LOCATIONS:
        return ptr + ("/in" if "in" in node else ""), f"an apiKey scheme needs `in:` with one of {', '.join(API_KEY_LOCATIONS)}"
    if not isinstance(name, str) or not name:
        return ptr + ("/name" if "name" in node else ""), f"an apiKey scheme needs a `name` (the {where} that carries the key)"
    return _wire_name_defect(name, where, ptr + "/name")


def _schemas(document: Document) -> Iterator[Defect]:
    """Every schema of the document (components, parameters, bodies, headers), checked keyword by keyword."""
    for ptr, schema in _schema_nodes(document):
        yield from _schema_defects(schema, ptr)


def _schema_nodes(document: Document) -> Iterator[tuple[str, Any]]:
    """(pointer, node) of every schema once, depth-first in document order, without recursion; a `$ref`
    is followed, so a schema kept where no schema is expected (`x-defs`) is checked too."""
    seen: set[str] = set()
    stack: list[tuple[str, Any, bool]] = [("", document.data, False)]
    while stack:
        ptr, node, is_schema = stack.pop()
        if is_schema:
            if ptr in seen:
                continue
            seen.add(ptr)
            yield ptr, node
            stack.extend(reversed(list(_subschemas(node, ptr))))
            target = node.get("$ref") if isinstance(node, dict) else None
            if isinstance(target, str) and target.startswith("#"):
                try:
                    stack.append((target[1:], document.resolve(target), True))
                except (KeyError, IndexError, ValueError, TypeError):
                    pass  # preflight reports unresolved references before the shape check
        elif isinstance(node, dict):
            children = [(f"{ptr}/{escape_token(str(k))}", v, _holds_schema(ptr, str(k))) for k, v in node.items() if _is_structure(ptr, str(k))]
            stack.extend(reversed([c for c in children if c[2] or isinstance(c[1], (dict, list))]))
        elif isinstance(node, list):
            stack.extend(reversed([(f"{ptr}/{i}", v, False) for i, v in enumerate(node) if isinstance(v, (dict, list))]))


def _is_structure(parent: str, key: str) -> bool:
    """Whether the spec-level value under `key` may hold schemas: not an extension, not example data.

    Under `paths` and the `components` maps a key is a name the author chose, so `example` is one too.
    """
    if key.startswith("x-"):
        return False
    return key not in _EXAMPLE_KEYS or parent == "/paths" or parent.rsplit("/", 1)[0] == "/components"


def _holds_schema(parent: str, key: str) -> bool:
    """Whether the spec-level value under `key` is a schema (a map of schemas is walked as structure)."""
    return key == "schema" or parent == "/components/schemas"


def _subschemas(schema: Any, ptr: str) -> Iterator[tuple[str, Any, bool]]:
    """The schemas directly inside `schema`, as walk entries."""
    if not isinstance(schema, dict):
        return
    for key in _ONE:
        value = schema.get(key)
        if isinstance(value, dict):
            yield f"{ptr}/{key}", value, True
    for key in _MANY:
        values = schema.get(key)
        for index, value in enumerate(values if isinstance(values, list) else []):
            yield f"{ptr}/{key}/{index}", value, True
    for key in _MAP:
        members = schema.get(key)
        for name, value in (members.items() if isinstance(members, dict) else []):
            yield f"{ptr}/{key}/{escape_token(str(name))}", value, True


def _schema_defects(schema: Any, ptr: str) -> Iterator[Defect]:
    """The keywords of one schema whose values have the wrong JSON type; enum members Python would merge."""
    if isinstance(schema, bool) or schema is None:  # the generator reads null as the empty schema
        return
    if not isinstance(schema, dict):
        yield ptr, f"a schema must be a mapping (e.g. `{{type: string}}`), not {json.dumps(schema)[:60]}"
        return
    for key, value in schema.items():
        accepted = KEYWORD_TYPES.get(key)
        if accepted is not None and value is not None and not accepted[0](value):  # left empty: as if absent
            yield f"{ptr}/{escape_token(key)}", f"`{key}` must {accepted[1]}, not {_shown(value)}{_type_hint(key, value)}"
    enum = schema.get("enum")
    if isinstance(enum, list) and len(enum) > MAX_ENUM_MEMBERS:
        yield ptr + "/enum", (
            f"`enum` has {len(enum):,} members; Trunkline generates at most {MAX_ENUM_MEMBERS:,} per enum "
            "(make the schema a plain `type: string` and document the values elsewhere)")
    elif isinstance(enum, list):
        yield from _enum_defects(enum, ptr + "/enum")


def _enum_defects(enum: list[Any], ptr: str) -> Iterator[Defect]:
    """Members that are different JSON values but one Python value (`true` and `1`, `1` and `1.0`) would merge."""
    first: dict[Any, int] = {}
    for index, member in enumerate(enum):
        if not isinstance(member, (bool, int, float)):
            continue
        seen = first.setdefault(member, index)
        earlier = enum[seen]
        if seen != index and type(earlier) is not type(member):
            yield f"{ptr}/{index}", (
                f"enum members {seen} ({json.dumps(earlier)}) and {index} ({json.dumps(member)}) are one Python value, so the "
                "generated enum would merge them; remove one, or write the values as strings if both are meant")


def _type_hint(key: str, value: Any) -> str:
    """The two common wrong `type`s: Swagger 2.0's `file`, and a schema written where its type goes."""
    if key == "type" and value == "file":
        return " (Swagger 2.0's `file` is `type: string, format: binary` in OpenAPI 3)"
    if key == "type" and isinstance(value, dict):
        return "; a schema goes under `properties` or `items`"
    return ""


def _shown(value: Any) -> str:
    """A short JSON rendering of a wrong value for a message."""
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
