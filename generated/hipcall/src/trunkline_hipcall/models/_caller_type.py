"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class CallerType(IntEnum):
    """
    Kind of party that placed the call.
    """

    CONTACT = 1
    USER = 2
