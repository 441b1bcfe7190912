"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Tag(BaseModel):
    """
    A tag. Field names from FACTS.md, which gives no types; their types are inferred (integer id like the API's other ids, strings otherwise).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `tag`.
    """
    id: int | None = None
    """
    Tag id.
    """
    name: str | None = None
    """
    Tag name.
    """
    tag_type: str | None = None
    """
    Kind of tag.
    """
    color: str | None = None
    """
    Display colour.
    """
    description: str | None = None
    """
    Tag description.
    """
