"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call import Call
from ._pagination_links import PaginationLinks
from ._pagination_meta import PaginationMeta


class CallListResponse(BaseModel):
    """
    A page of calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Call]
    links: PaginationLinks
    meta: PaginationMeta
