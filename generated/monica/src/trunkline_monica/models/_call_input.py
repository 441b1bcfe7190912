"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from datetime import date


class CallInput(BaseModel):
    """
    The fields of a new call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    content: Annotated[str, Field(max_length=100000)]
    """
    What the call was about.
    """
    contact_id: int
    """
    The contact the call was made with.
    """
    called_at: date
    """
    The day of the call, YYYY-MM-DD; past or future.
    """
