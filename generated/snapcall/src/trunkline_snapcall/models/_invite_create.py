"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class InviteCreate(BaseModel):
    """
    Who to invite to the company.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    role_id: float | None = None
    """
    Role identifier.
    """
    email: str
    """
    Email address of the person to invite. The page leaves the name cell of this row empty; the name comes from the code samples.
    """
