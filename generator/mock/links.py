"""Point the API's own absolute URLs in answers at the mock, so that a client follows them to the mock.

Documented answers carry links to the vendor's server (Hipcall's `links.next` is
`https://api.hipcall.com/api/v20211124/cdrs?page=2`); a client walking pages against the mock must
get the mock's origin there, or it leaves the mock (and a careful client refuses the foreign
origin). Only URLs on an origin of the spec's `servers` (variables at their default or enum
values) are rewritten: an allow-list, so no other URL in an answer ever changes.
"""

from __future__ import annotations

import itertools
import re
from typing import Any
from urllib.parse import urlsplit

from generator.reading.load import Document

_MAX_ORIGINS = 64  # server variables with many enum values: at most this many combinations
_DEFAULT_PORTS = {"http": 80, "https": 443}
# what the mock may call itself: a host name or an IP literal and a port, as a Host header has it
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:[0-9]{1,5})?")
_VARIABLE = re.compile(r"\{([^{}]*)\}")

Origin = tuple[str, str, int]  # scheme, host (lower case), port


def server_origins(document: Document) -> frozenset[Origin]:
    """The origins of the spec's absolute server URLs, each variable at its default or an enum value."""
    found: set[Origin] = set()
    servers = document.data.get("servers")
    for server in servers if isinstance(servers, list) else []:
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        for url in _expansions(server["url"], server.get("variables")):
            origin = origin_of(url)
            if origin is not None:
                found.add(origin)
    return frozenset(found)


def _expansions(template: str, variables: Any) -> list[str]:
    """The server URL with each combination of its variables' values (default first), at most `_MAX_ORIGINS`."""
    names = _VARIABLE.findall(template)
    choices: list[list[str]] = []
    for name in names:
        found = variables.get(name) if isinstance(variables, dict) else None
        var: dict[str, Any] = found if isinstance(found, dict) else {}
        enum: list[Any] = var["enum"] if isinstance(var.get("enum"), list) else []
        values = [var.get("default"), *enum]
        choices.append(list(dict.fromkeys(str(v) for v in values if isinstance(v, (str, int, float)))) or [""])
    urls = []
    for combination in itertools.islice(itertools.product(*choices), _MAX_ORIGINS):
        url = template
        for name, value in zip(names, combination):
            url = url.replace("{" + name + "}", value)
        urls.append(url)
    return urls


def origin_of(url: str) -> Origin | None:
    """An absolute http(s) URL's origin, None for anything else (or a URL with user info)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname or "@" in parts.netloc:
        return None
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS[scheme]


def own_origin(host: str | None) -> str | None:
    """`http://HOST` for the Host a request was sent to, when it is a plain host[:port]; else None."""
    if not host or not _HOST.fullmatch(host):
        return None
    return f"http://{host}"


def rebase(value: Any, origins: frozenset[Origin], own: str) -> Any:
    """`value` (JSON) with every string that is a URL on one of `origins` moved to `own`; the rest unchanged."""
    if isinstance(value, str):
        return _rebase_url(value, origins, own)
    if isinstance(value, list):
        return [rebase(item, origins, own) for item in value]
    if isinstance(value, dict):
        return {key: rebase(item, origins, own) for key, item in value.items()}
    return value


def _rebase_url(text: str, origins: frozenset[Origin], own: str) -> str:
    """One string: the same path, query and fragment on `own` when it is a URL on an allowed origin."""
    if "://" not in text[:10] or origin_of(text) not in origins:
        return text
    parts = urlsplit(text)
    rest = text[len(parts.scheme) + 3 + len(parts.netloc):]
    return own + rest
