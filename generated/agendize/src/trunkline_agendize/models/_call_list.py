"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._call import Call


class CallList(BaseModel):
    """
    One page of calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    items: list[Call] | None = None
    """
    The calls.
    """
    next_sync_token: Annotated[str | None, Field(alias="nextSyncToken")] = None
    """
    Token to send as syncToken on the next list request.
    """
