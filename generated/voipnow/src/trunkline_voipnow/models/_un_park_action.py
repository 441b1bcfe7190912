"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._un_park_action_action import UnParkActionAction


class UnParkAction(BaseModel):
    """
    Take a parked call out of the parking lot (from the UnifiedAPI 3.0 "UnPark PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: UnParkActionAction
    send_call_to: Annotated[str, Field(alias="sendCallTo")]
    """
    Extension that picks up the parked call.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source.
    """
    wait_for_pickup: Annotated[float | None, Field(alias="waitForPickup")] = 25
    """
    Seconds to wait for an answer before giving up.
    """
    phone_call_view_id: Annotated[str | None, Field(alias="phoneCallViewId")] = None
    """
    Leg to unpark.
    """
