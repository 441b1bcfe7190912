"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._conference_invite_phone_call_view import ConferenceInvitePhoneCallView


class CreateConferenceInvitePhoneCallRequest(BaseModel):
    """
    Body for inviting a number into a conference.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Conference extension owned by `userId`; defaults to the first source.
    """
    phone_call_view: Annotated[
        list[ConferenceInvitePhoneCallView] | None, Field(alias="phoneCallView")
    ] = None
    """
    Invitations to place.
    """
