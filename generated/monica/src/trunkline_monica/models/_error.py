"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._error_detail import ErrorDetail


class Error(BaseModel):
    """
    The body of every error answer.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: ErrorDetail
