"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class User(BaseModel):
    """
    A user. The single-user example omits `full_name` and `status`, which the list example includes.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `user`.
    """
    id: int | None = None
    """
    User id.
    """
    email: str | None = None
    """
    Email address.
    """
    name: str | None = None
    """
    Name.
    """
    full_name: str | None = None
    """
    Full name (list responses).
    """
    title: str | None = None
    """
    Job title; may be empty.
    """
    owner: bool | None = None
    """
    Whether the user owns the account.
    """
    locale: str | None = None
    """
    Locale, e.g. `en_GB`.
    """
    status: str | None = None
    """
    Status, e.g. `active` (list responses).
    """
    default_number_id: int | None = None
    default_extension_id: int | None = None
    field_2fa: Annotated[bool | None, Field(alias="2fa")] = None
    """
    Whether two-factor authentication is on.
    """
    last_logged_in: str | None = None
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """
