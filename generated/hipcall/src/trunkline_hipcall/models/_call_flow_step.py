"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call_flow_detail import CallFlowDetail


class CallFlowStep(BaseModel):
    """
    One step of a call's flow.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: str | None = None
    """
    Step kind; the example shows `init`, `route`, `bridge_attempt`, `bridge_fail`, `bridge`, `hangup`.
    """
    detail: CallFlowDetail | None = None
    timestamp: str | None = None
    """
    When the step happened.
    """
