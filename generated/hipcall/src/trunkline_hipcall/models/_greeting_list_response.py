"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import IntEnum
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
