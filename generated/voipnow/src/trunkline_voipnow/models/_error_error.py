"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class ErrorError(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    code: str
    """
    Machine-readable error code, for example `fields_invalid`, `count_invalid`, `filterby_invalid`, `filterop_invalid`, `filtervalue_invalid`, `sortorder_invalid` (not a closed list).
    """
    message: str
    """
    Human-readable explanation.
    """
