"""Rules about `servers`: present, no trailing slash, variables defined and used."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import operations, spot
from generator.reading.load import escape_token

_VARIABLE = re.compile(r"\{([^{}]*)\}")


def _server_lists(context: Context) -> Iterator[tuple[str, list[Any]]]:
    data = context.document.data
    if isinstance(data.get("servers"), list):
        yield "/servers", data["servers"]
    items_done: set[str] = set()
    for op in operations(context):
        if op.item_ptr not in items_done:
            items_done.add(op.item_ptr)
            if isinstance(op.path_item.get("servers"), list):
                yield op.item_ptr + "/servers", op.path_item["servers"]
        if isinstance(op.node.get("servers"), list):
            yield op.ptr + "/servers", op.node["servers"]


def _servers(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    for ptr, servers in _server_lists(context):
        for i, server in enumerate(servers):
            if isinstance(server, dict):
                yield f"{ptr}/{i}", server


@rule("oas3-api-servers", Severity.WARNING, "The document lists at least one server.", "spectral")
def api_servers(context: Context) -> Iterator[tuple[str, str]]:
    servers = context.document.data.get("servers")
    if not isinstance(servers, list) or not servers:
        where = "/servers" if "servers" in context.document.data else ""
        yield where, "add `servers` with the API's base URL: the client uses the first one by default"
        return


@rule("oas3-server-trailing-slash", Severity.WARNING, "Server URLs do not end with a slash.", "spectral")
def server_trailing_slash(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, server in _servers(context):
        url = server.get("url")
        if isinstance(url, str) and len(url) > 1 and url.endswith("/"):
            yield ptr + "/url", f"remove the trailing slash of server URL {url!r}: paths start with one"


@rule("oas3-server-not-example.com", None, "Server URLs are not example.com placeholders.", "spectral")
def server_not_example(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, server in _servers(context):
        url = server.get("url")
        if isinstance(url, str) and re.search(r"^[a-z]*:?/{0,2}([^/]*\.)?example\.com", url):
            yield ptr + "/url", f"replace the placeholder server URL {url!r} with the API's real one"


@rule("oas3-server-variables", Severity.ERROR, "Server URL variables are defined, used, and their defaults are allowed values.", "spectral")
def server_variables(context: Context) -> Iterator[tuple[str, str] | tuple[str, str, int, int]]:
    for ptr, server in _servers(context):
        url = server.get("url")
        if not isinstance(url, str):
            yield ptr, "give this server a `url` (the base URL, with `{variables}` for the parts users choose)"
            continue
        used = _VARIABLE.findall(url)
        variables = server.get("variables")
        defined = variables if isinstance(variables, dict) else {}
        for name in dict.fromkeys(used):
            if name not in defined:
                message = f"define server variable {name!r} (used in the URL {url!r}) under `variables` with a `default`"
                where = spot(context, ptr + "/url", f"{{{name}}}")
                yield (ptr + "/url", message) if where is None else (ptr + "/url", message, *where)
        for name, variable in defined.items():
            var_ptr = f"{ptr}/variables/{escape_token(str(name))}"
            if name not in used:
                yield var_ptr, f"server variable {name!r} is not used in the URL {url!r}; use it or remove it"
            if not isinstance(variable, dict):
                continue
            enum = variable.get("enum")
            if isinstance(enum, list):
                if not enum:
                    yield var_ptr + "/enum", f"list the allowed values of server variable {name!r} or drop the empty `enum`"
                elif "default" in variable and variable["default"] not in enum:
                    yield var_ptr + "/default", f"the default of server variable {name!r} must be one of its `enum` values"


@rule("server-scheme", Severity.WARNING, "Servers are HTTP(S) URLs, the only ones a generated client reaches.", "trunkline")
def server_scheme(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, server in _servers(context):
        url = server.get("url")
        scheme = url.split(":", 1)[0].lower() if isinstance(url, str) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
        if scheme in ("ws", "wss"):
            yield ptr + "/url", (
                f"{url!r} is a WebSocket server: the client sends its opening handshake as a plain "
                f"{'https' if scheme == 'wss' else 'http'} request and does not upgrade the connection"
            )
        elif scheme not in ("", "http", "https") and "{" not in scheme:
            yield ptr + "/url", f"the client only speaks HTTP(S): calls to {url!r} fail; give an http(s) URL or leave the operation out"
