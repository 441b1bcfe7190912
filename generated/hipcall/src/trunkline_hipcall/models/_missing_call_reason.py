"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class MissingCallReason(IntEnum):
    """
    Why a call was missed. Values 1-4 are the vendor's table (in its order). Value 0 (NONE) is not in that table: it is seen in the examples only, on calls whose `missing_call` is false, and is added here so the examples validate (inferred).
    """

    OUT_OF_BUSINESS_HOURS = 1
    ABANDONED = 3
    SHORT_ABANDONED = 2
    CALLBACK = 4
    NONE = 0
