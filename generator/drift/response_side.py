"""Check the answer of an exchange: its status, headers, content type, body and paging, located in the spec."""

from __future__ import annotations

import gzip
import zlib
from typing import Any

from generator.drift import pagination
from generator.drift.exchange import Exchange
from generator.drift.kinds import (
    PAGINATION_SHAPE,
    UNCHECKED,
    UNDOCUMENTED_CONTENT_TYPE,
    UNDOCUMENTED_HEADER,
    UNDOCUMENTED_STATUS,
    WRONG_TYPE,
)
from generator.drift.request_side import Spot
from generator.drift.schema_check import DriftSchemas
from generator.mock import wire
from generator.mock.body import parse_json
from generator.mock.checks import accepts, media_type
from generator.mock.model import MockOperation, ResponseSpec
from generator.reading.load import pointer
from generator.reading.spec import deref

# Headers of HTTP itself (RFC 9110, 9111, 6265, Fetch/CORS, common security headers): never undocumented.
STANDARD_HEADERS = frozenset({
    "accept-ranges", "access-control-allow-credentials", "access-control-allow-headers",
    "access-control-allow-methods", "access-control-allow-origin", "access-control-expose-headers",
    "access-control-max-age", "age", "allow", "alt-svc", "cache-control", "connection",
    "content-disposition", "content-encoding", "content-language", "content-length", "content-location",
    "content-range", "content-security-policy", "content-type", "date", "etag", "expires", "keep-alive",
    "last-modified", "permissions-policy", "pragma", "proxy-authenticate", "referrer-policy", "retry-after",
    "server", "set-cookie", "strict-transport-security", "trailer", "transfer-encoding", "upgrade", "vary",
    "via", "www-authenticate", "x-content-type-options", "x-frame-options", "x-xss-protection",
})
MISSING_STATUS = (404, 405, 501)  # answers that say the API has no such operation either


def response_key(op: MockOperation, status: int) -> str | None:
    """The documented response an answer's status falls under: exact, range (`2XX`), or `default`."""
    for key in (str(status), f"{str(status)[:1]}XX", "default"):
        if key in op.responses:
            return key
    return None


def response_spots(schemas: DriftSchemas, op: MockOperation, exchange: Exchange) -> list[Spot]:
    """Every departure of the answer from the operation's documented responses."""
    key = response_key(op, exchange.status)
    if key is None:
        return [(UNDOCUMENTED_STATUS, op.ptr + pointer("responses", str(exchange.status)), f"status {exchange.status}")]
    spec = op.responses[key]
    where = _response_pointer(schemas, op, key)
    spots = _header_spots(schemas, spec, where, exchange)
    if exchange.response_truncated:
        return [*spots, (UNCHECKED, where, f"a body larger than the check limit ({len(exchange.response_body)} bytes checked)")]
    body = _decoded(exchange)
    if not body:
        return spots
    sent = media_type(exchange.response_header("content-type"))
    declared = next((c for c in spec.content if accepts(c, sent)), None)
    if declared is None:
        missing = where + (pointer("content", sent) if sent else "/content")
        return [*spots, (UNDOCUMENTED_CONTENT_TYPE, missing, f"content type {sent or 'none'!r}")]
    schema_ptr = spec.content[declared]
    kind = media_type(declared)
    if schema_ptr is None or not (kind.endswith("json") or (kind == "*/*" and sent.endswith("json"))):
        return spots
    try:
        value = parse_json(body)
    except ValueError as exc:
        return [*spots, (WRONG_TYPE, schema_ptr, f"a body that is not JSON ({exc})")]
    spots += [(p.kind, p.schema_ptr, p.seen) for p in schemas.problems(schema_ptr, value)]
    paging = _node(schemas, op.ptr).get("x-pagination")
    if isinstance(paging, dict) and 200 <= exchange.status < 300:
        spots += [(PAGINATION_SHAPE, op.ptr + pointer("x-pagination", k), seen) for k, seen in pagination.problems(paging, value)]
    return spots


def _header_spots(schemas: DriftSchemas, spec: ResponseSpec, where: str, exchange: Exchange) -> list[Spot]:
    """Headers the response does not document (beyond HTTP's own), and documented ones of the wrong type."""
    documented = {h.name.lower(): h for h in spec.headers}
    spots: list[Spot] = []
    done: set[str] = set()
    for name, value in exchange.response_headers:
        lower = name.lower()
        if lower in done or lower in STANDARD_HEADERS:
            continue
        done.add(lower)
        header = documented.get(lower)
        if header is None:
            # The value is withheld: a header the spec does not know may carry a credential.
            spots.append((UNDOCUMENTED_HEADER, where + pointer("headers", lower), f"header {lower!r} ({len(value)} characters)"))
        elif header.schema_ptr is not None:
            typed = wire.typed(schemas, header.schema_ptr, value)
            spots += [(p.kind, p.schema_ptr, f"header {lower!r}: {p.seen.removeprefix('the body: ')}") for p in schemas.problems(header.schema_ptr, typed)]
    return spots


def _response_pointer(schemas: DriftSchemas, op: MockOperation, key: str) -> str:
    """Where the documented response lives (a `$ref`ed component response's own pointer)."""
    responses = _node(schemas, op.ptr).get("responses")
    raw_key = next((k for k in responses if str(k).upper() == key.upper()), key) if isinstance(responses, dict) else key
    raw = responses.get(raw_key) if isinstance(responses, dict) else None
    _, ptr = deref(schemas.document, raw, op.ptr + pointer("responses", raw_key))
    return ptr


def _node(schemas: DriftSchemas, ptr: str) -> dict[str, Any]:
    """The mapping at `ptr`, {} when none."""
    try:
        node = schemas.document.resolve("#" + ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return {}
    return node if isinstance(node, dict) else {}


MAX_DECODED = 64 * 1024 * 1024  # bytes a compressed body may grow to when decoded for checking


def _decoded(exchange: Exchange) -> bytes:
    """The response body with a gzip or deflate content coding undone (bounded); as is otherwise."""
    coding = (exchange.response_header("content-encoding") or "").strip().lower()
    body = exchange.response_body
    if coding not in ("gzip", "x-gzip", "deflate") or not body:
        return body
    try:
        if coding == "deflate":
            inflater = zlib.decompressobj()
        else:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return inflater.decompress(body, MAX_DECODED)
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return body
