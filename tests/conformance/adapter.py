"""openapi-core's Request and Response protocols over httpx, read the way a server would read them.

openapi-core ships adapters for requests, werkzeug and others but not httpx. The query is
decoded with blank values kept, cookies with werkzeug's parser (what a Flask server sees).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict
from werkzeug.http import parse_cookie


class HttpxOpenAPIRequest:
    """An httpx request as openapi-core reads requests."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        query = parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
        cookies = parse_cookie(request.headers.get("cookie", ""))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(request.headers.multi_items()),
            cookie=ImmutableMultiDict(list(cookies.items(multi=True))),
        )

    @property
    def host_url(self) -> str:
        """Scheme and authority: `https://api.example.com`."""
        url = self.request.url
        port = f":{url.port}" if url.port else ""
        return f"{url.scheme}://{url.host}{port}"

    @property
    def path(self) -> str:
        """The decoded path, as a WSGI server hands it on."""
        return self.request.url.path

    @property
    def method(self) -> str:
        """The method, lower case."""
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        """The body bytes, None when there is none."""
        content = self.request.content
        return content if content else None

    @property
    def content_type(self) -> str:
        """The Content-Type header, lower case, with its parameters."""
        return str(self.request.headers.get("content-type", ""))


class HttpxOpenAPIResponse:
    """An httpx response as openapi-core reads responses."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        """The status code."""
        return self.response.status_code

    @property
    def content_type(self) -> str:
        """The Content-Type header, lower case."""
        return str(self.response.headers.get("content-type", "")).lower()

    @property
    def headers(self) -> Headers:
        """The headers, as werkzeug holds them."""
        return Headers(self.response.headers.multi_items())

    @property
    def data(self) -> bytes | None:
        """The body bytes."""
        return self.response.content
