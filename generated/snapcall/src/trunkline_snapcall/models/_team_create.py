"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class TeamCreate(BaseModel):
    """
    Fields of a new team.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Team name.
    """
    description: str | None = None
    """
    Description.
    """
