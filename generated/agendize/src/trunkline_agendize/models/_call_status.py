"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import StrEnum


class CallStatus(StrEnum):
    """
    Outcome of the call.
    """

    COMPLETED = "completed"
    NO_ANSWERED = "noAnswered"
    MESSAGE = "message"
    WRONG_NUMBER = "wrongNumber"
    BUSY = "busy"
    ABANDONED = "abandoned"
