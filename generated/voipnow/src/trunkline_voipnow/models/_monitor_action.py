"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._monitor_action_action import MonitorActionAction


class MonitorAction(BaseModel):
    """
    The action the page lists as `MonitorPhoneCalls`. No source documents its body, so the body is open: send the fields the server expects beside `action`. Inferred: the `action` value `Monitor`, read off the listed name as the documented `Park` is read off `ParkPhoneCalls`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: MonitorActionAction
