"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Greeting(BaseModel):
    """
    A greeting (IVR menu).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `greeting`.
    """
    id: int | None = None
    """
    Greeting id.
    """
    name: str | None = None
    """
    Greeting name.
    """
    direct_dial_extension: bool | None = None
    """
    Whether callers may dial an extension directly.
    """
    timeout: int | None = None
    """
    Input timeout.
    """
    max_input_try_count: int | None = None
    """
    How many input attempts are allowed.
    """
    state: str | None = None
    """
    State, e.g. `active`.
    """
