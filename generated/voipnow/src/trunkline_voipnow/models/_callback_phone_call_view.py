"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class CallbackPhoneCallView(BaseModel):
    """
    One callback call to place.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: list[str] | None = None
    """
    Public number to ring first.
    """
    destination: list[str] | None = None
    """
    Public number to connect to.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source.
    """
    caller_id_destination: Annotated[str | None, Field(alias="callerIdDestination")] = None
    """
    Caller name and number shown to the destination.
    """
    nonce: str | None = None
    """
    Client-chosen unique string that identifies the call created by this request.
    """
