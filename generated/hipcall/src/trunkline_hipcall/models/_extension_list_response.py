"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._extension import Extension
from ._pagination_links import PaginationLinks
from ._pagination_meta import PaginationMeta


class ExtensionListResponse(BaseModel):
    """
    A page of extensions.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Extension]
    links: PaginationLinks
    meta: PaginationMeta
