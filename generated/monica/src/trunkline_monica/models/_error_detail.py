"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class ErrorDetail(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: str | list[str] | None = None
    """
    What went wrong; a list of messages when validation failed.
    """
    error_code: int | None = None
    """
    Monica's error code: 30 limit too big, 31 not found, 32 validation failed, 34 rate limited, 37 bad JSON, 39 bad sort field, 40 invalid query, 41 invalid parameters, 42 unauthorized.
    """
