"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field


class StreamInvite(BaseModel):
    """
    Who to invite to the stream and how; no field is required.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: str | None = None
    """
    Invitation type; the allowed values are not documented.
    """
    user_ids: Annotated[list[Any] | None, Field(alias="userIds")] = None
    """
    Identifiers of users to invite; the item type is not documented.
    """
    emails: list[Any] | None = None
    """
    Email addresses to invite; the item type is not documented.
    """
    phone_numbers: Annotated[list[Any] | None, Field(alias="phoneNumbers")] = None
    """
    Phone numbers to invite; the item type is not documented.
    """
    text: str | None = None
    """
    Message sent with the invitation.
    """
