"""Safety of the generated clients: path encoding, header injection, secrets kept out of reprs, logs and errors."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import FLAVOURS, VENDORS, Script, default_credentials, json_response, module, run


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("../x", "..%2Fx"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("../../admin?x=1#frag", "..%2F..%2Fadmin%3Fx=1%23frag"),
        ("a/b%2Fc", "a%2Fb%252Fc"),
        ("{extension}", "%7Bextension%7D"),
        ("ü ñ", "%C3%BC%20%C3%B1"),
    ],
)
def test_path_parameters_cannot_change_the_path(value: str, segment: str, flavour: str) -> None:
    script = Script(httpx.Response(204))
    outcome = run("voipnow", flavour, script, lambda c: c.phone_calls.create_simple(user_id=value))
    assert outcome.error is None, outcome.error
    raw = script.requests[0].url.raw_path.decode()
    assert raw == f"/uapi/phoneCalls/{segment}/simple"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hipcall_uuid_traversal_stays_in_one_segment(flavour: str) -> None:
    script = Script(json_response(404, {"errors": "nope"}))
    run("hipcall", flavour, script, lambda c: c.calls.get(year=2024, month=1, day=2, uuid="../../users/1"))
    assert script.requests[0].url.raw_path == b"/api/v20211124/cdrs/2024/1/2/..%2F..%2Fusers%2F1"


def test_empty_path_parameter_is_refused() -> None:
    outcome = run("voipnow", "sync", Script(), lambda c: c.phone_calls.create_simple(user_id=""))
    assert isinstance(outcome.error, ValueError)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("bad", ["a\r\nX-Evil: 1", "a\nb", "a\rb", "a\x00b"])
def test_line_breaks_in_header_values_are_refused(bad: str, flavour: str) -> None:
    script = Script()
    outcome = run("monica", flavour, script, lambda c: c.calls.get(id=1, request_options={"extra_headers": {"X-Trace": bad}}))
    assert isinstance(outcome.error, ValueError)
    assert "X-Trace" in str(outcome.error)
    assert script.requests == []


def test_line_breaks_in_default_headers_are_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="X-Tenant"):
        module("hipcall").Client(api_key="k", default_headers={"X-Tenant": "a\r\nb"})


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_credential_with_a_line_break_is_refused_without_echoing_it(flavour: str) -> None:
    secret = "abc\r\nX-Evil: 1"
    script = Script()
    outcome = run("agendize", flavour, script, fetch("agendize").invoke, credentials={"api_key": secret, "token": "t"}, auth_scheme="apiKeyHeader")
    assert isinstance(outcome.error, ValueError)
    assert secret not in str(outcome.error) and "abc" not in str(outcome.error)
    assert script.requests == []


def _secrets(vendor: str) -> list[str]:
    return list(default_credentials(vendor).values())


@pytest.mark.parametrize("vendor", VENDORS)
def test_client_repr_holds_no_secret(vendor: str) -> None:
    pkg = module(vendor)
    for flavour_class in (pkg.Client, pkg.AsyncClient):
        client = flavour_class(**default_credentials(vendor))
        text = repr(client) + str(client)
        assert all(secret not in text for secret in _secrets(vendor))
        assert pkg.__name__ not in text or "base_url" in text


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_secrets_never_reach_logs_or_errors(vendor: str, flavour: str, caplog: pytest.LogCaptureFixture) -> None:
    pkg = module(vendor)
    call = fetch(vendor)
    script = Script(
        httpx.ConnectError,
        json_response(503, {"detail": "busy"}, {"Retry-After": "0"}),
        json_response(404, {"message": "missing"}),
    )
    caplog.set_level(logging.DEBUG)
    outcome = run(vendor, flavour, script, call.invoke, max_retries=2)
    assert isinstance(outcome.error, pkg.NotFoundError)
    texts = [
        caplog.text,
        str(outcome.error),
        repr(outcome.error),
        "".join(traceback.format_exception(outcome.error)),
    ]
    for secret in _secrets(vendor):
        for text in texts:
            assert secret not in text
    # the client logs through the package's logger: every request at DEBUG, retries at INFO
    ours = [r for r in caplog.records if r.name == pkg.__name__]
    assert [r.levelname for r in ours] == ["DEBUG", "INFO", "DEBUG", "INFO", "DEBUG"]
    assert all(r.name == pkg.__name__ for r in ours)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_query_string_credentials_are_masked_in_every_log_line(flavour: str, caplog: pytest.LogCaptureFixture) -> None:
    # Agendize sends apiKey and token in the query, which httpx itself logs at INFO
    call = fetch("agendize")
    caplog.set_level(logging.DEBUG)
    script = Script(json_response(200, call.body))
    outcome = run("agendize", flavour, script, call.invoke, credentials={"api_key": "SEKRET-key/+=", "token": "SEKRET-token"})
    assert outcome.error is None
    assert script.requests[0].url.params["apiKey"] == "SEKRET-key/+="
    assert "SEKRET" not in caplog.text
    assert any(r.name == "httpx" for r in caplog.records)
    assert "apiKey=***" in caplog.text


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_missing_credential_error_names_no_other_secret(flavour: str) -> None:
    pkg = module("agendize")
    outcome = run("agendize", flavour, Script(), fetch("agendize").invoke, credentials={"api_key": "only-half-SEKRET"})
    assert isinstance(outcome.error, pkg.MissingCredentialError)
    assert "SEKRET" not in str(outcome.error)
    assert "token=" in str(outcome.error) and "access_token=" in str(outcome.error)
