"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._callback_phone_call_view import CallbackPhoneCallView


class CreateCallbackPhoneCallRequest(BaseModel):
    """
    Body for placing a call through a Callback extension.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Callback extension owned by `userId` that places the call; defaults to the first source.
    """
    phone_call_view: Annotated[list[CallbackPhoneCallView] | None, Field(alias="phoneCallView")] = (
        None
    )
    """
    Calls to place.
    """
