"""Pick the documented answer to a valid request and render it: example, status, headers, body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.mock.checks import Problem, Verdict
from generator.mock.links import Origin, rebase
from generator.mock.model import Exchange, MockOperation, ResponseSpec
from generator.modeling.synth import sample_at
from generator.reading.load import Document

_PREFERENCE = re.compile(r'\s*([A-Za-z0-9_.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,;\s]*)')
_NO_BODY = frozenset({204, 205, 304})


@dataclass
class Reply:
    """A rendered answer: status, headers, body; its example, and whether the body was built from the schema."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    example: str | None = None
    generated: bool = False


class Refused(Exception):
    """A `Prefer` header the mock cannot honour; answered with a 400 problem."""

    def __init__(self, problem: Problem) -> None:
        """Keep the problem to report."""
        super().__init__(problem.message)
        self.problem = problem


def preferences(values: list[str]) -> dict[str, str]:
    """`example` and `code` (and any other token) from `Prefer` headers (RFC 7240)."""
    found: dict[str, str] = {}
    for value in values:
        for item in value.split(","):
            head = item.split(";")[0]
            match = _PREFERENCE.match(head)
            if match:
                text = match.group(2)
                if text.startswith('"'):
                    text = text[1:-1].replace('\\"', '"')
                found.setdefault(match.group(1).lower(), text)
    return found


def choose(op: MockOperation, verdict: Verdict, prefer: dict[str, str]) -> tuple[str, Exchange | None]:
    """The status and exchange that answer a valid request, by the rules of docs/mock.md."""
    exchanges = {e.name: e for e in op.exchanges}
    if "example" in prefer and prefer["example"] not in op.bare:
        name = prefer["example"]
        chosen = exchanges.get(name)
        if chosen is None:
            known = ", ".join(exchanges) or "none"
            raise Refused(Problem("header.Prefer", f"{op.operation_id} has no example {name!r}; its examples: {known}"))
        return _status_of(op, chosen), chosen
    if "code" in prefer:
        code = prefer["code"]
        if _response(op, code) is None:
            known = ", ".join(op.responses) or "none"
            raise Refused(Problem("header.Prefer", f"{op.operation_id} documents no {code} response; its responses: {known}"))
        with_code = [e for e in op.exchanges if e.status == code]
        best = _best_match(with_code, verdict)
        return code, best or (with_code[0] if with_code else None)
    best = _best_match(list(op.exchanges), verdict)
    if best is not None:
        return _status_of(op, best), best
    for exchange in op.exchanges:
        if exchange.status is not None and exchange.status.startswith("2"):
            return exchange.status, exchange
    return _first_success(op), None


def _status_of(op: MockOperation, exchange: Exchange) -> str:
    """The status an exchange answers with; the first 2xx when it documents only a request."""
    return exchange.status or _first_success(op)


def _first_success(op: MockOperation) -> str:
    """The first documented 2xx status, else `default`."""
    for status in op.responses:
        if status.startswith("2"):
            return status
    return "default" if "default" in op.responses else "200"


def _response(op: MockOperation, status: str) -> ResponseSpec | None:
    """The documented response for a status: exact, its range (`4XX`), or `default`."""
    return op.responses.get(status) or op.responses.get(f"{status[:1]}XX") or op.responses.get("default")


def _best_match(exchanges: list[Exchange], verdict: Verdict) -> Exchange | None:
    """The exchange documenting the most request values, all equal to the request's; first on ties."""
    best: Exchange | None = None
    best_score = 0
    for exchange in exchanges:
        score = _score(exchange, verdict)
        if score > best_score:
            best, best_score = exchange, score
    return best


def _score(exchange: Exchange, verdict: Verdict) -> int:
    """How many documented request values the request repeats; 0 when any of them differs."""
    score = 0
    for location in ("path", "query", "header", "cookie"):
        documented: dict[str, Any] = getattr(exchange, location)
        sent = verdict.params[location]
        for name, value in documented.items():
            if name not in sent or _text(sent[name]) != _text(value):
                return 0
            score += 1
    if exchange.has_body:
        if not verdict.has_body or not _subset(exchange.body, verdict.body):
            return 0
        score += 1
    return score


def _text(value: Any) -> Any:
    """A value as it reads on the wire, so that 2021 and '2021' compare equal."""
    if isinstance(value, list):
        return [_text(v) for v in value]
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _subset(documented: Any, sent: Any) -> bool:
    """Whether `sent` holds everything `documented` does (objects may carry more fields)."""
    if isinstance(documented, dict):
        return isinstance(sent, dict) and all(k in sent and _subset(v, sent[k]) for k, v in documented.items())
    if isinstance(documented, list):
        return isinstance(sent, list) and len(documented) == len(sent) and all(_subset(a, b) for a, b in zip(documented, sent))
    return bool(documented == sent and type(documented) is type(sent) or _both_numbers(documented, sent))


def _both_numbers(a: Any, b: Any) -> bool:
    """Whether two values are equal numbers (1 and 1.0), booleans excluded."""
    numbers = (int, float)
    return isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool) and a == b


@dataclass(frozen=True)
class Rebase:
    """Where the API's own URLs in an answer go: the spec's server origins, moved to the mock's origin."""

    origins: frozenset[Origin]
    own: str

    def __call__(self, value: Any) -> Any:
        """`value` with its URLs on the server origins moved to `own`."""
        return rebase(value, self.origins, self.own)


def render(document: Document, op: MockOperation, status: str, exchange: Exchange | None, links: Rebase | None = None) -> Reply:
    """The answer for `status`, from the exchange where it documents one, else built from the schema.

    With `links`, URLs on the API's own origin (a documented next link) point at the mock instead.
    """
    code = _code(status)
    reply = Reply(code, example=exchange.name if exchange is not None else None)
    response = _response(op, status)
    if response is None:
        return reply
    documented_headers = exchange.response_headers if exchange is not None and exchange.status == status else {}
    for header in response.headers:
        if header.name.lower() == "content-type":
            continue
        if header.name in documented_headers:
            value = documented_headers[header.name]
        else:
            value = sample_at(document, header.schema_ptr)
        if value is not None:
            reply.headers.append((header.name, _header_text(links(value) if links else value)))
    if code in _NO_BODY or not response.content:
        return reply
    ctype = _content_type(response, exchange)
    documented = exchange is not None and exchange.has_response and exchange.status == status
    if documented and exchange is not None:
        value = exchange.response
    else:
        value = sample_at(document, response.content[ctype])
        reply.generated = True
    reply.headers.append(("Content-Type", _served_type(ctype)))
    reply.body = _encode(ctype, links(value) if links else value)
    return reply


def _code(status: str) -> int:
    """The numeric status of a documented one (`4XX` answers 400, `default` 200)."""
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0].isdigit():
        return int(status[0]) * 100
    return 200


def _content_type(response: ResponseSpec, exchange: Exchange | None) -> str:
    """The media type to answer with: the exchange's, else JSON, else the first."""
    if exchange is not None and exchange.response_type in response.content:
        return str(exchange.response_type)
    for ctype in response.content:
        kind = ctype.split(";")[0].strip().lower()
        if kind == "application/json" or kind.endswith("+json"):
            return ctype
    return next(iter(response.content))


def _served_type(ctype: str) -> str:
    """A concrete media type for the Content-Type header (a range like `*/*` becomes JSON)."""
    return "application/json" if "*" in ctype else ctype


def _encode(ctype: str, value: Any) -> bytes:
    """The body bytes of a value in a media type."""
    kind = ctype.split(";")[0].strip().lower()
    if kind.endswith("json") or "*" in kind:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    return b"" if value is None else json.dumps(value).encode("utf-8")


def _header_text(value: Any) -> str:
    """A header value as text, on one line."""
    text = _text(value) if not isinstance(value, (dict, list)) else json.dumps(value)
    return str(text).replace("\r", " ").replace("\n", " ")
