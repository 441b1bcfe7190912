"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._greeting import Greeting
from ._pagination_links import PaginationLinks
from ._pagination_meta import PaginationMeta


class GreetingListResponse(BaseModel):
    """
    A page of greetings.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Greeting]
    links: PaginationLinks
    meta: PaginationMeta
