"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Link(BaseModel):
    """
    Hypermedia links of a resource.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    self: str | None = None
    """
    URL of the resource itself.
    """
