"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class VoicemailType(IntEnum):
    """
    Which voicemail took a message: a user's own (1) or the account's (2). The vendor's table has no null, but the examples show null on calls without voicemail.
    """

    USER = 1
    ACCOUNT = 2
