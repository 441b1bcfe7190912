"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class PartnerAccountActivation(BaseModel):
    """
    The account to activate and its settings; no field is required.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    email: str | None = None
    """
    Email address of the account to activate. The page leaves the name cell of this row empty; the name comes from the code samples.
    """
    user_id: float | None = None
    """
    Identifier of the user whose account is activated.
    """
    timezone: str | None = None
    """
    Time zone name.
    """
    password: str | None = None
    """
    Password for the account.
    """
    currency: str | None = None
    """
    Currency code.
    """
