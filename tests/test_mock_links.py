"""`trunkline mock` points the API's own absolute URLs (next links) at itself, and no other URL.

Hipcall documents `links.next: https://api.hipcall.com/api/v20211124/cdrs?page=2`; against the
mock a client must be sent to the mock, or it leaves it (and refuses the foreign origin). Only URLs
on an origin of the spec's servers change: an allow-list.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.mock.app import MockApp
from generator.mock.links import origin_of, own_origin, rebase, server_origins
from generator.mock.model import mock_spec
from generator.mock.server import base_url, bind
from generator.reading.load import load
from tests.replay import SPECS, client_module, package_ir, vendors

HIPCALL = frozenset({("https", "api.hipcall.com", 443)})
OWN = "http://127.0.0.1:5000"


def test_server_origins_take_variable_defaults_and_enum_values(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nservers:\n"
        "  - url: https://{region}.api.example.com:8443/v1\n"
        "    variables: {region: {default: eu, enum: [eu, us]}}\n"
        "  - url: HTTP://Plain.Example.com/\n"
        "  - url: /relative\n"
        "  - url: ftp://files.example.com/\n"
    )
    assert server_origins(load(spec)) == {
        ("https", "eu.api.example.com", 8443), ("https", "us.api.example.com", 8443), ("http", "plain.example.com", 80),
    }
    assert server_origins(load(SPECS / "voipnow.yaml")) == {("https", "api.hubgets.com", 443)}
    assert server_origins(load(SPECS / "hipcall.yaml")) == HIPCALL


def test_only_urls_on_the_server_origins_are_rebased() -> None:
    body = {
        "links": {"next": "https://api.hipcall.com/api/v20211124/cdrs?page=2", "prev": None},
        "same": ["https://API.hipcall.com:443/x#f", "https://api.hipcall.com", "https://api.hipcall.com?q=1"],
        "kept": [
            "https://api.hipcall.com.evil.example/cdrs",  # another host that starts the same
            "https://api.hipcall.com@evil.example/cdrs",  # user info: the host is evil.example
            "https://evil.example/?u=https://api.hipcall.com/cdrs",  # the API's URL inside another
            "http://api.hipcall.com/cdrs",  # another scheme, another origin
            "https://api.hipcall.com:8443/cdrs",  # another port
            "http://x.x.x.x/uapi/phoneCalls",  # VoipNow's documented self link: not a server origin
            "see https://api.hipcall.com/cdrs",  # text that holds a URL is not a URL
            "https://[::1/bad",
        ],
        "n": 3,
    }
    rebased = rebase(body, HIPCALL, OWN)
    assert rebased["links"] == {"next": OWN + "/api/v20211124/cdrs?page=2", "prev": None}
    assert rebased["same"] == [OWN + "/x#f", OWN, OWN + "?q=1"]
    assert rebased["kept"] == body["kept"] and rebased["n"] == 3


@pytest.mark.parametrize(
    ("host", "own"),
    [("127.0.0.1:5000", "http://127.0.0.1:5000"), ("localhost:80", "http://localhost:80"), ("[::1]:8080", "http://[::1]:8080"),
     ("evil.example/x", None), ("a@b:1", None), ("", None), (None, None), ("h:123456", None), ("h h", None)],
)
def test_own_origin_is_a_plain_host(host: str | None, own: str | None) -> None:
    assert own_origin(host) == own


def test_origin_of() -> None:
    assert origin_of("https://Example.COM/x") == ("https", "example.com", 443)
    assert origin_of("http://example.com:8080") == ("http", "example.com", 8080)
    assert origin_of("https://u:p@example.com/") is None
    assert origin_of("mailto:x@example.com") is None
    assert origin_of("https://example.com:99999/") is None


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    """Every vendor's mock on a thread: base URLs by vendor."""
    running = {}
    threads = []
    for vendor in vendors():
        app = MockApp(mock_spec(load(SPECS / f"{vendor}.yaml")))
        server = bind(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        running[vendor] = (server, app.spec.prefixes[0])
        threads.append(thread)
    yield {vendor: base_url(server, prefix) for vendor, (server, prefix) in running.items()}
    for server, _ in running.values():
        server.shutdown()
        server.server_close()
    for thread in threads:
        thread.join(5)


def test_the_documented_next_link_points_at_the_mock(servers: dict[str, str]) -> None:
    base = servers["hipcall"]
    answer = httpx.get(base + "/cdrs", headers={"Authorization": "Bearer k"})
    assert answer.status_code == 200
    origin = base.split("/api/")[0]
    assert answer.json()["links"] == {"first": origin + "/api/v20211124/cdrs?page=1", "last": None, "prev": None,
                                      "next": origin + "/api/v20211124/cdrs?page=2"}
    assert answer.json()["meta"]["path"] == origin + "/api/v20211124/cdrs"
    # a Host header that is no plain host name changes nothing: the documented link stays as it is
    odd = httpx.get(base + "/cdrs", headers={"Authorization": "Bearer k", "Host": "evil.example/x"})
    assert odd.json()["links"]["next"] == "https://api.hipcall.com/api/v20211124/cdrs?page=2"


def _paged(vendor: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Each list operation of a vendor: namespace, method and the required arguments its first example gives."""
    found = []
    for ns in package_ir(vendor).namespaces:
        for op in ns.operations:
            if op.pagination is None:
                continue
            example = op.examples[0] if op.examples else None
            values = {"path": example.path, "query": example.query} if example else {}
            kwargs = {p.name: values.get(p.location, {}).get(p.wire, p.sample) for p in op.params if p.required}
            found.append((ns.attribute, op.method_name, kwargs))
    return found


@pytest.mark.parametrize("vendor", vendors())
def test_every_list_walks_every_page_against_the_mock(vendor: str, servers: dict[str, str]) -> None:
    module = client_module(vendor)
    credentials = {c.name: "test" for c in package_ir(vendor).credentials}
    sent: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda r: sent.append(str(r.url))]})
    walked = {}
    with module.Client(**credentials, base_url=servers[vendor], http_client=http, max_retries=0) as client:
        for attribute, method, kwargs in _paged(vendor):
            sent.clear()
            items = list(getattr(getattr(client, attribute), method)(**kwargs))
            walked[f"{attribute}.{method}"] = (len(items), list(sent))
    http.close()
    if vendor == "agendize":  # its list returns the sync token to the caller: nothing to walk (issue 20)
        assert walked == {}
        return
    assert walked
    assert all(url.startswith(servers[vendor].split("/", 3)[0] + "//" + servers[vendor].split("/", 3)[2]) for _, urls in walked.values() for url in urls)
    if vendor == "hipcall":  # three pages with next links documented: page 1, then the rewritten link to page 2
        origin = servers["hipcall"].rsplit("/api/", 1)[0]
        count, urls = walked["calls.list"]
        assert urls == [servers["hipcall"] + "/cdrs", origin + "/api/v20211124/cdrs?page=2"]
        [documented] = [op.examples[0].response for ns in package_ir("hipcall").namespaces for op in ns.operations if op.operation_id == "calls_list"]
        # the mock answers page 2 with the documented page again, whose next link repeats a request: the walk
        # ends there (a warning), having yielded both pages, and never met a ForeignNextLinkError
        assert count == 2 * len(documented["data"]) == 20
        assert walked["tasks.list"][1][-1] == origin + "/api/v20211124/tasks?page=2"


def test_the_async_walk_follows_the_rewritten_link(servers: dict[str, str]) -> None:
    module = client_module("hipcall")

    async def walk() -> int:
        async with module.AsyncClient(api_key="k", base_url=servers["hipcall"], max_retries=0) as client:
            return len([item async for item in client.users.list()])

    assert asyncio.run(walk()) >= 1
