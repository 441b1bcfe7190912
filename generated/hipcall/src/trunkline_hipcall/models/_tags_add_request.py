"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class TagsAddRequest(BaseModel):
    """
    Tags to attach, by name (FACTS.md). No source says the body or `tags` is required.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tags: list[str] | None = None
    """
    Tag names.
    """
