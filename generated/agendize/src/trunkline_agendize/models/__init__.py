"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit.

Each model is imported on first use, so that importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._call import Call as Call
    from ._call_insert import CallInsert as CallInsert
    from ._call_insert_start import CallInsertStart as CallInsertStart
    from ._call_list import CallList as CallList
    from ._call_record import CallRecord as CallRecord
    from ._call_start import CallStart as CallStart
    from ._call_status import CallStatus as CallStatus
    from ._call_type import CallType as CallType
    from ._call_update import CallUpdate as CallUpdate
    from ._watch import Watch as Watch
    from ._watch_basic_auth import WatchBasicAuth as WatchBasicAuth
    from ._watch_http_request_header import WatchHttpRequestHeader as WatchHttpRequestHeader
    from ._watch_o_auth2_auth import WatchOAuth2Auth as WatchOAuth2Auth
    from ._watch_o_auth2_auth_grant_type import WatchOAuth2AuthGrantType as WatchOAuth2AuthGrantType
    from ._watch_signature import WatchSignature as WatchSignature
    from ._watch_status import WatchStatus as WatchStatus

_HOMES: dict[str, str] = {
    "Call": "_call",
    "CallInsert": "_call_insert",
    "CallInsertStart": "_call_insert_start",
    "CallList": "_call_list",
    "CallRecord": "_call_record",
    "CallStart": "_call_start",
    "CallStatus": "_call_status",
    "CallType": "_call_type",
    "CallUpdate": "_call_update",
    "Watch": "_watch",
    "WatchBasicAuth": "_watch_basic_auth",
    "WatchHttpRequestHeader": "_watch_http_request_header",
    "WatchOAuth2Auth": "_watch_o_auth2_auth",
    "WatchOAuth2AuthGrantType": "_watch_o_auth2_auth_grant_type",
    "WatchSignature": "_watch_signature",
    "WatchStatus": "_watch_status",
}

__all__ = [
    "Call",
    "CallInsert",
    "CallInsertStart",
    "CallList",
    "CallRecord",
    "CallStart",
    "CallStatus",
    "CallType",
    "CallUpdate",
    "Watch",
    "WatchBasicAuth",
    "WatchHttpRequestHeader",
    "WatchOAuth2Auth",
    "WatchOAuth2AuthGrantType",
    "WatchSignature",
    "WatchStatus",
]

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import the module that defines `name` on first access, then keep the class."""
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The loaded names and every model that can be loaded."""
    return sorted(set(globals()) | set(_HOMES))
