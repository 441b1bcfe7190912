"""The exception hierarchy: status errors by code, with status, headers, raw body and the parsed error model."""

from __future__ import annotations

import httpx
import pytest

from tests.runtime.cases import fetch
from tests.runtime.support import FLAVOURS, VENDORS, Script, json_response, module, run

STATUS_CLASSES = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
    502: "InternalServerError",
    503: "InternalServerError",
}


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("status", sorted(STATUS_CLASSES))
def test_status_maps_to_its_error_class(status: int, vendor: str, flavour: str) -> None:
    pkg = module(vendor)
    call = fetch(vendor)
    body = {"oops": status}
    script = Script(json_response(status, body, {"X-Request-Id": "req-9"}))
    outcome = run(vendor, flavour, script, call.invoke, max_retries=0)
    error = outcome.error
    assert type(error) is getattr(pkg, STATUS_CLASSES[status])
    assert isinstance(error, pkg.APIStatusError) and isinstance(error, pkg.APIResponseError) and isinstance(error, pkg.APIError)
    assert error.status_code == status
    assert error.headers["x-request-id"] == "req-9"
    assert error.body == body
    assert error.content == b'{"oops":%d}' % status
    assert error.response.status_code == status
    assert str(status) in str(error)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_other_4xx_is_a_plain_status_error(flavour: str) -> None:
    pkg = module("hipcall")
    outcome = run("hipcall", flavour, Script(json_response(419, {"errors": {"csrf": "expired"}})), fetch("hipcall").invoke)
    assert type(outcome.error) is pkg.APIStatusError
    assert outcome.error.status_code == 419
    assert isinstance(outcome.error.parsed, pkg.models.Error)
    assert outcome.error.parsed.errors == {"csrf": "expired"}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_monica_404_carries_the_documented_error_model(flavour: str) -> None:
    pkg = module("monica")
    body = {"error": {"message": "The resource has not been found", "error_code": 31}}
    outcome = run("monica", flavour, Script(json_response(404, body)), lambda c: c.calls.get(id=99))
    error = outcome.error
    assert isinstance(error, pkg.NotFoundError)
    assert isinstance(error.parsed, pkg.models.Error)
    assert error.parsed.error.error_code == 31
    assert error.parsed.error.message == "The resource has not been found"
    assert error.body == body


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_monica_undocumented_status_still_reads_the_error_model(flavour: str) -> None:
    # calls_get documents no 400; the operation's error model still applies
    pkg = module("monica")
    body = {"error": {"message": ["limit too big"], "error_code": 30}}
    outcome = run("monica", flavour, Script(json_response(400, body)), lambda c: c.calls.get(id=1))
    assert isinstance(outcome.error, pkg.BadRequestError)
    assert outcome.error.parsed.error.error_code == 30


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_voipnow_error_code(flavour: str) -> None:
    pkg = module("voipnow")
    body = {"error": {"code": "count_invalid", "message": "The count is not valid."}}
    outcome = run(
        "voipnow", flavour, Script(json_response(400, body)),
        lambda c: c.phone_calls.list(user_id="@me", extension="0003*210", phone_call_id="x", count=-1),
    )
    assert isinstance(outcome.error, pkg.BadRequestError)
    assert isinstance(outcome.error.parsed, pkg.models.Error)
    assert outcome.error.parsed.error.code == "count_invalid"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_error_body_that_does_not_fit_the_model_keeps_the_raw_body(flavour: str) -> None:
    pkg = module("monica")
    outcome = run("monica", flavour, Script(httpx.Response(404, text="<html>gone</html>")), lambda c: c.calls.get(id=1))
    assert isinstance(outcome.error, pkg.NotFoundError)
    assert outcome.error.parsed is None
    assert outcome.error.body is None
    assert outcome.error.content == b"<html>gone</html>"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_agendize_default_response_reads_the_error_body(flavour: str) -> None:
    # Agendize documents only an open `default` error body: it comes back as the decoded JSON
    pkg = module("agendize")
    body = {"error": {"code": 403, "message": "denied"}}
    outcome = run("agendize", flavour, Script(json_response(403, body)), fetch("agendize").invoke)
    assert isinstance(outcome.error, pkg.PermissionDeniedError)
    assert outcome.error.parsed == body


@pytest.mark.parametrize("vendor", VENDORS)
def test_error_bodies_are_bounded(vendor: str) -> None:
    pkg = module(vendor)
    big = b"x" * (pkg.errors.ERROR_BODY_LIMIT * 3)
    outcome = run(vendor, "sync", Script(httpx.Response(500, content=big)), fetch(vendor).invoke, max_retries=0)
    assert isinstance(outcome.error, pkg.InternalServerError)
    assert outcome.error.content == big[: pkg.errors.ERROR_BODY_LIMIT]
