"""Read parameters and form or multipart bodies off the wire, as the OpenAPI style table writes them.

The inverse of the generated runtime's serializer, written from the specification's tables (path
`simple`/`label`/`matrix`, query `form`/`spaceDelimited`/`pipeDelimited`/`deepObject`, header
`simple`, cookie `form`) and the bracket convention for nested deepObject values (`a[b][0]=v`).
Values come out as text in lists and dicts; `typed` then reads each leaf as its schema says.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote

from generator.mock.coerce import declared_types, scalar, schema_at
from generator.mock.model import FieldEncoding, ParamSpec
from generator.mock.schemas import SchemaChecker
from generator.reading.load import Document
from generator.reading.spec import follow, resolve

_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
MAX_DEPTH = 32  # bracket nesting read from one key; deeper keys are kept as sent
Raw = Any  # str, list of Raw, or dict of str -> Raw


# -- parameters ---------------------------------------------------------------------------------
def parameter(
    document: Document, param: ParamSpec, query: dict[str, list[str]], raw: str | None, others: set[str]
) -> Raw | None:
    """The value of one parameter as text in lists and dicts; None when it was not sent.

    `raw` is the path, header or cookie text (path text still percent-encoded); `query` the decoded
    query; `others` the names of the operation's other query parameters (not an exploded object's).
    """
    kind = _kind(document, param.schema_ptr)
    if param.location == "query":
        return _query(document, param, kind, query, others)
    if raw is None:
        return None
    if param.json_content:
        return unquote(raw) if param.location == "path" else raw
    if param.location == "path":
        return _path(param, kind, raw)
    return _simple(kind, param.explode, raw, decode=param.location == "cookie")


def _kind(document: Document, schema_ptr: str | None) -> str:
    """`array`, `object` or `primitive`: the first structured type the schema allows."""
    types = declared_types(document, schema_at(document, schema_ptr))
    return next((t for t in types if t in ("array", "object")), "primitive")


def _query(document: Document, param: ParamSpec, kind: str, query: dict[str, list[str]], others: set[str]) -> Raw | None:
    name = param.name
    if param.json_content:
        return query[name][0] if name in query else None
    if param.style == "deepObject":
        tree: dict[str, Raw] = {}
        for key, texts in query.items():
            if key.startswith(name + "["):
                path = _bracket_path(key[len(name):])
                if path is not None:
                    for text in texts:
                        _insert(tree, path, text)
        return tree or None
    if kind == "object" and param.explode and param.style == "form":
        properties = _property_names(document, param.schema_ptr)
        wanted = [k for k, v in query.items() if v and (k in properties if properties is not None else k not in others)]
        found: dict[str, Raw] = {
            k: _member(document, param.schema_ptr, k, query[k] if len(query[k]) > 1 else query[k][0]) for k in wanted
        }
        return found or None
    texts = query.get(name) or []
    if not texts:
        return None
    if kind == "array":
        if param.explode:
            return list(texts) if len(texts) > 1 else texts[0]  # one value: `typed` reads it as an item or as itself
        return _split(texts[0], _DELIMITERS.get(param.style, ","))
    if kind == "object":
        return _pairs(_split(texts[0], _DELIMITERS.get(param.style, ",")))
    return texts[0]


def _member(document: Document, schema_ptr: str | None, key: str, value: Raw, nested: bool = True) -> Raw:
    """One member of a form-exploded object (`nested`) or a form body field: JSON text read as JSON where the runtime writes it so.

    OpenAPI defines `R=100&G=200` and `t=a&t=b` for primitive values only; the runtime writes an
    array's object items, and a member of an exploded object that is itself an object, as compact
    JSON text (Telnyx's `CustomHeaders` form field, its `filter` query object's `name`), so the
    mock reads them back that way. A form body's own object field goes as member pairs or
    brackets, never JSON: not read as JSON. Text that is not JSON stays text.
    """
    if isinstance(value, dict) or isinstance(value, list) and not all(isinstance(v, str) for v in value):
        return value
    member_ptr = child_pointer(document, schema_ptr, key) if schema_ptr else None
    kind = _kind(document, member_ptr)
    if kind == "array" and member_ptr is not None:
        if _kind(document, child_pointer(document, member_ptr, None)) == "object":
            items = value if isinstance(value, list) else [value]
            return [_json_or_text(v) if isinstance(v, str) else v for v in items]
        return value
    if kind == "object" and nested and isinstance(value, str):
        return _json_or_text(value)
    return value


def _path(param: ParamSpec, kind: str, raw: str) -> Raw:
    """A path value by its style; each piece percent-decoded after the style's delimiters are split off."""
    text, explode = raw, param.explode
    if param.style == "label":
        text = text.removeprefix(".")
        return _simple(kind, explode, text, decode=True, delimiter="." if explode else ",")
    if param.style == "matrix":
        items = [piece for piece in text.split(";") if piece]
        if kind == "object" and explode:
            return _pairs([part for piece in items for part in piece.split("=", 1)], decode=True)
        values = [piece.split("=", 1)[1] if "=" in piece else "" for piece in items]
        if kind == "array" and explode:
            return [unquote(v) for v in values]
        return _simple(kind, False, values[0] if values else "", decode=True)
    return _simple(kind, explode, text, decode=True)


def _simple(kind: str, explode: bool, text: str, decode: bool, delimiter: str = ",") -> Raw:
    """`simple` (and `form` cookies): `a,b`, `k,v,k,v` or, exploded, `k=v,k=v`."""
    if kind == "array":
        return _split(text, delimiter, decode)
    if kind == "object":
        pieces = _split(text, delimiter, decode=False)
        if explode:
            pieces = [part for piece in pieces for part in piece.split("=", 1)]
        return _pairs(pieces, decode)
    return unquote(text) if decode else text


def _split(text: str, delimiter: str, decode: bool = False) -> list[str]:
    pieces = text.split(delimiter) if text else []
    return [unquote(p) for p in pieces] if decode else pieces


def _pairs(pieces: list[str], decode: bool = False) -> dict[str, str]:
    """`k,v,k,v` as a dict; an odd piece out is a key with an empty value."""
    pieces = [unquote(p) for p in pieces] if decode else pieces
    return {pieces[i]: pieces[i + 1] if i + 1 < len(pieces) else "" for i in range(0, len(pieces), 2)}


def _property_names(document: Document, schema_ptr: str | None) -> set[str] | None:
    """The declared property names of an object schema; None when it takes others too."""
    schema = schema_at(document, schema_ptr)
    properties = schema.get("properties")
    names = set(properties) if isinstance(properties, dict) else set()
    extra = schema.get("additionalProperties", True)
    return None if extra not in (False, None) and not names else names


def _bracket_path(rest: str) -> list[str] | None:
    """`[b][0]` as ["b", "0"]; None when the rest is not brackets only (or nests too deep)."""
    keys = _BRACKETS.findall(rest)
    if "".join(f"[{k}]" for k in keys) != rest or len(keys) > MAX_DEPTH:
        return None
    return keys


def _insert(tree: dict[str, Raw], path: list[str], text: str) -> None:
    """Put `text` at `path` in `tree`; `a[]=x` appends, a repeated leaf becomes a list."""
    node: Any = tree
    for index, key in enumerate(path):
        last = index == len(path) - 1
        if key == "" and isinstance(node, dict):
            key = str(len(node))  # `a[]=x&a[]=y`: items 0, 1, ...
        if not isinstance(node, dict):
            return  # a leaf already holds text here: keep what came first
        if last:
            if key in node:
                held = node[key]
                node[key] = [*held, text] if isinstance(held, list) else [held, text]
            else:
                node[key] = text
        else:
            node = node.setdefault(key, {})


# -- bodies -------------------------------------------------------------------------------------
def form_body(document: Document, schema_ptr: str | None, raw: bytes, encoding: dict[str, FieldEncoding]) -> dict[str, Raw]:
    """An `application/x-www-form-urlencoded` body as an object of text; `a[b][0]=v` keys read as nesting."""
    properties = _property_names(document, schema_ptr)
    tree: dict[str, Raw] = {}
    for key, text in parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True):
        _form_pair(document, schema_ptr, properties, encoding, tree, key, text)
    return {key: _member(document, schema_ptr, key, value, nested=False) for key, value in tree.items()}


def _form_pair(
    document: Document, schema_ptr: str | None, properties: set[str] | None,
    encoding: dict[str, FieldEncoding], tree: dict[str, Raw], key: str, text: str,
) -> None:
    """Put one form pair into `tree` by its field's encoding: brackets nest, repeats gather, delimiters split."""
    enc = encoding.get(key, FieldEncoding())
    base, sep, rest = key.partition("[")
    path = _bracket_path(sep + rest) if sep and (properties is None or key not in properties) else None
    if path is not None and (properties is None or base in properties):
        _insert(tree, [base, *path], text)
    elif enc.content_type and _is_json(enc.content_type):
        tree[key] = _json_or_text(text)
    elif key in tree:
        held = tree[key]
        tree[key] = [*held, text] if isinstance(held, list) else [held, text]
    elif key in encoding and not enc.explode:
        kind = _kind(document, child_pointer(document, schema_ptr, key) if schema_ptr else None)
        pieces = _split(text, _DELIMITERS.get(enc.style, ","))
        tree[key] = pieces if kind == "array" else _pairs(pieces) if kind == "object" else text
    else:
        tree[key] = text


def multipart_body(
    document: Document, schema_ptr: str | None, raw: bytes, content_type: str, encoding: dict[str, FieldEncoding]
) -> dict[str, Any]:
    """A `multipart/form-data` body as an object: file parts as text (Latin-1), JSON parts parsed.

    A text part of a field whose `encoding` names a style is one form pair of that style
    (`file_link_data[create]`, `expand[0]`), read as a form body reads it; see model._field_encoding.
    """
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
    styled = {name: enc for name, enc in encoding.items() if enc.style}
    properties = _property_names(document, schema_ptr)
    found: dict[str, Any] = {}
    for part in message.iter_parts() if message.is_multipart() else ():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        if part.get_filename() is None and name.partition("[")[0] in styled:
            text = content.decode(part.get_content_charset() or "utf-8", "replace")
            _form_pair(document, schema_ptr, properties, styled, found, name, text)
            continue
        value: Any
        if part.get_filename() is None and _is_json(part.get_content_type()):
            value = _json_or_text(content.decode("utf-8", "replace"))
        elif part.get_filename() is None:
            value = content.decode(part.get_content_charset() or "utf-8", "replace")
        else:
            value = content.decode("latin-1")  # a file: its bytes, one character each
        if name in found:
            held = found[name]
            found[name] = [*held, value] if isinstance(held, list) else [held, value]
        else:
            found[name] = value
    return found


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return kind.endswith(("/json", "+json"))


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


# -- typing the text ----------------------------------------------------------------------------
def typed(checker: SchemaChecker, schema_ptr: str | None, value: Raw, depth: int = 0) -> Any:
    """`value` with each text leaf read as its schema says (integers, booleans...), following properties and items."""
    if depth > MAX_DEPTH or schema_ptr is None:
        return value
    document = checker.document
    types = declared_types(document, schema_at(document, schema_ptr))
    if isinstance(value, dict):
        if "array" in types and "object" not in types and all(k.isascii() and k.isdigit() and len(k) < 10 for k in value):
            items = [value[k] for k in sorted(value, key=int)]  # `a[0]=x&a[1]=y`: an array by index
            return typed(checker, schema_ptr, items, depth)
        return {k: typed(checker, child_pointer(document, schema_ptr, k), v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        if "array" not in types and value:
            return typed(checker, schema_ptr, value[0], depth)
        item_ptr = child_pointer(document, schema_ptr, None)
        return [typed(checker, item_ptr, v, depth + 1) for v in value]
    if isinstance(value, str):
        alone = [typed(checker, child_pointer(document, schema_ptr, None), value, depth + 1)] if "array" in types else None
        if alone is not None and types[:1] == ["array"]:
            return alone
        read = scalar(checker, schema_ptr, schema_at(document, schema_ptr), value)
        return alone if alone is not None and not checker.valid(schema_ptr, read) else read
    return value


def child_pointer(document: Document, schema_ptr: str, key: str | None, depth: int = 0) -> str | None:
    """Pointer of property `key` (or of the items, for None) of the schema, looked for through its branches too."""
    ptr = _resolved(document, schema_ptr)
    schema = schema_at(document, ptr)
    if ptr is None or depth > 8:
        return None
    if key is None and isinstance(schema.get("items"), dict):
        return ptr + "/items"
    properties = schema.get("properties")
    if key is not None and isinstance(properties, dict) and key in properties:
        return ptr + "/properties/" + key.replace("~", "~0").replace("/", "~1")
    for combinator in ("allOf", "anyOf", "oneOf"):
        branches = schema.get(combinator)
        for index, _branch in enumerate(branches if isinstance(branches, list) else []):
            found = child_pointer(document, f"{ptr}/{combinator}/{index}", key, depth + 1)
            if found is not None:
                return found
    if key is not None and isinstance(schema.get("additionalProperties"), dict):
        return ptr + "/additionalProperties"
    return None


def _resolved(document: Document, schema_ptr: str) -> str | None:
    """The pointer of the schema a `$ref` chain at `schema_ptr` ends at (the walker's `follow`)."""
    target = resolve(document, "#" + schema_ptr)
    if target is None:
        return None
    node, ptr = follow(document, *target)
    return ptr if node is not None else None
