"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PartnerAgentButtonRequest(BaseModel):
    """
    Which agent button to return.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    agent_email: str
    """
    Email address of the agent.
    """
    stream: bool | None = None
    """
    A flag the page names `stream`; it does not say what the flag changes.
    """
