"""Authentication as each spec's security schemes say: what goes on the wire, from where, and when it is missing."""

from __future__ import annotations

import base64

import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import FLAVOURS, VENDORS, Script, json_response, module, run

KEY = "k-123"
TOKEN = "t-456"
ACCESS = "a-789"


def _ok(vendor: str) -> Script:
    call = fetch(vendor)
    return Script(json_response(call.status, call.body))


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("vendor", "credentials", "authorization"),
    [
        ("hipcall", {"api_key": KEY}, f"Bearer {KEY}"),
        ("monica", {"api_key": KEY}, f"Bearer {KEY}"),
        ("voipnow", {"access_token": ACCESS}, f"Bearer {ACCESS}"),
        ("snapcall", {"api_key": KEY}, f"Bearer {KEY}"),  # the first alternative, as the samples use
        ("agendize", {"access_token": ACCESS}, f"Bearer {ACCESS}"),
    ],
)
def test_authorization_header(vendor: str, credentials: dict[str, str], authorization: str, flavour: str) -> None:
    script = _ok(vendor)
    outcome = run(vendor, flavour, script, fetch(vendor).invoke, credentials=credentials)
    assert outcome.error is None, outcome.error
    request = script.requests[0]
    assert request.headers["authorization"] == authorization
    assert not request.url.params


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_basic_uses_the_key_as_user_name_with_an_empty_password(flavour: str) -> None:
    script = _ok("snapcall")
    run("snapcall", flavour, script, fetch("snapcall").invoke, credentials={"api_key": KEY}, auth_scheme="basicAuth")
    scheme, _, encoded = script.requests[0].headers["authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(encoded) == f"{KEY}:".encode()


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_bearer_is_also_chosen_by_name(flavour: str) -> None:
    script = _ok("snapcall")
    run("snapcall", flavour, script, fetch("snapcall").invoke, credentials={"api_key": KEY}, auth_scheme="bearerAuth")
    assert script.requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_snapcall_public_operation_sends_no_credential(flavour: str) -> None:
    script = Script(json_response(200, {"uuid": "u"}))
    outcome = run("snapcall", flavour, script, lambda c: c.booking_pages.get_info(uuid="u"), credentials={})
    assert outcome.error is None, outcome.error
    assert "authorization" not in script.requests[0].headers


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_query_pair_is_the_first_alternative(flavour: str) -> None:
    script = _ok("agendize")
    run("agendize", flavour, script, fetch("agendize").invoke, credentials={"api_key": KEY, "token": TOKEN, "access_token": ACCESS})
    request = script.requests[0]
    assert dict(request.url.params) == {"apiKey": KEY, "token": TOKEN}
    assert "authorization" not in request.headers
    assert "apikey" not in request.headers


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("scheme", ["apiKeyHeader", "tokenHeader"])
def test_agendize_header_pair_on_request(scheme: str, flavour: str) -> None:
    script = _ok("agendize")
    run("agendize", flavour, script, fetch("agendize").invoke, credentials={"api_key": KEY, "token": TOKEN}, auth_scheme=scheme)
    request = script.requests[0]
    assert request.headers["apiKey"] == KEY
    assert request.headers["token"] == TOKEN
    assert not request.url.params


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_oauth_on_request_when_every_credential_is_set(flavour: str) -> None:
    script = _ok("agendize")
    run(
        "agendize", flavour, script, fetch("agendize").invoke,
        credentials={"api_key": KEY, "token": TOKEN, "access_token": ACCESS}, auth_scheme="oauth2Bearer",
    )
    request = script.requests[0]
    assert request.headers["authorization"] == f"Bearer {ACCESS}"
    assert not request.url.params
    assert "apikey" not in request.headers


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_half_a_pair_falls_through_to_oauth(flavour: str) -> None:
    script = _ok("agendize")
    run("agendize", flavour, script, fetch("agendize").invoke, credentials={"api_key": KEY, "access_token": ACCESS})
    assert script.requests[0].headers["authorization"] == f"Bearer {ACCESS}"
    assert not script.requests[0].url.params


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_chosen_scheme_without_its_credential_is_a_clear_error(flavour: str) -> None:
    pkg = module("agendize")
    script = Script()
    outcome = run("agendize", flavour, script, fetch("agendize").invoke, credentials={"api_key": KEY, "token": TOKEN}, auth_scheme="oauth2Bearer")
    assert isinstance(outcome.error, pkg.MissingCredentialError)
    assert "access_token=" in str(outcome.error) and "$AGENDIZE_ACCESS_TOKEN" in str(outcome.error)
    assert "oauth2Bearer" in str(outcome.error)
    assert script.requests == []


def test_unknown_auth_scheme_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="apiKeyQuery"):
        module("agendize").Client(auth_scheme="cookieAuth")


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_credentials_from_the_environment(vendor: str, flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = module(vendor)
    env = pkg._client._CREDENTIAL_ENV
    for name, variable in env.items():
        monkeypatch.setenv(variable, f"env-{name}")
    assert set(env.values()) == {f"{vendor.upper()}_{name.upper()}" for name in env}
    script = _ok(vendor)
    outcome = run(vendor, flavour, script, fetch(vendor).invoke, credentials={})
    assert outcome.error is None, outcome.error
    request = script.requests[0]
    sent = str(request.headers.get("authorization", "")) + str(request.headers.get("cookie", "")) + str(request.url)
    first = next(iter(env))
    assert f"env-{first}" in sent


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_constructor_credential_wins_over_the_environment(flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIPCALL_API_KEY", "from-env")
    script = _ok("hipcall")
    run("hipcall", flavour, script, fetch("hipcall").invoke, credentials={"api_key": "from-arg"})
    assert script.requests[0].headers["authorization"] == "Bearer from-arg"


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
def test_missing_credential_fails_at_the_first_call_without_sending(vendor: str, flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = module(vendor)
    for variable in pkg._client._CREDENTIAL_ENV.values():
        monkeypatch.delenv(variable, raising=False)
    client = pkg.Client()  # constructing without credentials is fine
    client.close()
    script = Script()
    outcome = run(vendor, flavour, script, fetch(vendor).invoke, credentials={})
    assert isinstance(outcome.error, pkg.MissingCredentialError)
    message = str(outcome.error)
    for variable in pkg._client._CREDENTIAL_ENV.values():
        assert f"${variable}" in message
    assert script.requests == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_voipnow_domain_server_variable(flavour: str) -> None:
    script = _ok("voipnow")
    run("voipnow", flavour, script, fetch("voipnow").invoke, domain="pbx.example.net")
    assert script.requests[0].url.host == "pbx.example.net"
    assert script.requests[0].url.path.startswith("/uapi/")


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_base_url_from_environment(flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONICA_BASE_URL", "https://crm.example.org/api")
    script = _ok("monica")
    run("monica", flavour, script, fetch("monica").invoke)
    assert str(script.requests[0].url) == "https://crm.example.org/api/calls/1"
