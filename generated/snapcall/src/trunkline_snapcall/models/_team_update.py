"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict


class TeamUpdate(BaseModel):
    """
    Team fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Team name.
    """
    description: str | None = None
    """
    Description.
    """
    settings: dict[str, Any] | None = None
    """
    Team settings; the keys are not documented.
    """
