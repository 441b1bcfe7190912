"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class CommentCreateRequest(BaseModel):
    """
    New comment. Types follow the sample; the page states no required body or field.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    commentable_type: str | None = None
    """
    Kind of record to comment on, e.g. `company`.
    """
    content: str | None = None
    """
    Comment text.
    """
    commentable_id: int | None = None
    """
    Id of the record to comment on.
    """
