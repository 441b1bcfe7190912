"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel
from datetime import date


class Account(BaseModel):
    """
    The account a record belongs to.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int | None = None


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


class CallInput(BaseModel):
    """
    The fields of a new call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    content: Annotated[str, Field(max_length=100000)]
    """
    What the call was about.
    """
    contact_id: int
    """
    The contact the call was made with.
    """
    called_at: date
    """
    The day of the call, YYYY-MM-DD; past or future.
    """


class CallUpdate(BaseModel):
    """
    The fields of a call to update.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    content: Annotated[str, Field(max_length=100000)]
    """
    What the call was about.
    """
    contact_id: int
    """
    The contact the call was made with.
    """
    called_at: date
    """
    The day of the call, YYYY-MM-DD; past or future.
    """
    contact_called: bool | None = None
    """
    Whether the contact was the one who called.
    """


class PageLinks(BaseModel):
    """
    Links to the first, last, previous and next pages; null where there is none.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    first: str | None = None
    last: str | None = None
    prev: str | None = None
    next: str | None = None


class PageMeta(BaseModel):
    """
    Where this page sits in the whole list.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    current_page: int | None = None
    from_: Annotated[int | None, Field(alias="from")] = None
    last_page: int | None = None
    path: str | None = None
    per_page: int | None = None
    to: int | None = None
    total: int | None = None


class Deleted(BaseModel):
    """
    The answer to a deletion.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    deleted: bool | None = None
    id: int | None = None
    """
    The id of the deleted call.
    """


class ErrorDetail(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: str | list[str] | None = None
    """
    What went wrong; a list of messages when validation failed.
    """
    error_code: int | None = None
    """
    Monica's error code: 30 limit too big, 31 not found, 32 validation failed, 34 rate limited, 37 bad JSON, 39 bad sort field, 40 invalid query, 41 invalid parameters, 42 unauthorized.
    """


class ContactInformation(BaseModel):
    """
    Extra facts about a contact.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    dates: list[ContactDate] | None = None


class Error(BaseModel):
    """
    The body of every error answer.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: ErrorDetail


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


class CallResponse(BaseModel):
    """
    One call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Call | None = None


class CallList(BaseModel):
    """
    One page of calls with its paging links and counts.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Call] | None = None
    links: PageLinks | None = None
    meta: PageMeta | None = None
