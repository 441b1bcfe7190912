"""Check the request of an exchange with the mock's own request checks, located in the spec."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs, urlsplit

from generator.drift.exchange import Exchange
from generator.drift.kinds import REQUEST_NOT_ALLOWED
from generator.drift.schema_check import DriftSchemas
from generator.mock.checks import Incoming, Problem, accepts, check, media_type
from generator.mock.model import MockOperation
from generator.mock.router import Match
from generator.mock.schemas import SchemaChecker

Spot = tuple[str, str, str]  # (kind, spec pointer, what was seen)


def incoming(exchange: Exchange, match: Match) -> Incoming:
    """The exchange's request as the mock's checks take it."""
    headers: dict[str, str] = {}
    for name, value in exchange.request_headers:
        headers.setdefault(name.lower(), value)
    return Incoming(
        method=exchange.method.upper(),
        path_values=match.values,
        query=parse_qs(urlsplit(exchange.url).query, keep_blank_values=True),
        headers=headers,
        cookies=_cookies(headers.get("cookie", "")),
        body=exchange.request_body,
    )


def request_spots(checker: DriftSchemas, exchange: Exchange, match: Match) -> list[Spot]:
    """What the spec does not allow in the request, each at the parameter, body or security it breaks."""
    if exchange.request_truncated:
        return []
    op = match.operation
    sent = incoming(exchange, match)
    verdict = check(checker, op, sent)
    if verdict.status == 401:
        security = op.ptr + "/security" if "security" in _node(checker, op.ptr) else "/security"
        return [(REQUEST_NOT_ALLOWED, security, p.message) for p in verdict.problems]
    content_type = media_type(sent.headers.get("content-type"))
    spots = [(REQUEST_NOT_ALLOWED, _pointer(op, p, content_type), _message(p)) for p in verdict.problems if not _in_body(p)]
    body_problems = [p for p in verdict.problems if _in_body(p)]
    schema_ptr = _body_pointer(op, content_type, schema=True)
    detailed = checker.problems(schema_ptr, verdict.body, extra_fields=False) if body_problems and verdict.has_body else []
    if detailed:  # each at the schema it breaks, as answers are
        spots += [(REQUEST_NOT_ALLOWED, p.schema_ptr, f"body{p.instance}: {p.seen.split(': ', 1)[-1]}") for p in detailed]
    else:
        spots += [(REQUEST_NOT_ALLOWED, _pointer(op, p, content_type), _message(p)) for p in body_problems]
    return spots


def _in_body(problem: Problem) -> bool:
    """Whether a request problem is inside the body (not its absence or content type)."""
    return problem.location.startswith("body/")


def _message(problem: Problem) -> str:
    """The mock's problem as one line: where in the request, and what."""
    return f"{problem.location}: {problem.message}"


def _pointer(op: MockOperation, problem: Problem, content_type: str) -> str:
    """The spec pointer of what a request problem breaks: its parameter, the body schema, or the operation."""
    where = problem.location
    if where.startswith("body") or where == "header.Content-Type":
        return _body_pointer(op, content_type, schema=where.startswith("body"))
    for param in sorted(op.params, key=lambda p: len(p.name), reverse=True):
        name = f"{param.location}.{param.name}"
        if where == name or where.startswith(name + "."):
            return _parameter_pointer(param.schema_ptr) or op.ptr + "/parameters"
    return op.ptr


def _parameter_pointer(schema_ptr: str | None) -> str | None:
    """The pointer of a parameter object, from the pointer of its schema."""
    if schema_ptr is None:
        return None
    if "/content/" in schema_ptr:
        return schema_ptr[: schema_ptr.rfind("/content/")]
    return schema_ptr.removesuffix("/schema")


def _body_pointer(op: MockOperation, content_type: str, schema: bool) -> str:
    """The request body's schema for the content type sent, or its `content`, or the operation."""
    if op.body is None or not op.body.content:
        return op.ptr
    declared = next((c for c in op.body.content if accepts(c, content_type)), None)
    target = op.body.content.get(declared) if declared is not None else None
    if schema and target is not None:
        return target
    some = next((p for p in op.body.content.values() if p is not None), None)
    return some[: some.rfind("/content/")] + "/content" if some else op.ptr + "/requestBody"


def _node(checker: SchemaChecker, ptr: str) -> dict[str, object]:
    """The operation object at `ptr`."""
    try:
        node = checker.document.resolve("#" + ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return {}
    return node if isinstance(node, dict) else {}


def _cookies(header: str) -> dict[str, str]:
    """The cookies of a Cookie header."""
    try:
        jar = SimpleCookie(header)
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}
