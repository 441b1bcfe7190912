"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import StrEnum


class WatchStatus(StrEnum):
    """
    Whether the watch is active.
    """

    ENABLED = "enabled"
    DISABLED = "disabled"
