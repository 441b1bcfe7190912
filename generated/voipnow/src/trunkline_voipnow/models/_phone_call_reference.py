"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._link import Link


class PhoneCallReference(BaseModel):
    """
    Short reference to a call, returned when a call is created or updated. The vendor samples name the link object `links` in some places and `link` in others, so both are accepted.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Phone call id.
    """
    extension: str
    """
    Extension number the call belongs to.
    """
    links: Link | None = None
    link: Link | None = None
