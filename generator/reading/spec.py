"""The one walker of a loaded OpenAPI document: operations, parameters, bodies, responses, `$ref`s.

Build, lint, diff, release, mock and drift all read the spec through these functions, so they
agree on what an operation is, which parameters it has and where each thing sits (JSON pointers).
The walk is tolerant of malformed nodes (a path item that is no mapping, a `parameters` that is no
list): it skips them, because lint and diff read specs that preflight never checked. Broken `$ref`s
are the one thing callers choose about: `deref` raises a located error (build, mock), `follow`
gives None (lint, diff); the walking functions take `strict` to pick one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from generator.errors import TrunklineError
from generator.reading.input_checks import MAX_REF_CHAIN
from generator.reading.load import Document, pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Header parameters OpenAPI says to ignore: the media types and the security schemes set them.
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
# An `encoding` entry with any of these serializes its field as a query parameter would, its
# `contentType` ignored (OpenAPI 3.0.4 and 3.1.1); build, lint and the mock all read it from here.
STYLE_KEYS = ("style", "explode", "allowReserved")


def parameter_style(param: Mapping[str, Any]) -> tuple[str, bool]:
    """A parameter's `style` and `explode`, the specification's defaults filled in (form for query and cookie, else simple)."""
    location = str(param.get("in"))
    style = str(param.get("style") or ("form" if location in ("query", "cookie") else "simple"))
    return style, bool(param.get("explode", style == "form"))


def encoding_style(entry: Mapping[str, Any], multipart: bool) -> tuple[str, bool]:
    """A form or multipart field's `style` and `explode` from its `encoding` entry (or {}).

    Any of STYLE_KEYS means style serialization, style `form` when it is not named. In multipart
    such a field is that style's form pairs (Stripe's `expand[0]`), in 3.0 specs as in 3.1;
    without them the part goes by its type: style "".
    """
    styled = any(key in entry for key in STYLE_KEYS)
    style = str(entry.get("style") or ("" if multipart and not styled else "form"))
    return style, bool(entry.get("explode", style == "form"))


def schema_parts(document: Document, schema: Any, ptr: str) -> Iterator[tuple[dict[str, Any], str]]:
    """`schema` and every schema its `allOf`, `anyOf` and `oneOf` hold, each with its pointer:
    `$ref`s followed (broken ones skipped), each schema once, so cycles end."""
    seen: set[int] = set()
    stack = [(schema, ptr)]
    while stack:
        node, at = follow(document, *stack.pop())
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        yield node, at
        for key in ("oneOf", "anyOf", "allOf"):
            parts = node.get(key)
            stack.extend(reversed([(part, f"{at}/{key}/{i}") for i, part in enumerate(parts if isinstance(parts, list) else [])]))


@dataclass(frozen=True)
class OperationRef:
    """One operation of the document: its path and method, its node, its path item and their pointers."""

    path: str
    method: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    item_ptr: str
    ptr: str

    @property
    def key(self) -> str:
        """`get /a`: names the operation uniquely (two paths may share one `$ref`'d path item, so pointers may not)."""
        return f"{self.method} {self.path}"


def operations(document: Document, strict: bool = True) -> Iterator[OperationRef]:
    """Every operation under `paths`, in document order; path items that are no mapping are skipped."""
    paths = document.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, raw in paths.items():
        item, item_ptr = _chase(document, raw, pointer("paths", path), strict)
        if not isinstance(item, dict):
            continue
        for method, node in item.items():
            if method in HTTP_METHODS and isinstance(node, dict):
                yield OperationRef(str(path), method, node, item, item_ptr, item_ptr + pointer(method))


# -- references ------------------------------------------------------------------------------
def resolve(document: Document, ref: str) -> tuple[Any, str] | None:
    """The target of a local `$ref` and its pointer; None when it does not resolve.

    A `$ref` is a URI, so a percent-encoded fragment (`#/components/schemas/A%20B`) is tried decoded too.
    """
    if not ref.startswith("#"):
        return None
    for candidate in dict.fromkeys((ref, unquote(ref))):
        try:
            return document.resolve(candidate), candidate[1:]
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return None


def deref(document: Document, node: Any, ptr: str) -> tuple[Any, str]:
    """Follow local `$ref`s; the value and the pointer where it really lives; a located error if one is broken."""
    node, ptr, problem = _refs(document, node, ptr)
    if problem:
        raise TrunklineError(problem, document.locate(ptr))
    return node, ptr


def follow(document: Document, node: Any, ptr: str) -> tuple[Any, str]:
    """Follow local `$ref`s like `deref`, but give (None, pointer) where one is broken instead of raising."""
    node, ptr, problem = _refs(document, node, ptr)
    return (None, ptr) if problem else (node, ptr)


def _chase(document: Document, node: Any, ptr: str, strict: bool) -> tuple[Any, str]:
    return deref(document, node, ptr) if strict else follow(document, node, ptr)


def _refs(document: Document, node: Any, ptr: str) -> tuple[Any, str, str]:
    """(value, its pointer, "") after following `$ref`s, or (the `$ref` object, its pointer, what is wrong)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return node, ptr, "a `$ref` cycle: the reference points back at itself"
        if len(seen) > MAX_REF_CHAIN:
            return node, ptr, (f"more than {MAX_REF_CHAIN} `$ref`s in a row, each pointing at another `$ref`; "
                               "point the `$ref` at the object itself")
        seen.add(ref)
        if not ref.startswith("#"):  # `load` bundles local files, so only an unloaded document gets here
            return node, ptr, f"external `$ref` {ref!r} was not bundled; load the spec with `load`"
        target = resolve(document, ref)
        if target is None:
            return node, ptr, f"unresolved `$ref` {ref!r}; point it at an existing component"
        node, ptr = target
    return node, ptr, ""


# -- parts of an operation -------------------------------------------------------------------
def parameter_list(document: Document, owner: dict[str, Any], owner_ptr: str, strict: bool = True) -> list[tuple[dict[str, Any], str]]:
    """The (followed) parameter objects one operation or path item lists, with their pointers."""
    raw = owner.get("parameters")
    if not isinstance(raw, list):
        return []
    found = []
    for index, item in enumerate(raw):
        param, ptr = _chase(document, item, owner_ptr + pointer("parameters", index), strict)
        if isinstance(param, dict):
            found.append((param, ptr))
    return found


def parameters(document: Document, op: OperationRef, strict: bool = True, keep_ignored: bool = False) -> list[tuple[dict[str, Any], str]]:
    """The operation's parameters, path-level ones included unless the operation overrides them.

    A parameter is known by its location and name, a header's name in any case (HTTP header names
    are case-insensitive). Header parameters named Accept, Content-Type or Authorization are left
    out unless `keep_ignored`: OpenAPI says such a definition SHALL be ignored.
    """
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((op.path_item, op.item_ptr), (op.node, op.ptr)):
        for param, ptr in parameter_list(document, owner, owner_ptr, strict):
            if keep_ignored or not _ignored_header(param):
                found[_param_key(param)] = (param, ptr)
    return list(found.values())


def _param_key(param: dict[str, Any]) -> tuple[str, str]:
    name, location = str(param.get("name")), str(param.get("in"))
    return (name.lower() if location == "header" else name), location


def _ignored_header(param: dict[str, Any]) -> bool:
    """Whether OpenAPI says to ignore this parameter definition (a header the spec says another way)."""
    return param.get("in") == "header" and str(param.get("name", "")).lower() in IGNORED_HEADERS


def request_body(document: Document, op: OperationRef, strict: bool = True) -> tuple[dict[str, Any], str] | None:
    """The operation's (followed) request body and its pointer; None without one."""
    raw = op.node.get("requestBody")
    if raw is None:
        return None
    body, ptr = _chase(document, raw, op.ptr + "/requestBody", strict)
    return (body, ptr) if isinstance(body, dict) else None


def responses(document: Document, op: OperationRef, strict: bool = True) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(status, followed response, pointer) of each response the operation documents, in document order."""
    raw = op.node.get("responses")
    if not isinstance(raw, dict):
        return
    for status, item in raw.items():
        response, ptr = _chase(document, item, op.ptr + pointer("responses", status), strict)
        if isinstance(response, dict):
            yield str(status), response, ptr


def media_types(owner: dict[str, Any], owner_ptr: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(content type, media type object, pointer) of a body, response or parameter `content`; an empty one is {}."""
    content = owner.get("content")
    for ctype, media in (content.items() if isinstance(content, dict) else ()):
        yield str(ctype), media if isinstance(media, dict) else {}, owner_ptr + pointer("content", ctype)


def scheme_kind(node: Any) -> tuple[str, str, str] | None:
    """(bearer/basic/apikey, where the credential travels, the header, query or cookie name) of a
    security scheme; None for kinds a client cannot send over plain HTTP (mutualTLS, unknown)."""
    node = node if isinstance(node, dict) else {}
    kind = str(node.get("type"))
    if kind == "http":
        return ("basic" if str(node.get("scheme", "")).lower() == "basic" else "bearer"), "header", "Authorization"
    if kind in ("oauth2", "openIdConnect"):
        return "bearer", "header", "Authorization"
    if kind == "apiKey":
        return "apikey", str(node.get("in", "header")), str(node.get("name", ""))
    return None


# -- examples --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExampleSlot:
    """One documented example value and the schema it must satisfy."""

    name: str
    value: Any
    schema_ptr: str | None
    ptr: str
    kind: str  # "path", "query", "header", "cookie", "request", "response", "response-header"
    status: str | None = None
    field: str | None = None  # parameter or header name, content type for bodies


def example_slots(document: Document, op: OperationRef) -> Iterator[ExampleSlot]:
    """Every named example of one operation, in the parameter, body and response slots."""
    for param, ptr in parameters(document, op):
        schema_ptr = ptr + "/schema" if "schema" in param else None
        yield from _named(document, param, ptr, schema_ptr, str(param.get("in")), None, str(param.get("name")))
    body = request_body(document, op)
    for ctype, media, media_ptr in media_types(*body) if body else ():
        schema_ptr = media_ptr + "/schema" if "schema" in media else None
        yield from _named(document, media, media_ptr, schema_ptr, "request", None, ctype)
    for status, response, resp_ptr in responses(document, op):
        for ctype, media, media_ptr in media_types(response, resp_ptr):
            schema_ptr = media_ptr + "/schema" if "schema" in media else None
            yield from _named(document, media, media_ptr, schema_ptr, "response", status, ctype)
        for header_name, raw_header in (response.get("headers") or {}).items():
            header, header_ptr = deref(document, raw_header, resp_ptr + pointer("headers", header_name))
            schema_ptr = header_ptr + "/schema" if "schema" in header else None
            yield from _named(document, header, header_ptr, schema_ptr, "response-header", status, header_name)


def _named(
    document: Document, owner: dict[str, Any], owner_ptr: str, schema_ptr: str | None,
    kind: str, status: str | None, field: str | None,
) -> Iterator[ExampleSlot]:
    for name, raw in (owner.get("examples") or {}).items():
        example, ex_ptr = deref(document, raw, owner_ptr + pointer("examples", name))
        if isinstance(example, dict) and "value" in example:
            yield ExampleSlot(str(name), example["value"], schema_ptr, ex_ptr + "/value", kind, status, field)
