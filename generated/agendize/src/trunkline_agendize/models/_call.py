"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._call_record import CallRecord
from ._call_start import CallStart
from ._call_status import CallStatus
from ._call_type import CallType


class Call(BaseModel):
    """
    One entry of the call list.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Identifier of the call.
    """
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """
    caller_number: Annotated[str | None, Field(alias="callerNumber")] = None
    """
    Number that placed the call.
    """
    called_number: Annotated[str | None, Field(alias="calledNumber")] = None
    """
    Number that was called. The update table types it as `list`; the resource and insert tables say `string`, which is used here.
    """
    tracking_number: Annotated[str | None, Field(alias="trackingNumber")] = None
    """
    Call tracking number used for the call.
    """
    start: CallStart | None = None
    duration: str | None = None
    """
    Length of the call. The resource table types it as `string` (used here); the insert and update tables say `list`.
    """
    status: CallStatus | None = None
    external_id: Annotated[str | None, Field(alias="externalId")] = None
    """
    Your own identifier for calls you record yourself; Agendize's identifier for calls from click-to-call or call tracking.
    """
    type: CallType | None = None
    record: CallRecord | None = None
