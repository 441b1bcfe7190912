"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call_flow_step import CallFlowStep


class CallDetailPart2(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    call_flow: list[CallFlowStep] | None = None
    """
    Steps of the call, newest first in the example.
    """
