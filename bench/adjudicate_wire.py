"""Read a captured request back by its spec and check every value passed is on the wire as passed.

The conformance harness checks arrival on openapi-core's reading of a request, which does not
exist when openapi-core refuses it. This reader stands in for it there. It is written from the
OpenAPI style table, not from the runtime: a parameter or form field is read by its `style` and
`explode` (the specification's defaults where absent), the shape of the value passed (primitive,
array, object) telling which row applies; multipart parts by name (bracketed names as nested
members); JSON bodies and `content` parameters as JSON. Where OpenAPI defines no form (an object
inside a form-exploded object, an array of objects in a form body) a member sent as JSON text is
read as JSON. What it cannot read it says so (`unchecked: ...`) rather than guessing.

Wire values are text; a value passed matches its text as a form reader casts it: `7` is `"7"`,
`True` is `"true"`, bytes are the part's bytes.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, unquote_plus

import httpx

DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


class Unchecked(Exception):
    """This reader cannot tell whether a value arrived."""


# -- comparing ------------------------------------------------------------------------------------
def _as_json(got: Any) -> Any:
    """A text that is JSON, read as JSON (undefined nested shapes go as JSON text); anything else as it is."""
    if isinstance(got, bytes):
        got = got.decode("utf-8", "replace")
    if isinstance(got, str):
        try:
            return json.loads(got)
        except ValueError:
            return got
    return got


def same(expected: Any, got: Any, where: str, typed: bool = False) -> str:
    """'' when `got` (wire text, or JSON values) holds `expected`; else where they differ.

    `typed`: `got` is JSON, where `7` and `"7"` differ; wire text is compared as a form reader casts it.
    """
    if isinstance(expected, dict):
        got = got if isinstance(got, dict) or typed else _as_json(got)
        if not isinstance(got, dict):
            return f"{where}: sent {expected!r}, arrived {got!r}"[:300]
        for key, value in expected.items():
            if key not in got:
                if value in ({}, []):
                    continue  # an empty object or array puts nothing on the wire (RFC 6570, 2.3)
                return f"{where}[{key!r}] did not arrive (arrived {sorted(got)!r})"[:300]
            problem = same(value, got[key], f"{where}[{key!r}]", typed)
            if problem:
                return problem
        return ""
    if isinstance(expected, list):
        got = got if isinstance(got, list) or typed else _as_json(got)
        if not isinstance(got, list) or len(got) != len(expected):
            return f"{where}: sent {expected!r}, arrived {got!r}"[:300]
        return next((p for i, (e, g) in enumerate(zip(expected, got, strict=True)) if (p := same(e, g, f"{where}[{i}]", typed))), "")
    return "" if _leaf_equal(expected, got, typed) else f"{where}: sent {expected!r}, arrived {got!r}"[:300]


def _leaf_equal(expected: Any, got: Any, typed: bool = False) -> bool:
    """Whether one wire value is the primitive passed (of the same JSON type, when `typed`)."""
    if typed and not isinstance(expected, bytes):
        return type(got) is type(expected) and got == expected or (
            isinstance(expected, int | float) and not isinstance(expected, bool)
            and isinstance(got, int | float) and not isinstance(got, bool) and got == expected)
    if isinstance(expected, bytes):
        return got == expected or isinstance(got, str) and got.encode("utf-8", "surrogateescape") == expected
    if isinstance(got, bytes):
        got = got.decode("utf-8", "replace")
    if isinstance(expected, bool):
        return got is expected or got == ("true" if expected else "false")
    if expected is None:
        return got in (None, "", "null")
    if isinstance(expected, int | float):
        if isinstance(got, bool):
            return False
        try:
            return float(got) == float(expected)
        except (TypeError, ValueError):
            return False
    return isinstance(got, str) and got == str(expected)


# -- reading styled values ------------------------------------------------------------------------------
def _split(raw: str, delimiter: str) -> list[str]:
    """A raw (still percent-encoded) text split at `delimiter`, pieces left encoded."""
    if delimiter == " ":
        return re.split(r"%20|\+| ", raw)
    if delimiter == "|":
        return re.split(r"%7[Cc]|\|", raw)
    return raw.split(delimiter)


def _pairs_to_object(pieces: list[str]) -> dict[str, str]:
    """`k,v,k,v` pieces as an object."""
    if len(pieces) % 2:
        raise Unchecked(f"an odd number of object pieces: {pieces!r}"[:200])
    return dict(zip(pieces[::2], pieces[1::2], strict=True))


def _assignments(pieces: list[str]) -> dict[str, str]:
    """Encoded `k=v` pieces as a decoded object."""
    return {unquote(k): unquote(v) for k, _, v in (piece.partition("=") for piece in pieces)}


def read_simple(raw: str, expected: Any, explode: bool, delimiter: str = ",") -> Any:
    """A `simple` (or delimited) value: `a,b` for arrays, `k,v,k,v` or (exploded) `k=v,k=v` for objects."""
    if isinstance(expected, list):
        return [unquote(p) for p in _split(raw, delimiter)] if raw else []
    if isinstance(expected, dict):
        pieces = _split(raw, delimiter)
        return _assignments(pieces) if explode else _pairs_to_object([unquote(p) for p in pieces])
    return unquote(raw)


def read_path(raw: str, name: str, style: str, explode: bool, expected: Any) -> Any:
    """A path parameter's raw text read by its style: simple, label (`.a.b`) or matrix (`;x=a,b`)."""
    if style == "simple":
        return read_simple(raw, expected, explode)
    if style == "label":
        if not raw.startswith("."):
            raise Unchecked(f"label value {raw!r} does not start with '.'")
        return read_simple(raw[1:], expected, explode, "." if explode else ",")
    if style == "matrix":
        pieces = raw.split(";")[1:]
        if isinstance(expected, dict) and explode:
            return _assignments(pieces)
        if isinstance(expected, list) and explode:
            return [unquote(v) for k, _, v in (p.partition("=") for p in pieces) if k == name]
        if len(pieces) != 1 or pieces[0].partition("=")[0] != name:
            return {} if isinstance(expected, dict) else None
        return read_simple(pieces[0].partition("=")[2], expected, False)
    raise Unchecked(f"path style {style!r}")


def raw_pairs(text: str) -> list[tuple[str, str]]:
    """The `key=value` pairs of a query or form body: keys decoded, values still encoded."""
    return [(unquote_plus(k), v) for k, _, v in (p.partition("=") for p in text.split("&") if p)]


def _tokens(key: str) -> list[str]:
    """`a[b][0]` as ['a', 'b', '0']."""
    head, _, rest = key.partition("[")
    return [head, *re.findall(r"([^\[\]]*)\]", "[" + rest)] if rest else [head]


def _nest(pairs: list[tuple[list[str], Any]]) -> Any:
    """Bracket paths and their values as nested objects; members keyed `0, 1, ...` or `` become lists."""
    root: dict[str, Any] = {}
    for tokens, value in pairs:
        node = root
        for token in tokens[:-1]:
            node = node.setdefault(token, {})
            if not isinstance(node, dict):
                raise Unchecked(f"a value and members under one name: {tokens!r}")
        last = tokens[-1]
        if last == "":
            node.setdefault("", []).append(value)
        else:
            node[last] = value
    return _listed(root)


def _listed(node: Any) -> Any:
    """Objects whose keys are 0..n-1 (or the one key ``) as lists, all the way down."""
    if not isinstance(node, dict):
        return node
    node = {k: _listed(v) for k, v in node.items()}
    if list(node) == [""]:
        return node[""]
    if node and all(k.isdigit() for k in node) and sorted(map(int, node)) == list(range(len(node))):
        return [node[str(i)] for i in range(len(node))]
    return node


def read_pairs(pairs: list[tuple[str, str]], name: str, style: str, explode: bool, expected: Any) -> tuple[bool, Any]:
    """A query parameter or form field from the request's pairs: (present, value read)."""
    if style == "deepObject" and isinstance(expected, list | dict):  # a primitive has no members: a plain pair
        members = [(_tokens(k)[1:], unquote_plus(v)) for k, v in pairs if k.startswith(name + "[")]
        return bool(members), _nest(members) if members else None
    if style not in DELIMITERS and style != "deepObject":
        raise Unchecked(f"style {style!r}")
    if explode and isinstance(expected, dict):
        found = {k: [unquote_plus(v) for key, v in pairs if key == k] for k in expected}  # each member its own pair
        present = {k: (v[0] if len(v) == 1 and not isinstance(expected[k], list) else v) for k, v in found.items() if v}
        return bool(present), present
    values = [v for k, v in pairs if k == name]
    if not values:
        return False, None
    if explode and isinstance(expected, list):
        return True, [unquote_plus(v) for v in values]
    if len(values) > 1:
        return True, [unquote_plus(v) for v in values]
    if isinstance(expected, list | dict):
        return True, read_simple(values[0].replace("+", "%20"), expected, False, DELIMITERS.get(style, ","))
    return True, unquote_plus(values[0])


# -- the spec ---------------------------------------------------------------------------------------------
class Spec:
    """Local `$ref`s of one document followed."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        """`node` with its `$ref` chain followed."""
        for _ in range(50):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/")):
                return node
            target: Any = self.document
            for token in node["$ref"][2:].split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                target = target[int(token)] if isinstance(target, list) else target[token]
            node = target
        return node

    def parameters(self, path: str, method: str) -> dict[tuple[str, str], dict[str, Any]]:
        """The operation's parameters by (location, lower-case name for headers, else name), its own winning."""
        item = self.resolve(self.document["paths"][path])
        found = {}
        for raw in list(item.get("parameters") or []) + list(self.resolve(item[method]).get("parameters") or []):
            param = self.resolve(raw)
            if isinstance(param, dict) and "in" in param and "name" in param:
                name = str(param["name"])
                found[(str(param["in"]), name.lower() if param["in"] == "header" else name)] = param
        return found


def _style(param: dict[str, Any]) -> tuple[str, bool]:
    """A parameter's style and explode, OpenAPI's defaults filled in: form for query and cookie, else simple."""
    style = str(param.get("style") or ("form" if param.get("in") in ("query", "cookie") else "simple"))
    return style, bool(param.get("explode", style == "form"))


def template_regex(template: str) -> re.Pattern[str]:
    """A regex matching the request paths of a path template: `{x}` one or more characters within a segment."""
    pieces = re.split(r"(\{[^}]*\})", template)
    out = "".join(("(.+)" if p.startswith("{+") else "([^/]+)") if p.startswith("{") else re.escape(p) for p in pieces)
    return re.compile(out + "/?")


# -- the request -----------------------------------------------------------------------------------
def arrival(document: dict[str, Any], path: str, method: str, request: httpx.Request, passed: dict[str, Any],
            served: str) -> str:
    """'' when every value passed is on the wire as passed; `unchecked: why` where this cannot tell; else the first difference.

    `served` is the request's path and query with the server's path taken off (so it matches `path`).
    """
    if not passed:
        return "unchecked: the harness recorded no values passed"
    spec = Spec(document)
    try:
        return _parameters(spec, path, method, request, passed, served) or _body(spec, path, method, request, passed)
    except Unchecked as exc:
        return f"unchecked: {exc}"


def _parameters(spec: Spec, path: str, method: str, request: httpx.Request, passed: dict[str, Any], served: str) -> str:
    """The first parameter that did not arrive as passed, or ''."""
    params = spec.parameters(path, method)
    names = re.findall(r"\{\+?([^}]*)\}", path)
    match = template_regex(path).fullmatch(served.split("?")[0])
    pairs = raw_pairs(request.url.query.decode("ascii"))
    cookies = [(k.strip(), v) for k, _, v in (c.partition("=") for c in request.headers.get("cookie", "").split(";")) if k.strip()]
    for location in ("path", "query", "header", "cookie"):
        for wire, value in (passed.get(location) or {}).items():
            param = params.get((location, wire.lower() if location == "header" else wire))
            if param is None:
                raise Unchecked(f"{location} parameter {wire!r} is not in the spec")
            where = f"{location} parameter {wire!r}"
            style, explode = _style(param)
            if location == "path":
                if match is None or wire not in names:
                    return f"{where}: the path {served.split('?')[0]!r} does not match {path!r}"
                raw = match.group(names.index(wire) + 1)
                got = _as_json(unquote(raw)) if param.get("content") else read_path(raw, wire, style, explode, value)
                present = True
            elif location == "header":
                raw_header = request.headers.get(wire)
                present = raw_header is not None
                got = (_as_json(raw_header) if param.get("content") else read_simple(raw_header or "", value, explode)
                       if isinstance(value, list | dict) else raw_header)
            else:
                # a parameter named like a member of another (`filter[name][eq]` beside `filter`) is not that member
                source = [(k, v) for k, v in (pairs if location == "query" else cookies)
                          if k == wire or (location, k) not in params]
                if param.get("content"):
                    values = [unquote_plus(v) for k, v in source if k == wire]
                    present, got = bool(values), _as_json(values[0]) if values else None
                else:
                    present, got = read_pairs(source, wire, style, explode, value)
            if not present:
                if value in ({}, []):
                    continue
                return f"{where} did not arrive"
            problem = same(value, got, where)
            if problem:
                return problem
    return ""


def _media(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _body(spec: Spec, path: str, method: str, request: httpx.Request, passed: dict[str, Any]) -> str:
    """'' when the body passed is the body on the wire, read by its Content-Type and the spec's `encoding`."""
    if "body" not in passed:
        return ""
    expected = passed["body"]
    media_type = _media(request.headers.get("content-type", ""))
    operation = spec.resolve(spec.resolve(spec.document["paths"][path])[method])
    content = spec.resolve(operation.get("requestBody") or {}).get("content") or {}
    media = next((m for t, m in content.items() if _media(t) == media_type), None) or {}
    encoding = {k: spec.resolve(v) for k, v in (media.get("encoding") or {}).items()}
    if media_type.endswith(("/json", "+json")):
        try:
            return same(expected, json.loads(request.content), "body", typed=True)
        except ValueError:
            return f"body: not JSON: {request.content[:100]!r}"
    if media_type == "application/x-www-form-urlencoded":
        return _form(expected, raw_pairs(request.content.decode("ascii", "replace")), encoding)
    if media_type.startswith("multipart/"):
        return _multipart(expected, request, encoding)
    if isinstance(expected, bytes | str):
        return same(expected, request.content if isinstance(expected, bytes) else request.content.decode("utf-8", "replace"), "body")
    raise Unchecked(f"a structured body sent as {media_type or 'no Content-Type'}")


def _form(expected: Any, pairs: list[tuple[str, str]], encoding: dict[str, Any]) -> str:
    """Each form field passed, read from the body's pairs by its `encoding` entry."""
    if not isinstance(expected, dict):
        raise Unchecked("a form body that is not an object")
    for name, value in expected.items():
        entry = encoding.get(name) or {}
        styled = any(key in entry for key in ("style", "explode", "allowReserved"))
        if not styled and "json" in str(entry.get("contentType", "")):
            values = [unquote_plus(v) for k, v in pairs if k == name]
            present, got = bool(values), _as_json(values[0]) if values else None
        else:
            style = str(entry.get("style") or "form")
            present, got = read_pairs(pairs, name, style, bool(entry.get("explode", style == "form")), value)
        if not present:
            if value in ({}, []):
                continue
            return f"body field {name!r} did not arrive"
        problem = same(value, got, f"body[{name!r}]")
        if problem:
            return problem
    return ""


def parts(request: httpx.Request) -> list[tuple[str, str, bytes]]:
    """A multipart body's parts as (name, Content-Type, content)."""
    match = re.search(r"boundary=\"?([^\";]+)", request.headers.get("content-type", ""))
    if not match:
        raise Unchecked("a multipart body without a boundary")
    found = []
    for chunk in request.content.split(b"--" + match.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, body = chunk[2:].partition(b"\r\n\r\n")
        if body.endswith(b"\r\n"):
            body = body[:-2]
        name = re.search(rb'name="([^"]*)"', head)
        kind = re.search(rb"(?im)^content-type:\s*([^\r\n]+)", head)
        found.append((name.group(1).decode() if name else "", kind.group(1).decode() if kind else "text/plain", body))
    return found


def _multipart(expected: Any, request: httpx.Request, encoding: dict[str, Any]) -> str:
    """Each multipart field passed, read from its parts: text, file bytes, JSON parts, or bracketed style pairs."""
    if not isinstance(expected, dict):
        raise Unchecked("a multipart body that is not an object")
    found = parts(request)
    for name, value in expected.items():
        own = [(kind, body) for part, kind, body in found if part == name]
        nested = [(_tokens(part)[1:], body.decode("utf-8", "replace")) for part, _, body in found if part.startswith(name + "[")]
        if nested:
            got: Any = _nest(nested)
        elif not own:
            if value in ({}, []):
                continue
            return f"body field {name!r} did not arrive"
        elif isinstance(value, list) and (len(own) > 1 or "json" not in own[0][0]):
            got = [body if isinstance(item, bytes) else _part_value(kind, body) for item, (kind, body) in zip(value, own, strict=False)]
        else:
            kind, body = own[0]
            got = body if isinstance(value, bytes) else _part_value(kind, body)
        problem = same(value, got, f"body[{name!r}]")
        if problem:
            return problem
    return ""


def _part_value(kind: str, body: bytes) -> Any:
    """A part's value: JSON parts as JSON, anything else as its text."""
    if "json" in kind.lower():
        return _as_json(body)
    return body.decode("utf-8", "replace")
