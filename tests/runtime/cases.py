"""One idempotent call and one non-idempotent call per vendor, with a valid answer for each.

The answers come from the spec's documented examples where there is one, else the smallest
body the schema accepts.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.runtime.support import documented_response


@dataclass(frozen=True)
class Call:
    """A client call (`invoke(client)`), its HTTP method and path, and a valid 2xx answer."""

    invoke: Callable[[Any], Any]
    method: str
    path: str
    status: int
    body: Any


def fetch(vendor: str) -> Call:
    """An idempotent (GET) call of `vendor` that returns one parsed object."""
    if vendor == "hipcall":
        return Call(lambda c: c.users.get(id=7), "GET", "/api/v20211124/users/7", 200, documented_response("hipcall", "users_get"))
    if vendor == "monica":
        return Call(lambda c: c.calls.get(id=1), "GET", "/api/calls/1", 200, documented_response("monica", "calls_get"))
    if vendor == "voipnow":
        return Call(
            lambda c: c.phone_calls.hangup(user_id="@me", extension="0003*210", phone_call_id="b817"),
            "DELETE", "/uapi/phoneCalls/@me/0003%2A210/b817", 200, documented_response("voipnow", "phone_calls_hangup"),
        )
    if vendor == "snapcall":
        return Call(lambda c: c.calls.get(id=123), "GET", "/v2/calls/123", 200, {"id": 123, "status": "ended"})
    if vendor == "agendize":
        return Call(lambda c: c.calls.get(call_id="c-1"), "GET", "/api/2.0/calls/c-1", 200, {"id": "c-1"})
    raise LookupError(vendor)


def create(vendor: str) -> Call:
    """A non-idempotent (POST) call of `vendor`."""
    if vendor == "hipcall":
        return Call(lambda c: c.tasks.create(), "POST", "/api/v20211124/tasks", 201, {"data": {"id": 1}})
    if vendor == "monica":
        return Call(
            lambda c: c.calls.create(content="hi", contact_id=3, called_at=datetime.date(2024, 1, 2)),
            "POST", "/api/calls", 200, documented_response("monica", "calls_get"),
        )
    if vendor == "voipnow":
        return Call(lambda c: c.phone_calls.create_simple(user_id="@me"), "POST", "/uapi/phoneCalls/@me/simple", 204, None)
    if vendor == "snapcall":
        return Call(lambda c: c.buttons.create(name="b"), "POST", "/v2/buttons", 200, {"bid": 1})
    if vendor == "agendize":
        return Call(
            lambda c: c.calls.insert(caller_number="1", called_number="2", start={"dateTime": "2024-01-02T10:00:00"}),
            "POST", "/api/2.0/calls", 200, {"id": "c-2"},
        )
    raise LookupError(vendor)
