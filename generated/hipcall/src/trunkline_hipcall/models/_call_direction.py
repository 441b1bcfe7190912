"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class CallDirection(IntEnum):
    """
    Direction of a call.
    """

    INBOUND = 1
    OUTBOUND = 2
    INTERNAL = 3
