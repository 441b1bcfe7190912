"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class CallRecord(BaseModel):
    """
    Voice recording of the call, present only when call recording is available and enabled.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    mine_type: Annotated[str | None, Field(alias="mineType")] = None
    """
    MIME type of the recording ("audio/mpeg"). The field name is spelled `mineType` as documented.
    """
    url: str | None = None
    """
    Where the recording can be fetched.
    """
