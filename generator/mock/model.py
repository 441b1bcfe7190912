"""The mock's view of a spec: operations with their parameters, bodies, security, responses, examples."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator.errors import TrunklineError
from generator.reading.load import Document, pointer
from generator.reading.spec import (
    STYLE_KEYS,
    OperationRef,
    deref,
    encoding_style,
    example_slots,
    media_types,
    operations,
    parameter_style,
    parameters,
    request_body,
    responses,
    scheme_kind,
)


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: where it is sent, whether it must be, and the schema it must satisfy."""

    name: str
    location: str  # path, query, header, cookie
    required: bool
    schema_ptr: str | None
    style: str
    explode: bool
    json_content: bool = False  # a `content`-based parameter: its value is JSON text


@dataclass(frozen=True)
class FieldEncoding:
    """How one property of a form or multipart body is written (the media type's `encoding`)."""

    style: str = "form"
    explode: bool = True
    content_type: str = ""


@dataclass(frozen=True)
class BodySpec:
    """The request body: required or not, and the schema of each accepted content type."""

    required: bool
    content: dict[str, str | None]  # content type -> schema pointer
    encoding: dict[str, dict[str, FieldEncoding]] = field(default_factory=dict)  # content type -> property -> encoding


@dataclass(frozen=True)
class SchemeSpec:
    """One security scheme: what kind of credential and where it travels."""

    key: str
    kind: str  # bearer, basic, apikey
    location: str  # header, query, cookie
    name: str  # header, query or cookie name


@dataclass(frozen=True)
class HeaderSpec:
    """A documented response header."""

    name: str
    schema_ptr: str | None


@dataclass(frozen=True)
class ResponseSpec:
    """One documented response: its media types (type -> schema pointer) and headers."""

    status: str
    content: dict[str, str | None]
    headers: tuple[HeaderSpec, ...]


@dataclass
class Exchange:
    """One named documented exchange: request values and the response that answers them."""

    name: str
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    header: dict[str, Any] = field(default_factory=dict)
    cookie: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False
    status: str | None = None
    response: Any = None
    has_response: bool = False
    response_type: str | None = None
    response_headers: dict[str, Any] = field(default_factory=dict)

    def request_values(self) -> int:
        """How many request values the exchange documents."""
        return len(self.path) + len(self.query) + len(self.header) + len(self.cookie) + int(self.has_body)


@dataclass(frozen=True)
class MockOperation:
    """Everything the mock needs to check a request to one operation and answer it."""

    operation_id: str
    method: str  # upper case
    path: str
    ptr: str
    params: tuple[ParamSpec, ...]
    body: BodySpec | None
    security: tuple[tuple[SchemeSpec, ...], ...]  # alternatives; empty: no credential needed
    responses: dict[str, ResponseSpec]
    exchanges: tuple[Exchange, ...]
    # Exchanges the vendor documents without any value (`x-bare-examples`): known names, no data.
    bare: tuple[str, ...] = ()
    websocket: str = ""  # the ws:// or wss:// URL when every server of the operation is a WebSocket one


@dataclass(frozen=True)
class MockSpec:
    """A loaded spec, ready to serve."""

    document: Document
    version: str  # "3.0" or "3.1"
    prefixes: tuple[str, ...]  # path parts of the server URLs, longest first ("" for none)
    operations: tuple[MockOperation, ...]


def mock_spec(document: Document) -> MockSpec:
    """Read what the mock needs from `document`; a TrunklineError with a location if it cannot."""
    version = spec_version(document)
    schemes = _schemes(document)
    root_security = _security(document, document.data.get("security"), "/security", schemes)
    ops = tuple(_operation(document, op, schemes, root_security) for op in operations(document))
    return MockSpec(document, version, _prefixes(document), ops)


def spec_version(document: Document) -> str:
    """'3.0' or '3.1'; a located error for anything else (the mock skips the slower full validation)."""
    version = str(document.data.get("openapi", ""))
    if not version:
        hint = "a Swagger 2.0 document; convert it to OpenAPI 3" if "swagger" in document.data else "no `openapi` field"
        raise TrunklineError(f"not an OpenAPI document ({hint})", document.locate(""))
    for known in ("3.0", "3.1"):
        if version.startswith(known):
            return known
    raise TrunklineError(f"unsupported OpenAPI version {version!r}; use 3.0.x or 3.1.x", document.locate("/openapi"))


def _prefixes(document: Document) -> tuple[str, ...]:
    """The path part of each server URL, variables at their defaults."""
    servers = document.data.get("servers")
    found: list[str] = []
    for server in servers if isinstance(servers, list) else []:
        if not isinstance(server, dict):
            continue
        url = str(server.get("url") or "")
        variables = server.get("variables") if isinstance(server.get("variables"), dict) else {}
        for name, var in (variables or {}).items():
            default = var.get("default", "") if isinstance(var, dict) else ""
            url = url.replace("{" + str(name) + "}", str(default))
        path = urlsplit(url).path if "://" in url else url.split("?")[0]
        path = path.rstrip("/")
        if path and not path.startswith("/"):
            path = "/" + path
        if path not in found:
            found.append(path)
    return tuple(sorted(found, key=len, reverse=True)) or ("",)


def _schemes(document: Document) -> dict[str, SchemeSpec | None]:
    """Each security scheme by key; None for kinds the mock cannot check (mutual TLS)."""
    raw = (document.data.get("components") or {}).get("securitySchemes") or {}
    found: dict[str, SchemeSpec | None] = {}
    for key, node in raw.items() if isinstance(raw, dict) else []:
        node, _ = deref(document, node, pointer("components", "securitySchemes", key))
        kind = scheme_kind(node)  # None: mutualTLS and unknown kinds cannot be checked over plain HTTP
        found[key] = SchemeSpec(key, *kind) if kind else None
    return found


def _security(
    document: Document, raw: Any, ptr: str, schemes: dict[str, SchemeSpec | None]
) -> tuple[tuple[SchemeSpec, ...], ...]:
    """Security alternatives; an empty tuple when no credential is needed."""
    if not isinstance(raw, list):
        return ()
    alternatives: list[tuple[SchemeSpec, ...]] = []
    for index, requirement in enumerate(raw):
        keys = list(requirement or {}) if isinstance(requirement, dict) else []
        chosen: list[SchemeSpec] = []
        for key in keys:
            if key not in schemes:
                raise TrunklineError(
                    f"security scheme {key!r} is not defined; add it under components.securitySchemes",
                    document.locate(f"{ptr}/{index}"),
                )
            scheme = schemes[key]
            if scheme is not None:
                chosen.append(scheme)
        if not chosen:  # an empty requirement: anonymous access is one of the alternatives
            return ()
        alternatives.append(tuple(chosen))
    return tuple(alternatives)


def _operation(
    document: Document, op: OperationRef, schemes: dict[str, SchemeSpec | None],
    root_security: tuple[tuple[SchemeSpec, ...], ...],
) -> MockOperation:
    """The mock's view of one operation."""
    params = []
    for param, ptr in parameters(document, op):
        location = str(param.get("in"))
        style, explode = parameter_style(param)
        schema_ptr = ptr + "/schema" if isinstance(param.get("schema"), dict) else None
        content = param.get("content")
        media = next(iter(content.items()), None) if isinstance(content, dict) else None
        if media is not None and isinstance(media[1], dict) and isinstance(media[1].get("schema"), dict):
            schema_ptr = ptr + pointer("content", str(media[0]), "schema")
        params.append(
            ParamSpec(
                name=str(param.get("name")),
                location=location,
                required=bool(param.get("required")) or location == "path",
                schema_ptr=schema_ptr,
                style=style,
                explode=explode,
                json_content=media is not None,
            )
        )
    security = (
        _security(document, op.node["security"], op.ptr + "/security", schemes) if "security" in op.node else root_security
    )
    operation_id = str(op.node.get("operationId") or f"{op.method} {op.path}")
    return MockOperation(
        operation_id=operation_id,
        method=op.method.upper(),
        path=op.path,
        ptr=op.ptr,
        params=tuple(params),
        body=_body(document, op),
        security=security,
        responses=_responses(document, op),
        exchanges=_exchanges(document, op),
        bare=tuple(str(n) for n in op.node.get("x-bare-examples") or [] if isinstance(n, str)),
        websocket=_websocket(document, op),
    )


def _websocket(document: Document, op: OperationRef) -> str:
    """The first server URL when the servers that apply to `op` (its own, its path's, else the spec's) are all ws(s)://; else ""."""
    for node in (op.node, op.path_item, document.data):
        servers = node.get("servers") if isinstance(node, dict) else None
        if isinstance(servers, list) and servers:
            urls = [str(s.get("url") or "") for s in servers if isinstance(s, dict)]
            schemes = {url.split("://", 1)[0].lower() if "://" in url else "" for url in urls}
            return urls[0] if urls and schemes <= {"ws", "wss"} else ""
    return ""


def _body(document: Document, op: OperationRef) -> BodySpec | None:
    """The accepted content types of the request body and their schemas."""
    found = request_body(document, op)
    if found is None:
        return None
    body, ptr = found
    content: dict[str, str | None] = {}
    encodings: dict[str, dict[str, FieldEncoding]] = {}
    for ctype, media, media_ptr in media_types(body, ptr):
        content[ctype] = media_ptr + "/schema" if isinstance(media.get("schema"), dict) else None
        raw = media.get("encoding")
        multipart = ctype.split(";")[0].strip().lower() == "multipart/form-data"
        encodings[ctype] = {
            str(name): _field_encoding(enc, multipart)
            for name, enc in (raw if isinstance(raw, dict) else {}).items()
            if isinstance(enc, dict)
        }
    return BodySpec(bool(body.get("required")), content, encodings)




def _field_encoding(enc: dict[str, Any], multipart: bool) -> FieldEncoding:
    """One `encoding` entry with the spec's defaults, read as the runtime writes the field
    (`spec.encoding_style`); style keys make the entry's `contentType` ignored (OpenAPI 3.0.4, 3.1.1).

    In multipart a styled field is read as form pairs in 3.0 specs too: 3.0's text limits `style`
    to form bodies, but Stripe's servers, openapi-core and Prism all read the brackets.
    """
    style, explode = encoding_style(enc, multipart)
    styled = any(key in enc for key in STYLE_KEYS)
    return FieldEncoding(
        style=style,
        explode=explode,
        content_type="" if styled else str(enc.get("contentType") or ""),
    )


def _responses(document: Document, op: OperationRef) -> dict[str, ResponseSpec]:
    """The documented responses by status (`2XX` ranges in upper case)."""
    found: dict[str, ResponseSpec] = {}
    for status, response, ptr in responses(document, op):
        content: dict[str, str | None] = {}
        for ctype, media, media_ptr in media_types(response, ptr):
            content[ctype] = media_ptr + "/schema" if isinstance(media.get("schema"), dict) else None
        headers = []
        for name, raw_header in (response.get("headers") or {}).items():
            header, header_ptr = deref(document, raw_header, ptr + pointer("headers", name))
            has_schema = isinstance(header, dict) and isinstance(header.get("schema"), dict)
            headers.append(HeaderSpec(str(name), header_ptr + "/schema" if has_schema else None))
        key = status if status.lower() == "default" else status.upper()
        found[key] = ResponseSpec(key, content, tuple(headers))
    return found


def _exchanges(document: Document, op: OperationRef) -> tuple[Exchange, ...]:
    """The named examples of the operation grouped into exchanges, in document order."""
    grouped: dict[str, Exchange] = {}
    for slot in example_slots(document, op):
        entry = grouped.setdefault(slot.name, Exchange(slot.name))
        if slot.kind in ("path", "query", "header", "cookie"):
            getattr(entry, slot.kind)[str(slot.field)] = slot.value
        elif slot.kind == "request":
            entry.body, entry.has_body = slot.value, True
        elif slot.kind == "response":
            if not entry.has_response:
                entry.status, entry.response, entry.has_response = slot.status, slot.value, True
                entry.response_type = slot.field
        elif slot.kind == "response-header":
            entry.status = entry.status or slot.status
            entry.response_headers[str(slot.field)] = slot.value
    return tuple(grouped.values())
