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
    Extension that picks up the parked call. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as the v5 samples send extension and phone numbers as strings.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as the create samples send `callerId` as a string.
    """
    wait_for_pickup: Annotated[float | None, Field(alias="waitForPickup")] = None
    """
    Seconds to wait for an answer before giving up; no default is documented for this field. Inferred type: the 3.0 page gives the field, not its type; a number is assumed, like the `waitForPickup` query parameter the v5 page types as number.
    """
    phone_call_view_id: Annotated[str | None, Field(alias="phoneCallViewId")] = None
    """
    Leg to unpark. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as leg ids are strings in the list answer.
    """
