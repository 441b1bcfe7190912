"""The replay over a real socket: every documented exchange, sent by each generated client (sync and
async) to `trunkline mock` running as a separate process on a free loopback port.

The mock must accept every request the clients send (no validation error) and answer with the
documented response, which the clients must parse into the documented value. Cases come from the
specs through tests/replay.py, so a new example in a spec is a new exchange here.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import httpx
import pytest

from generator.mock.links import rebase, server_origins
from generator.modeling import ir
from generator.reading.load import load
from tests.replay import (
    ROOT,
    SPECS,
    Case,
    call_arguments,
    cases,
    check_request,
    client_module,
    credentials,
    dumped,
    effective,
    expected_auth_headers,
    expected_url,
    package_ir,
    untyped_fields,
    vendors,
)


class MockProcess:
    """A running `trunkline mock SPEC --port 0`; `url` is the base URL it printed first."""

    def __init__(self, spec: Path, *extra: str, timeout: float = 20.0) -> None:
        self.log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  (read by stderr() after stop)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "mock", str(spec), "--port", "0", *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=self.log,
        )
        self.url = self._first_line(timeout)

    def _first_line(self, timeout: float) -> str:
        assert self.process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
        selector.close()
        line = self.process.stdout.readline().decode().strip() if ready else ""
        if not line.startswith("http://"):
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"trunkline mock did not start: {line!r} {self.stderr()!r}")
        return line

    def stderr(self) -> str:
        """What the server logged so far."""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int:
        """Signal the server and wait; its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        finally:
            if self.process.stdout is not None:
                self.process.stdout.close()
        return code


CASES = cases()
MOCK_HEADER = "x-trunkline-mock"
EXAMPLE_HEADER = "x-trunkline-example"


@pytest.fixture(scope="module")
def mock_url() -> Iterator[Callable[[str], str]]:
    """The base URL of each vendor's mock, started on first use and stopped (SIGTERM, exit 0) at the end."""
    started: dict[str, MockProcess] = {}

    def url(vendor: str) -> str:
        if vendor not in started:
            started[vendor] = MockProcess(SPECS / f"{vendor}.yaml")
        return started[vendor].url

    yield url
    for vendor, server in started.items():
        assert server.stop() == 0, f"{vendor} mock: {server.stderr()}"


def _vendor_base(case: Case) -> str:
    base = case.package.base_url
    for var in case.package.server_variables:
        base = base.replace("{" + var.wire + "}", var.default)
    return base


@functools.cache
def _origins(vendor: str) -> frozenset[tuple[str, str, int]]:
    return server_origins(load(SPECS / f"{vendor}.yaml"))


def _served(vendor: str, documented: Any, base: str) -> Any:
    """A documented body as the mock serves it: URLs on the API's origins moved to the mock's (next links)."""
    scheme, _, host = base.split("/", 3)[:3]
    return rebase(documented, _origins(vendor), f"{scheme}//{host}")


def _prefer(case: Case) -> dict[str, str]:
    """Name the exchange with `Prefer` unless the operation has only one, which request matching finds."""
    if len(case.operation.examples) == 1:
        return {}
    return {"Prefer": f"example={case.example.name}"}


def _check_exchange(module: Any, case: Case, base: str, exchanges: list[httpx.Response], result: Any) -> None:
    """One request went out; the mock took it, answered with the documented exchange, and the client parsed it."""
    assert len(exchanges) == 1, [r.status_code for r in exchanges]
    response = exchanges[0]
    assert response.status_code < 400, f"the mock refused the request: {response.status_code} {response.text}"
    request = response.request
    # the request is the documented one, sent to the mock instead of the vendor
    documented_url = expected_url(case, effective(module, case))
    assert documented_url.startswith(_vendor_base(case))
    assert str(request.url) == base + documented_url[len(_vendor_base(case)):]
    assert response.headers.get(EXAMPLE_HEADER) == case.example.name
    op, example = case.operation, case.example
    expected_status = example.status or next(r.status for r in op.responses if r.status.startswith("2"))
    assert response.status_code == int(expected_status)
    for name, value in example.response_headers.items():
        assert response.headers.get(name) == str(value), name
    page_items = None
    if op.pagination is not None:
        assert isinstance(result, (module.Page, module.AsyncPage))
        page_items, result = result.items, result.response
    if example.has_response:
        assert response.headers[MOCK_HEADER] == "example"
        assert untyped_fields(result) == []
        # the mock points the API's own URLs (next links) at itself
        expected = _served(case.vendor, example.response, base)
    else:  # nothing documented: the mock built the body from the schema and says so
        assert response.headers[MOCK_HEADER] == "generated" or not response.content
        expected = json.loads(response.content) if response.content else None
    if expected is None and not response.content:
        assert result is None
    else:
        assert dumped(module, op.return_type, result) == expected
    if page_items is not None and op.pagination is not None:
        wanted = expected
        for token in op.pagination.items:
            wanted = wanted[token] if isinstance(wanted, dict) else None
        assert dumped(module, ir.ListOf(op.pagination.item_type), page_items) == (wanted or [])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_replay_http_sync(case: Case, mock_url: Callable[[str], str]) -> None:
    module = client_module(case.vendor)
    base = mock_url(case.vendor)
    seen: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        seen.append(response)

    http = httpx.Client(event_hooks={"response": [keep]})
    with module.Client(**credentials(case), base_url=base, http_client=http, max_retries=0) as client:
        method = getattr(getattr(client, case.namespace), case.operation.method_name)
        result = method(**call_arguments(module, case), request_options={"extra_headers": {"Prefer": f"example={case.example.name}"}})
    http.close()
    check_request_over_http(module, case, base, seen)
    _check_exchange(module, case, base, seen, result)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_replay_http_async(case: Case, mock_url: Callable[[str], str]) -> None:
    module = client_module(case.vendor)
    base = mock_url(case.vendor)
    seen: list[httpx.Response] = []

    async def keep(response: httpx.Response) -> None:
        await response.aread()
        seen.append(response)

    async def run() -> Any:
        async with httpx.AsyncClient(event_hooks={"response": [keep]}) as http:
            client = module.AsyncClient(**credentials(case), base_url=base, http_client=http, max_retries=0)
            method = getattr(getattr(client, case.namespace), case.operation.method_name)
            return await method(**call_arguments(module, case), request_options={"extra_headers": _prefer(case)})

    result = asyncio.run(run())
    check_request_over_http(module, case, base, seen)
    _check_exchange(module, case, base, seen, result)


def check_request_over_http(module: Any, case: Case, base: str, seen: list[httpx.Response]) -> None:
    """The shared request check of tests/replay.py, on the request as it went to the mock."""
    assert seen, "no request reached the mock"
    request = seen[0].request
    vendor = _vendor_base(case)
    moved = httpx.Request(request.method, vendor + str(request.url)[len(base):], headers=request.headers, content=request.content)
    check_request(module, case, moved)


def _undocumented_cases() -> list[Case]:
    """One call per operation that documents no example, with placeholder arguments (tests/replay.py)."""
    found = []
    for vendor in vendors():
        package = package_ir(vendor)
        for ns in package.namespaces:
            for op in ns.operations:
                if not op.examples:
                    blank = ir.Example("", {}, {}, {}, None, False, None, None, False, {})
                    found.append(Case(vendor, package, ns.attribute, op, blank))
    return found


UNDOCUMENTED = _undocumented_cases()


@pytest.mark.parametrize("case", UNDOCUMENTED, ids=[f"{c.vendor}-{c.operation.operation_id}" for c in UNDOCUMENTED])
def test_operation_without_example_over_http(case: Case, mock_url: Callable[[str], str]) -> None:
    """The mock accepts the client's request and answers from the schema; the client parses the answer."""
    module = client_module(case.vendor)
    base = mock_url(case.vendor)
    seen: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        seen.append(response)

    with httpx.Client(event_hooks={"response": [keep]}) as http:
        client = module.Client(**credentials(case), base_url=base, http_client=http, max_retries=0)
        result = getattr(getattr(client, case.namespace), case.operation.method_name)(**call_arguments(module, case))
    assert len(seen) == 1
    response = seen[0]
    assert response.status_code < 400, f"the mock refused the request: {response.status_code} {response.text}"
    assert "x-trunkline-example" not in response.headers
    op = case.operation
    if op.pagination is not None:
        result = result.response
    if response.content:
        assert response.headers["x-trunkline-mock"] == "generated"
        assert dumped(module, op.return_type, result) == json.loads(response.content)
    else:
        assert result is None


def _auth(case: Case) -> tuple[dict[str, str], dict[str, str]]:
    """Headers and query parameters carrying the credentials of the case's first security alternative."""
    query = {}
    for scheme in case.package.schemes:
        if case.operation.security and scheme.key in case.operation.security[0] and scheme.location == "query":
            query[scheme.wire] = credentials(case)[scheme.credential]
    return expected_auth_headers(case), query


@pytest.mark.parametrize("vendor", vendors())
def test_malformed_requests_over_http(vendor: str, mock_url: Callable[[str], str]) -> None:
    """Plain HTTP against each vendor's mock: unknown route, wrong method, no credential, a bad body."""
    base = mock_url(vendor)
    package = package_ir(vendor)
    unknown = httpx.get(base + "/no/such/route")
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    by_path: dict[str, set[str]] = {}
    for op in package.operations:
        by_path.setdefault(op.path, set()).add(op.http_method)
    path, methods = next(iter(by_path.items()))
    wrong = httpx.request("PATCH" if "PATCH" not in methods else "TRACE", base + path.replace("{", "").replace("}", ""))
    assert wrong.status_code == 405
    assert set(wrong.headers["allow"].split(", ")) == methods
    secured = next(op for op in package.operations if op.security)
    url = base + secured.path.replace("{", "").replace("}", "")
    refused = httpx.request(secured.http_method, url)
    assert refused.status_code == 401 and refused.json()["errors"]
    with_body = next(op for op in package.operations if op.body is not None and op.body.fields)
    namespace = next(ns.attribute for ns in package.namespaces if with_body in ns.operations)
    blank = ir.Example("", {}, {}, {}, None, False, None, None, False, {})
    headers, query = _auth(Case(vendor, package, namespace, with_body, blank))
    module = client_module(vendor)
    values = effective(module, Case(vendor, package, namespace, with_body, blank)).path
    path = with_body.path
    for wire, value in values.items():
        path = path.replace("{" + wire + "}", str(value))
    bad = httpx.request(with_body.http_method, base + path, params=query, headers=headers, json=[1])
    assert bad.status_code == 400, bad.text
    assert [e["location"] for e in bad.json()["errors"]] == ["body"]
