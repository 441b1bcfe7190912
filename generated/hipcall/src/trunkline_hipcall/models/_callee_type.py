"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class CalleeType(IntEnum):
    """
    Kind of party that received the call; null means the call was hung up.
    """

    CONTACT = 1
    USER = 2
    GREETING = 3
    TEAM = 4
