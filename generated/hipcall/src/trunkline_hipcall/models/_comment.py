"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Comment(BaseModel):
    """
    A comment. Field names from FACTS.md, which gives no types; their types are inferred (strings for text and timestamps, integer id like the API's other ids).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `comment`.
    """
    id: int | None = None
    """
    Comment id.
    """
    content: str | None = None
    """
    Comment text.
    """
    commentable_type: str | None = None
    """
    Kind of record the comment is on.
    """
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """
