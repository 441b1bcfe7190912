"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._park_action_action import ParkActionAction


class ParkAction(BaseModel):
    """
    Put one leg of the call in the parking lot (from the UnifiedAPI 3.0 "Park PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: ParkActionAction
    max_in_parking: Annotated[float | None, Field(alias="maxInParking")] = None
    """
    How long the call may stay parked. Inferred type: the 3.0 page gives the field, not its type; a number is assumed, like the `waitForPickup` query parameter the v5 page types as number.
    """
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg to park. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as leg ids are strings in the list answer.
    """
