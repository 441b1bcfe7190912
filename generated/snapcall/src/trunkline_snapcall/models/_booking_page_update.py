"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class BookingPageUpdate(BaseModel):
    """
    Booking page fields to change; all are optional.
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
    name: str | None = None
    """
    Booking page name.
    """
    duration: float | None = None
    """
    Meeting duration; the unit is not documented.
    """
    description: str | None = None
    """
    Description.
    """
    status: str | None = None
    """
    Booking page status; the allowed values are not documented.
    """
