"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PaginationMetaLink(BaseModel):
    """
    One entry of the page navigation list in `meta.links`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    url: str | None = None
    label: str | None = None
    """
    Display label (page number or previous/next text).
    """
    active: bool | None = None
    """
    True for the current page.
    """
