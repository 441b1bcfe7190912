"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class PageMeta(BaseModel):
    """
    Where this page sits in the whole list.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    current_page: int | None = None
    from_: Annotated[int | None, Field(alias="from")] = None
    last_page: int | None = None
    path: str | None = None
    per_page: int | None = None
    to: int | None = None
    total: int | None = None
