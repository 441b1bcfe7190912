"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import StrEnum


class OffHoldActionAction(StrEnum):
    OFF_HOLD = "OffHold"
