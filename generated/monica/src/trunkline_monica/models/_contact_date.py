"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import AwareDatetime, BaseModel, ConfigDict


class ContactDate(BaseModel):
    """
    A dated fact about a contact, such as the birthdate.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    is_birthdate_approximate: str | None = None
    """
    How sure the date is, such as `unknown` or `approximate`.
    """
    birthdate: AwareDatetime | None = None
