"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PaginationLinks(BaseModel):
    """
    Links to other pages of a list; absent pages are null.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    first: str
    """
    URL of the first page.
    """
    last: str | None
    prev: str | None
    next: str | None
