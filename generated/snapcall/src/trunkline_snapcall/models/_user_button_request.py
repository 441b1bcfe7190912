"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class UserButtonRequest(BaseModel):
    """
    Context used to pick a button that passes its display filters.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    referer: str
    """
    Referring page used to evaluate display filters.
    """
    cart_value: float | None = None
    """
    Cart value.
    """
