"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._call_start import CallStart


class CallUpdate(BaseModel):
    """
    Fields that can be changed on a call; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """
    caller_number: Annotated[str | None, Field(alias="callerNumber")] = None
    """
    Number that placed the call.
    """
    called_number: Annotated[str | None, Field(alias="calledNumber")] = None
    """
    Number that was called. Typed `list` in the update table; `string` from the resource table is used here.
    """
    start: CallStart | None = None
    duration: str | None = None
    """
    Length of the call. Typed `list` in the update table; `string` from the resource table is used here.
    """
