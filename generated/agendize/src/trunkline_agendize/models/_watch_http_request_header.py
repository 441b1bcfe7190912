"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class WatchHttpRequestHeader(BaseModel):
    """
    Extra header sent with each notification request. Typed `string` on the page although it has a member; modelled as an object.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Name of the header.
    """
