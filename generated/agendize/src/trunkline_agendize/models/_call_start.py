"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class CallStart(BaseModel):
    """
    When the call started.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    date_time: Annotated[str | None, Field(alias="dateTime")] = None
    """
    Combined date and time in RFC 3339 form but without any time zone offset (a local time, interpreted in timeZone).
    """
    time_zone: Annotated[str | None, Field(alias="timeZone")] = None
    """
    Time zone name; the company's time zone when not given.
    """
