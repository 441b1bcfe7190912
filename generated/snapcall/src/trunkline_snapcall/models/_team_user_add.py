"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class TeamUserAdd(BaseModel):
    """
    The user to add to the team.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    user_id: float
    """
    User identifier.
    """
