"""RFC 9457 problem details: the body of every error the mock answers with."""

from __future__ import annotations

import json
from http import HTTPStatus

from generator.mock.checks import Problem

# the problem `type` of each status the mock produces itself
TYPES = {
    400: "urn:trunkline:mock:invalid-request",
    401: "urn:trunkline:mock:missing-credential",
    404: "urn:trunkline:mock:no-such-route",
    405: "urn:trunkline:mock:method-not-allowed",
    413: "urn:trunkline:mock:body-too-large",
    415: "urn:trunkline:mock:unsupported-content-type",
    426: "urn:trunkline:mock:websocket-only",
    500: "urn:trunkline:mock:internal-error",
    503: "urn:trunkline:mock:busy",
}
CONTENT_TYPE = "application/problem+json"


def problem_body(status: int, detail: str, problems: list[Problem], instance: str) -> bytes:
    """The JSON body: type, title, status, detail, instance and an `errors` list with locations."""
    document = {
        "type": TYPES.get(status, "about:blank"),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        "errors": [{"location": p.location, "message": p.message} for p in problems],
    }
    # ASCII with escapes: a message quoting a sent value with a lone surrogate (`"\ud800"`) still encodes
    return json.dumps(document).encode("ascii")
