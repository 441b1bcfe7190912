"""Check one request against its operation: credentials, parameters, content type and body."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from generator.mock import wire
from generator.mock.body import parse_json
from generator.mock.model import MockOperation, SchemeSpec
from generator.mock.schemas import SchemaChecker

MAX_PROBLEMS = 100  # problems listed in one answer: a body of a million bad items must not make a huge answer


@dataclass(frozen=True)
class Incoming:
    """A received request, reduced to what the checks need; header names in lower case."""

    method: str
    path_values: dict[str, str]
    query: dict[str, list[str]]
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request, where (`query.limit`, `body/contact_id`) and what."""

    location: str
    message: str


@dataclass
class Verdict:
    """The outcome of the checks: the status to answer with (0 when fine) and the typed request."""

    status: int = 0
    problems: list[Problem] = field(default_factory=list)
    params: dict[str, dict[str, Any]] = field(default_factory=lambda: {"path": {}, "query": {}, "header": {}, "cookie": {}})
    body: Any = None
    has_body: bool = False
    challenges: tuple[str, ...] = ()


def media_type(value: str | None) -> str:
    """The bare media type of a Content-Type value, lower case."""
    return (value or "").split(";")[0].strip().lower()


def accepts(declared: str, sent: str) -> bool:
    """Whether a sent media type fits a declared one (`application/*`, `*/*` included)."""
    declared = media_type(declared)
    if declared in ("*/*", sent):
        return True
    if declared.endswith("/*"):
        return sent.startswith(declared[:-1])
    return False


def check(checker: SchemaChecker, op: MockOperation, request: Incoming) -> Verdict:
    """Every problem of `request`; 401 for a missing credential, 415 for a wrong content type, else 400."""
    verdict = Verdict()
    missing = _credentials(op, request)
    if missing is not None:
        verdict.status = 401
        verdict.problems.extend(missing)
        verdict.challenges = _challenges(op)
        return verdict
    query_names = {p.name for p in op.params if p.location == "query"}
    for param in op.params:
        where = f"{param.location}.{param.name}"
        sent = wire.parameter(checker.document, param, request.query, _text(param.location, param.name, request), query_names - {param.name})
        if sent is None:
            if param.required:
                verdict.problems.append(Problem(where, f"the required {param.location} parameter {param.name!r} is missing"))
            continue
        value = _json_parameter(sent) if param.json_content else wire.typed(checker, param.schema_ptr, sent)
        verdict.params[param.location][param.name] = value
        found = checker.errors(param.schema_ptr, value)
        _note(verdict, ((where + inner.replace("/", ".") if inner else where, message) for inner, message in found))
    unsupported = _body(checker, op, request, verdict)
    if unsupported:
        verdict.status = 415
    elif verdict.problems:
        verdict.status = 400
    return verdict


def _text(location: str, name: str, request: Incoming) -> str | None:
    """The text a path, header or cookie parameter was sent as (path text percent-encoded); None if absent."""
    if location == "path":
        return request.path_values.get(name)
    if location == "header":
        return request.headers.get(name.lower())
    if location == "cookie":
        return request.cookies.get(name)
    return None


def _json_parameter(text: Any) -> Any:
    """A `content`-based parameter's JSON text as its value; the text itself when it is not JSON."""
    try:
        return parse_json(str(text).encode("utf-8", "surrogatepass"))
    except ValueError:
        return text


def _body(checker: SchemaChecker, op: MockOperation, request: Incoming, verdict: Verdict) -> bool:
    """Check the body; True when its content type is not one the operation takes."""
    if op.body is None or not op.body.content:
        return False
    sent_type = media_type(request.headers.get("content-type"))
    if not request.body:
        if op.body.required:
            verdict.problems.append(Problem("body", "the request body is required"))
        return False
    declared = next((ctype for ctype in op.body.content if accepts(ctype, sent_type)), None)
    if declared is None:
        wanted = ", ".join(op.body.content)
        shown = sent_type or "none"
        verdict.problems.append(Problem("header.Content-Type", f"content type {shown!r} is not accepted; send one of: {wanted}"))
        return True
    schema_ptr = op.body.content[declared]
    kind = media_type(declared)
    if kind.endswith("json") or (kind == "*/*" and sent_type.endswith("json")):
        try:
            value = parse_json(request.body)
        except ValueError as exc:  # UnicodeDecodeError included: a JSON body must be UTF-8, -16 or -32
            verdict.problems.append(Problem("body", f"the body is not valid JSON: {exc}"))
            return False
    elif kind == "application/x-www-form-urlencoded":
        form = wire.form_body(checker.document, schema_ptr, request.body, op.body.encoding.get(declared, {}))
        value = wire.typed(checker, schema_ptr, form)
    elif kind == "multipart/form-data" and sent_type == "multipart/form-data":
        encoding = op.body.encoding.get(declared, {})
        parts = wire.multipart_body(checker.document, schema_ptr, request.body, request.headers.get("content-type", ""), encoding)
        value = wire.typed(checker, schema_ptr, parts)
    else:  # text and binary bodies are taken as they come
        verdict.body, verdict.has_body = request.body, True
        return False
    verdict.body, verdict.has_body = value, True
    _note(verdict, (("body" + inner, message) for inner, message in checker.errors(schema_ptr, value)))
    return False


def _note(verdict: Verdict, found: Iterable[tuple[str, str]]) -> None:
    """Add problems (location, message) up to MAX_PROBLEMS in all, then one saying the list stops there."""
    room = max(0, MAX_PROBLEMS - len(verdict.problems))
    listed = list(islice(found, room + 1))
    verdict.problems.extend(Problem(where, message) for where, message in listed[:room])
    if len(listed) > room and len(verdict.problems) == MAX_PROBLEMS:  # said once
        location = listed[room][0]
        verdict.problems.append(Problem(location, f"and more problems; the mock lists the first {MAX_PROBLEMS}"))


def _credentials(op: MockOperation, request: Incoming) -> list[Problem] | None:
    """None when one alternative is fully present; else what each alternative lacks."""
    if not op.security:
        return None
    lacking: list[Problem] = []
    for alternative in op.security:
        missing = [scheme for scheme in alternative if not _present(scheme, request)]
        if not missing:
            return None
        for scheme in missing:
            problem = Problem(_where(scheme), f"no {_describe(scheme)} credential ({scheme.key})")
            if problem not in lacking:
                lacking.append(problem)
    return lacking


def _present(scheme: SchemeSpec, request: Incoming) -> bool:
    """Whether the credential of one scheme is on the request."""
    if scheme.kind in ("bearer", "basic"):
        value = request.headers.get("authorization", "")
        kind, _, token = value.partition(" ")
        if kind.lower() != scheme.kind or not token.strip():
            return False
        if scheme.kind == "basic":
            try:
                user, colon, _ = base64.b64decode(token.strip(), validate=True).decode("utf-8").partition(":")
            except (binascii.Error, ValueError):
                return False
            return bool(user) and bool(colon)
        return True
    if scheme.location == "query":
        return any(v for v in request.query.get(scheme.name, []))
    if scheme.location == "cookie":
        return bool(request.cookies.get(scheme.name))
    return bool(request.headers.get(scheme.name.lower()))


def _where(scheme: SchemeSpec) -> str:
    """The location of a scheme's credential, as the problem list names it."""
    return f"{scheme.location}.{scheme.name}"


def _describe(scheme: SchemeSpec) -> str:
    """The kind of credential a scheme wants, in words."""
    if scheme.kind == "bearer":
        return "bearer"
    if scheme.kind == "basic":
        return "HTTP basic"
    return f"API key {scheme.location}"


def _challenges(op: MockOperation) -> tuple[str, ...]:
    """The `WWW-Authenticate` challenges of the operation's HTTP schemes."""
    found: list[str] = []
    for alternative in op.security:
        for scheme in alternative:
            challenge = {"bearer": "Bearer", "basic": 'Basic realm="trunkline mock"'}.get(scheme.kind)
            if challenge and challenge not in found:
                found.append(challenge)
    return tuple(found)
