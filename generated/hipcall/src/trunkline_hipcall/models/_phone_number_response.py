"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._phone_number import PhoneNumber


class PhoneNumberResponse(BaseModel):
    """
    One phone number, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: PhoneNumber
