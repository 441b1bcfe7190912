"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class AgentUpdate(BaseModel):
    """
    Agent fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    wrap_up_time: float | None = None
    """
    Wrap-up time after a call; the unit is not documented.
    """
    last_bridge_end: float | None = None
    """
    End of the last bridged call; the unit is not documented.
    """
