"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import IntEnum


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
