"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._contact_date import ContactDate


class ContactInformation(BaseModel):
    """
    Extra facts about a contact.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    dates: list[ContactDate] | None = None
