"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class UserButtonRequest(BaseModel):
    """
    Body of the button lookup; the page lists its fields without saying how they are used.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    referer: str
    """
    A string the page names `referer` (spelled so); it does not say what it holds or how it is used.
    """
    cart_value: float | None = None
    """
    Cart value.
    """
