"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class BookingPageCreate(BaseModel):
    """
    Fields of a new booking page.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    team_id: float | None = None
    """
    Team identifier.
    """
    user_id: float | None = None
    """
    User identifier.
    """
    duration: float | None = None
    """
    Meeting duration; the unit is not documented.
    """
    name: str
    """
    Booking page name.
    """
    description: str | None = None
    """
    Description.
    """
