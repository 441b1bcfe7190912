"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._pagination_meta_link import PaginationMetaLink


class PaginationMeta(BaseModel):
    """
    Paging details. `last_page`, `links` and `total` appear on some lists only (not on calls).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    current_page: int
    """
    Number of this page.
    """
    from_: Annotated[int, Field(alias="from")]
    """
    Position of the first item of this page.
    """
    last_page: int | None = None
    """
    Number of the last page.
    """
    links: list[PaginationMetaLink] | None = None
    """
    Page navigation entries.
    """
    path: str
    """
    URL of the list without paging query.
    """
    per_page: int | str
    """
    Page size. The calls example gives it as a string ("10"), the other examples as an integer.
    """
    to: int
    """
    Position of the last item of this page.
    """
    total: int | None = None
    """
    Total number of items.
    """
