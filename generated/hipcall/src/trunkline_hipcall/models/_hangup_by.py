"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class HangupBy(IntEnum):
    """
    Which side ended the call.
    """

    USER = 1
    CONTACT = 2
    SYSTEM = 3
