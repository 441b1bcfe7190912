"""Replay every documented example against the generated clients, sync and async.

Cases come from the specs: a new example in a spec is a new test here.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import yaml

from generator.spec import HTTP_METHODS
from tests.replay import (
    SPECS,
    Case,
    call_arguments,
    cases,
    check_request,
    check_response_headers,
    client_module,
    credentials,
    documented_response,
    dumped,
    untyped_fields,
    vendors,
)

CASES = cases()

# Documented exchanges per vendor page (see specs/README.md): Hipcall's 17 example requests,
# SnapCall's 74 code samples, Monica's 6 and VoipNow's 6 response examples; Agendize shows none.
DOCUMENTED_EXCHANGES = {"agendize": 0, "hipcall": 17, "monica": 6, "snapcall": 74, "voipnow": 6}


def _check_result(module: Any, case: Case, result: Any) -> None:
    op, example = case.operation, case.example
    if op.pagination is not None:
        assert isinstance(result, (module.Page, module.AsyncPage))
        items = result.items
        result = result.response
        if example.has_response:
            expected_items = example.response
            for token in op.pagination.items:
                expected_items = expected_items[token]
            assert dumped(module, f"list[{op.pagination.item_annotation}]", items) == expected_items
    if example.has_response:
        assert dumped(module, op.return_annotation, result) == example.response
        assert untyped_fields(result) == []
    else:
        assert result is None


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_replay_sync(case: Case) -> None:
    module = client_module(case.vendor)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return documented_response(case)

    client = module.Client(**credentials(case), http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    method = getattr(getattr(client, case.namespace), case.operation.method_name)
    result = method(**call_arguments(module, case))
    assert len(sent) == 1
    check_request(module, case, sent[0])
    _check_result(module, case, result)

    raw_method = getattr(getattr(client.with_raw_response, case.namespace), case.operation.method_name)
    raw = raw_method(**call_arguments(module, case))
    assert len(sent) == 2
    check_request(module, case, sent[1])
    assert raw.status_code == documented_response(case).status_code
    check_response_headers(case, raw.headers)
    _check_result(module, case, raw.parse())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_replay_async(case: Case) -> None:
    module = client_module(case.vendor)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return documented_response(case)

    async def run() -> tuple[Any, Any]:
        transport = httpx.MockTransport(answer)
        async with module.AsyncClient(**credentials(case), http_client=httpx.AsyncClient(transport=transport)) as client:
            method = getattr(getattr(client, case.namespace), case.operation.method_name)
            raw_method = getattr(getattr(client.with_raw_response, case.namespace), case.operation.method_name)
            return await method(**call_arguments(module, case)), await raw_method(**call_arguments(module, case))

    result, raw = asyncio.run(run())
    assert len(sent) == 2
    check_request(module, case, sent[0])
    check_request(module, case, sent[1])
    _check_result(module, case, result)
    assert raw.status_code == documented_response(case).status_code
    check_response_headers(case, raw.headers)
    _check_result(module, case, raw.parse())


def _documented_example_names() -> set[tuple[str, str, str]]:
    """(vendor, operationId, example name) read straight from the YAML, without the generator."""
    names: set[tuple[str, str, str]] = set()
    for spec in SPECS.glob("*.yaml"):
        doc = yaml.safe_load(spec.read_text())

        def deref(node: Any) -> Any:
            while isinstance(node, dict) and "$ref" in node:
                target: Any = doc
                for token in node["$ref"][2:].split("/"):
                    target = target[token.replace("~1", "/").replace("~0", "~")]
                node = target
            return node

        for path_item in doc["paths"].values():
            for method, op in path_item.items():
                if method not in HTTP_METHODS or not isinstance(op, dict):
                    continue
                names.update((spec.stem, op["operationId"], name) for name in op.get("x-bare-examples", []))
                slots = [deref(p) for p in op.get("parameters", []) + path_item.get("parameters", [])]
                if "requestBody" in op:
                    slots += deref(op["requestBody"]).get("content", {}).values()
                for response in op.get("responses", {}).values():
                    response = deref(response)
                    slots += response.get("content", {}).values()
                    slots += [deref(h) for h in response.get("headers", {}).values()]
                for slot in slots:
                    for name in (slot or {}).get("examples", {}) or {}:
                        names.add((spec.stem, op["operationId"], name))
    return names


def test_every_documented_example_is_replayed() -> None:
    replayed = {(c.vendor, c.operation.operation_id, c.example.name) for c in CASES}
    assert replayed == _documented_example_names()
    assert len(CASES) > 0


def test_replay_count_per_vendor_matches_the_docs() -> None:
    """Each vendor replays exactly as many exchanges as its page documents, one per documented exchange."""
    replayed = {vendor: 0 for vendor in vendors()}
    for case in CASES:
        replayed[case.vendor] += 1
    assert replayed == DOCUMENTED_EXCHANGES


def test_documented_response_headers_are_replayed() -> None:
    """Hipcall's rate-limit headers are part of every documented answer that shows headers."""
    with_headers = [c for c in CASES if c.vendor == "hipcall" and c.example.has_response]
    assert with_headers, "no Hipcall response examples"
    for case in with_headers:
        assert set(case.example.response_headers) == {"x-ratelimit-limit", "x-ratelimit-remaining"}, case.id
