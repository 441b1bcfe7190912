"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from datetime import date


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
