"""Keep credentials out of every report: the spec's security schemes say which headers, cookies and query
parameters carry them, and the values found there are scrubbed from any text shown."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from generator.drift.exchange import Exchange
from generator.mock.model import MockSpec

MASK = "[redacted]"
# Always secret, whatever the spec says: credentials and session cookies travel in these.
ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_SHORTEST = 3  # shorter values are not scrubbed from text (they would blank out ordinary words and digits)


@dataclass(frozen=True)
class Redactor:
    """The names that carry credentials in one spec (header names lower case)."""

    headers: frozenset[str]
    query: frozenset[str]
    cookies: frozenset[str]

    @classmethod
    def of(cls, spec: MockSpec) -> Redactor:
        """The secret names of every security scheme of `spec`, plus the always-secret headers."""
        headers, query, cookies = set(ALWAYS_SECRET), set(), set()
        for op in spec.operations:
            for alternative in op.security:
                for scheme in alternative:
                    if scheme.location == "header":
                        headers.add(scheme.name.lower())
                    elif scheme.location == "query":
                        query.add(scheme.name)
                    elif scheme.location == "cookie":
                        cookies.add(scheme.name)
        for node in _schemes(spec).values():
            where, name = str(node.get("in", "")), str(node.get("name", ""))
            if node.get("type") == "apiKey" and name:
                {"header": headers, "query": query, "cookie": cookies}.get(where, set()).add(name.lower() if where == "header" else name)
        return cls(frozenset(headers), frozenset(query), frozenset(cookies))

    def secrets(self, exchange: Exchange) -> tuple[str, ...]:
        """Every credential value the exchange carries, longest first, so that scrubbing takes whole values."""
        found: set[str] = set(exchange.extra_secrets)
        for name, value in (*exchange.request_headers, *exchange.response_headers):
            lower = name.lower()
            if lower in ("cookie", "set-cookie"):
                found.update(_cookie_values(value))
            if lower in self.headers:
                found.update(_header_values(value))
        for name, value in parse_qsl(urlsplit(exchange.url).query, keep_blank_values=True):
            if name in self.query:
                found.add(value)
        return tuple(sorted((v for v in found if len(v) >= _SHORTEST), key=len, reverse=True))

    def url(self, url: str) -> str:
        """`url` with the values of secret query parameters masked and any user:password removed."""
        parts = urlsplit(url)
        if not parts.query and "@" not in parts.netloc:
            return url
        pairs = [(k, MASK if k in self.query else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
        netloc = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, parts.path, urlencode(pairs, safe="[]"), parts.fragment))


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every secret value replaced by the mask."""
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def _schemes(spec: MockSpec) -> dict[str, dict[str, object]]:
    """The spec's security scheme objects by key (those that are mappings)."""
    components = spec.document.data.get("components")
    raw = components.get("securitySchemes") if isinstance(components, dict) else None
    return {str(k): v for k, v in raw.items() if isinstance(v, dict)} if isinstance(raw, dict) else {}


def _header_values(value: str) -> set[str]:
    """A credential header's value, its token after the scheme word, and a basic credential's decoded parts."""
    found = {value.strip()}
    word, _, token = value.strip().partition(" ")
    token = token.strip()
    if token:
        found.add(token)
        if word.lower() == "basic":
            try:
                decoded = base64.b64decode(token, validate=True).decode("utf-8")
            except (binascii.Error, ValueError):
                decoded = ""
            found.update(v for v in (decoded, decoded.partition(":")[2]) if v)
    return found


def _cookie_values(value: str) -> set[str]:
    """The values of a Cookie or Set-Cookie header's cookies (all cookies count as credentials)."""
    found: set[str] = set()
    for piece in value.split(";"):
        name, eq, text = piece.strip().partition("=")
        if eq and name.lower() not in ("path", "domain", "expires", "max-age", "samesite"):
            found.add(text.strip().strip('"'))
    try:
        jar = SimpleCookie(value)
    except CookieError:
        return found
    found.update(morsel.value for morsel in jar.values() if morsel.value)
    return found
