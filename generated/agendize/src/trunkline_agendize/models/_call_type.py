"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import StrEnum


class CallType(StrEnum):
    """
    How the call was made.
    """

    CLICK_TO_CALL = "clickToCall"
    CALL_TRACKING = "callTracking"
