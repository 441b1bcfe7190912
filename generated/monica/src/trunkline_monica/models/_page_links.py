"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PageLinks(BaseModel):
    """
    Links to the first, last, previous and next pages; null where there is none.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    first: str | None = None
    last: str | None = None
    prev: str | None = None
    next: str | None = None
