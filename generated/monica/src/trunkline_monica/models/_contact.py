"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._account import Account
from ._contact_information import ContactInformation


class Contact(BaseModel):
    """
    The summary of a contact that comes with each call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int | None = None
    object: str | None = None
    """
    The kind of record, `contact`.
    """
    first_name: str | None = None
    last_name: str | None = None
    gender: str | None = None
    is_partial: bool | None = None
    """
    Whether the contact is a partial one, known only through a relationship.
    """
    information: ContactInformation | None = None
    account: Account | None = None
