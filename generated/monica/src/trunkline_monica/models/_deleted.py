"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Deleted(BaseModel):
    """
    The answer to a deletion.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    deleted: bool | None = None
    id: int | None = None
    """
    The id of the deleted call.
    """
