"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._call_insert_start import CallInsertStart


class CallInsert(BaseModel):
    """
    Fields accepted when adding a call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    caller_number: Annotated[str, Field(alias="callerNumber")]
    """
    Number that placed the call.
    """
    called_number: Annotated[str, Field(alias="calledNumber")]
    """
    Number that was called.
    """
    start: CallInsertStart
    duration: str | None = None
    """
    Length of the call. Typed `list` in the insert table; `string` from the resource table is used here.
    """
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """
