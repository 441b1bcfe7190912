"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._simple_phone_call_view import SimplePhoneCallView


class CreateSimplePhoneCallRequest(BaseModel):
    """
    Body for placing a simple call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Phone Terminal extension owned by `userId` that places the call; defaults to the first source.
    """
    phone_call_view: Annotated[list[SimplePhoneCallView] | None, Field(alias="phoneCallView")] = (
        None
    )
    """
    Calls to place.
    """
