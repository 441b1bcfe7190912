"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from ._link import Link


class PhoneCallView(BaseModel):
    """
    One leg of a phone call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Leg id (used as `phoneCallViewId` in update actions).
    """
    extension: str | None = None
    """
    Extension number of this leg.
    """
    answered: AwareDatetime | None = None
    """
    When this leg was answered.
    """
    status: str | None = None
    """
    Leg status code; the values are not documented.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number, as `Name <number>`.
    """
    source: list[str] | None = None
    """
    Calling numbers.
    """
    destination: list[str] | None = None
    """
    Called numbers.
    """
    links: Link | None = None
