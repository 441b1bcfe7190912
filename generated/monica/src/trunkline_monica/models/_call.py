"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import AwareDatetime, BaseModel, ConfigDict
from ._account import Account
from ._contact import Contact


class Call(BaseModel):
    """
    A phone call recorded with a contact.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int | None = None
    object: str | None = None
    """
    The kind of record, `call`.
    """
    called_at: AwareDatetime | None = None
    """
    When the call happened.
    """
    content: str | None = None
    """
    What the call was about.
    """
    account: Account | None = None
    contact: Contact | None = None
    created_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
