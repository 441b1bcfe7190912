"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class WatchBasicAuth(BaseModel):
    """
    HTTP Basic credentials for the notification address, when that method is used. Typed `string` on the page although it has members; modelled as an object.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """
    User name.
    """
    password: str | None = None
    """
    Password.
    """
