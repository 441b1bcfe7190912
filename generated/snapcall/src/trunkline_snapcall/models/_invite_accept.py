"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class InviteAccept(BaseModel):
    """
    The invitation being accepted.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    token: str
    """
    Token of the invitation to accept.
    """
