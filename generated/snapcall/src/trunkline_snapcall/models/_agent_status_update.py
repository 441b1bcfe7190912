"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class AgentStatusUpdate(BaseModel):
    """
    New status of an agent.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: str
    """
    New agent status; the allowed values are not documented.
    """
