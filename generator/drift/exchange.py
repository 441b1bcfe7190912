"""One observed exchange: the request a client sent and the answer the API gave."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Exchange:
    """A request and its response as seen on the wire; header names as sent, bodies as bytes.

    `*_truncated` says the body was larger than the check limit and only its start is here.
    """

    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...] = ()
    request_body: bytes = b""
    status: int = 0
    response_headers: tuple[tuple[str, str], ...] = ()
    response_body: bytes = b""
    request_truncated: bool = False
    response_truncated: bool = False
    source: str = ""  # where it was read from (`file.har#/log/entries/3`), for messages
    extra_secrets: tuple[str, ...] = field(default=())

    def request_header(self, name: str) -> str | None:
        """The first request header called `name` (any case), or None."""
        return _first(self.request_headers, name)

    def response_header(self, name: str) -> str | None:
        """The first response header called `name` (any case), or None."""
        return _first(self.response_headers, name)


def _first(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    """The value of the first header called `name`, case-insensitively."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)
