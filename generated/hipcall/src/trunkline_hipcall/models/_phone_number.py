"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PhoneNumber(BaseModel):
    """
    A phone number of the account.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `number`.
    """
    id: int | None = None
    """
    Number id.
    """
    name: str | None = None
    """
    Display name.
    """
    number: str | None = None
    """
    The phone number; the examples show it with a leading `+` and the country code.
    """
