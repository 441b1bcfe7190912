"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._comment import Comment


class CommentResponse(BaseModel):
    """
    One comment, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Comment
