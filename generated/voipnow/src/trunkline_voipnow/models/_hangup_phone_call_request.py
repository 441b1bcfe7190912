"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class HangupPhoneCallRequest(BaseModel):
    """
    Optional body for hanging up.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    phone_number: Annotated[str | None, Field(alias="phoneNumber")] = None
    """
    Number of one party; when given, only that party and the extension are disconnected.
    """
