"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._call import Call


class CallList(BaseModel):
    """
    Answer of a list request: the calls, and the token for the caller's next sync. FACTS.md gives this envelope (`items`, plus the `nextSyncToken` the page names).
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
    Token for the caller's next sync: send it as `syncToken` on a later list request. The page says it is returned on the last page of results.
    """
