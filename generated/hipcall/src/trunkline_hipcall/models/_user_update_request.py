"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class UserUpdateRequest(BaseModel):
    """
    Changes to the user. Not documented: the vendor only says this sets the user's default number, and its sample sends no body.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
