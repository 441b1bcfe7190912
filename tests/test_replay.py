"""Replay every documented example against the generated clients, sync and async.

Cases come from the specs: a new example in a spec is a new test here.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import yaml

from generator.modeling import ir
from generator.reading.spec import HTTP_METHODS
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
from tests.test_specs import DOCS, _voipnow_curl_samples  # the page parser the spec tests use

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
            assert dumped(module, ir.ListOf(op.pagination.item_type), items) == expected_items
    if example.has_response:
        assert dumped(module, op.return_type, result) == example.response
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

        def deref(node: Any, doc: Any = doc) -> Any:
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


# Issue 20: VoipNow's curl samples authenticate with a browser session ---------------------------

VOIPNOW_ENV = ("VOIPNOW_DEV_COOKIE", "VOIPNOW_XSRF_TOKEN", "VOIPNOW_VN_COOKIE", "VOIPNOW_ACCESS_TOKEN")


def _voipnow_send(monkeypatch: pytest.MonkeyPatch, call: Any, **credentials: str) -> httpx.Request:
    """One VoipNow call through a client holding only `credentials`; the request it sent."""
    for name in VOIPNOW_ENV:
        monkeypatch.delenv(name, raising=False)
    module = client_module("voipnow")
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    client = module.Client(**credentials, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    call(client, module)
    assert len(sent) == 1
    return sent[0]


@pytest.mark.skipif(DOCS is None, reason="vendor pages not found at ../shared/vendor-docs")
def test_voipnow_replay_sends_the_samples_authentication() -> None:
    """Each of the four curl samples: the replayed request carries its cookie and x-xsrf-token header, byte for byte."""
    samples = _voipnow_curl_samples()
    assert len(samples) == 4
    by_operation = {(c.operation.http_method, c.operation.path): c for c in CASES if c.vendor == "voipnow"}
    for sample in samples:
        case = by_operation[sample["heading"]]
        module = client_module("voipnow")
        sent: list[httpx.Request] = []

        def answer(request: httpx.Request, case: Case = case, sent: list[httpx.Request] = sent) -> httpx.Response:
            sent.append(request)
            return documented_response(case)

        client = module.Client(**credentials(case), http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        getattr(client.phone_calls, case.operation.method_name)(**call_arguments(module, case))
        request = sent[0]
        assert request.headers["cookie"] == sample["headers"]["cookie"], case.id
        assert request.headers["x-xsrf-token"] == sample["headers"]["x-xsrf-token"], case.id
        assert "authorization" not in request.headers, case.id
        assert request.headers["content-type"] == sample["headers"]["content-type"], case.id
        assert json.loads(request.content) == sample["body"], case.id
        # The spec's path has no trailing `/` (see its info.description); otherwise the URL is the sample's.
        assert str(request.url) == sample["url"].rstrip("/"), case.id
        assert request.method == sample["heading"][0] == (sample["method"] or request.method), case.id


def test_voipnow_session_credentials_go_as_three_cookies_and_a_header(monkeypatch: pytest.MonkeyPatch) -> None:
    request = _voipnow_send(
        monkeypatch, lambda c, m: c.phone_calls.hangup(user_id="@me", extension="210", phone_call_id="abc"),
        dev_cookie="d1", xsrf_token="x2", vn_cookie="v%2C3",
    )
    assert request.headers["cookie"] == "dev=d1; xsrf-token=x2; vn=v%2C3"
    assert request.headers["x-xsrf-token"] == "x2"
    assert "authorization" not in request.headers


def test_voipnow_cookie_credential_outside_cookie_octets_is_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value that is not cookie-octets cannot add a cookie: it is percent-encoded, `%` included."""
    request = _voipnow_send(
        monkeypatch, lambda c, m: c.phone_calls.hangup(user_id="@me", extension="210", phone_call_id="abc"),
        dev_cookie="a; vn=evil", xsrf_token="x", vn_cookie="50% off",
    )
    assert request.headers["cookie"] == "dev=a%3B%20vn=evil; xsrf-token=x; vn=50%25%20off"


def test_voipnow_bearer_alone_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    request = _voipnow_send(
        monkeypatch, lambda c, m: c.phone_calls.hangup(user_id="@me", extension="210", phone_call_id="abc"),
        access_token="tok",
    )
    assert request.headers["authorization"] == "Bearer tok"
    assert "cookie" not in request.headers and "x-xsrf-token" not in request.headers


def test_voipnow_half_a_session_is_refused_naming_both_alternatives(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VOIPNOW_ENV:
        monkeypatch.delenv(name, raising=False)
    module = client_module("voipnow")
    client = module.Client(xsrf_token="x", vn_cookie="v", http_client=httpx.Client(transport=httpx.MockTransport(
        lambda request: pytest.fail("nothing may be sent without a full credential set"))))
    with pytest.raises(module.MissingCredentialError) as caught:
        client.phone_calls.hangup(user_id="@me", extension="210", phone_call_id="abc")
    message = str(caught.value)
    for hint in ("dev_cookie= (or $VOIPNOW_DEV_COOKIE)", "vn_cookie= (or $VOIPNOW_VN_COOKIE)",
                 "xsrf_token= (or $VOIPNOW_XSRF_TOKEN)", "access_token= (or $VOIPNOW_ACCESS_TOKEN)"):
        assert hint in message, hint


def test_voipnow_undocumented_action_goes_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """`{"action": "OnHold"}` is a valid update body; an open body keeps the fields the caller adds."""
    def update(client: Any, module: Any) -> None:
        client.phone_calls.update(user_id="@me", extension="210", phone_call_id="abc",
                                  body=module.models.PhoneCallAction.model_validate({"action": "OnHold"}).root)
        client.phone_calls.update(user_id="@me", extension="210", phone_call_id="abc",
                                  body=module.models.WhisperAction.model_validate({"action": "Whisper", "phoneCallViewId": "00"}))

    for name in VOIPNOW_ENV:
        monkeypatch.delenv(name, raising=False)
    module = client_module("voipnow")
    sent: list[httpx.Request] = []
    client = module.Client(access_token="t", http_client=httpx.Client(
        transport=httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(204))))
    update(client, module)
    assert [json.loads(r.content) for r in sent] == [{"action": "OnHold"}, {"action": "Whisper", "phoneCallViewId": "00"}]
    assert type(module.models.PhoneCallAction.model_validate({"action": "OnHold"}).root).__name__ == "OnHoldAction"
