"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class HungUpPhoneCall(BaseModel):
    """
    A call that was hung up.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Phone call id.
    """
