"""Check one exchange against a loaded spec: route it, check the request and the answer, locate each departure."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from generator.drift.exchange import Exchange
from generator.drift.findings import Departure, departure
from generator.drift.kinds import UNDOCUMENTED_OPERATION
from generator.drift.redact import Redactor, scrub
from generator.drift.request_side import Spot, request_spots
from generator.drift.response_side import MISSING_STATUS, response_spots
from generator.drift.schema_check import DriftSchemas
from generator.mock.model import MockSpec, mock_spec
from generator.mock.router import Match, NoMethod, Router
from generator.reading.load import Document, pointer

_ID = re.compile(r"\d+|[0-9a-fA-F-]{8,}|[0-9a-fA-F]{8}-[0-9a-fA-F-]+")  # a path segment that looks like an id


class DriftChecker:
    """Checks exchanges against one spec; findings point into the spec file."""

    def __init__(self, document: Document) -> None:
        """Read what the checks need from the loaded spec (a TrunklineError with a location if it cannot)."""
        self.document = document
        self.spec: MockSpec = mock_spec(document)
        self.schemas = DriftSchemas(document, self.spec.version)
        self.router = Router(self.spec.operations, self.spec.prefixes)
        self.redactor = Redactor.of(self.spec)

    def check(self, exchange: Exchange) -> list[Departure]:
        """Every departure of one exchange, its `seen` text free of the exchange's credentials."""
        secrets = self.redactor.secrets(exchange)
        method = exchange.method.upper()
        path = urlsplit(exchange.url).path or "/"
        found = self.router.find(method, path)
        if not isinstance(found, Match):
            if exchange.status in MISSING_STATUS:
                return []
            where, operation = self._undocumented(method, path, found)
            seen = f"{method} {self.redactor.url(exchange.url)} answered {exchange.status}"
            return [departure(UNDOCUMENTED_OPERATION, self.document.locate(where), operation, scrub(seen, secrets))]
        op = found.operation
        spots: list[Spot] = [*request_spots(self.schemas, exchange, found), *response_spots(self.schemas, op, exchange)]
        name = f"{op.method} {op.path}"
        return [departure(kind, self.document.locate(ptr), name, scrub(seen, secrets)) for kind, ptr, seen in spots]

    def _undocumented(self, method: str, path: str, found: NoMethod | None) -> tuple[str, str]:
        """The pointer where an undocumented operation would go, and its `METHOD /path` (ids as `{id}`)."""
        if isinstance(found, NoMethod):
            template = self._template(path)
            if template is not None:
                return pointer("paths", template, method.lower()), f"{method} {template}"
        stripped = next((path[len(p):] for p in self.spec.prefixes if p and (path == p or path.startswith(p + "/"))), path)
        segments = ["{id}" if _ID.fullmatch(unquote(s)) else unquote(s) for s in stripped.split("/")]
        shape = "/".join(segments) or "/"
        return pointer("paths", shape), f"{method} {shape}"

    def _template(self, path: str) -> str | None:
        """The path template some method of the spec serves `path` under."""
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"):
            found = self.router.find(method, path)
            if isinstance(found, Match):
                return found.operation.path
        return None
