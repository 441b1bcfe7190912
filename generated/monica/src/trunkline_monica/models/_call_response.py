"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call import Call


class CallResponse(BaseModel):
    """
    One call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Call | None = None
