"""Models of the SnapCall REST API API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from datetime import date


class UndocumentedResponse(RootModel[Any]):
    root: Any
    """
    Response body the vendor does not document; no shape is assumed.
    """


class Alternatives(RootModel[float | str]):
    root: float | str
    """
    The page types this value as `alternatives`: it may be sent either as a number or as a string (mostly identifiers; also status, rate, type and similar filters).
    """


class DocDate(RootModel[date]):
    root: date
    """
    The page types this value as `date` and shows no wire format.
    """


class ButtonCreate(BaseModel):
    """
    Fields of a new button.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Button name.
    """
    brand: str | None = None
    """
    Brand of the button.
    """
    call_id: Alternatives | None = None
    """
    Call identifier (number or string); its role is not described by the vendor.
    """
    agent: str | None = None
    """
    Agent of the button.
    """
    schedule_template_id: float | None = None
    """
    Schedule template applied to the button.
    """
    timezone: str | None = None
    """
    Time zone name.
    """
    caller_id: Alternatives | None = None
    """
    Caller ID (number or string).
    """
    config: dict[str, Any] | None = None
    """
    Button configuration; its keys are not documented.
    """
    display_page: str | None = None
    """
    Display page setting; its format is not documented.
    """
    cart_value: float | None = None
    """
    Cart value.
    """
    active: bool | None = None
    """
    Whether the button is active.
    """


class ButtonBatchCreate(BaseModel):
    """
    Several new buttons at once.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    buttons: list[Any]
    """
    The buttons; the item shape is not documented.
    """


class ButtonUpdate(BaseModel):
    """
    Button fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Button name.
    """
    brand: str | None = None
    """
    Brand of the button.
    """
    call_id: Alternatives | None = None
    """
    Call identifier (number or string); its role is not described by the vendor.
    """
    schedule_template_id: float | None = None
    """
    Schedule template applied to the button.
    """
    timezone: str | None = None
    """
    Time zone name.
    """
    caller_id: Alternatives | None = None
    """
    Caller ID (number or string).
    """
    config: dict[str, Any] | None = None
    """
    Button configuration; its keys are not documented.
    """
    display_page: str | None = None
    """
    Display page setting; its format is not documented.
    """
    cart_value: float | None = None
    """
    Cart value.
    """
    active: bool | None = None
    """
    Whether the button is active.
    """


class ButtonBatchUpdate(BaseModel):
    """
    Several button changes at once.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    buttons: list[Any]
    """
    The buttons; the item shape is not documented.
    """


class ScheduleTemplateCreate(BaseModel):
    """
    Fields of a new schedule template.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Template name.
    """
    schedule: list[Any]
    """
    The schedule entries; the item shape is not documented.
    """


class ScheduleTemplateUpdate(BaseModel):
    """
    Schedule template fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Template name.
    """
    schedule: list[Any] | None = None
    """
    The schedule entries; the item shape is not documented.
    """


class AgentStatusUpdate(BaseModel):
    """
    New status of an agent.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: str
    """
    New agent status; the allowed values are not documented.
    """


class AgentUpdate(BaseModel):
    """
    Agent fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    wrap_up_time: float | None = None
    """
    Wrap-up time after a call; the unit is not documented.
    """
    last_bridge_end: float | None = None
    """
    End of the last bridged call; the unit is not documented.
    """


class InviteAccept(BaseModel):
    """
    The invitation being accepted.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    token: str
    """
    Token of the invitation to accept.
    """


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


class PartnerAgentButtonRequest(BaseModel):
    """
    Which agent button to return.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    agent_email: str
    """
    Email address of the agent.
    """
    stream: bool | None = None
    """
    Whether to return a stream button.
    """


class UserButtonRequest(BaseModel):
    """
    Context used to pick a button that passes its display filters.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    referer: str
    """
    Referring page used to evaluate display filters.
    """
    cart_value: float | None = None
    """
    Cart value.
    """


class BookingPageCreate(BaseModel):
    """
    Fields of a new booking page.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    team_id: float | None = None
    """
    Team identifier.
    """
    user_id: float | None = None
    """
    User identifier.
    """
    duration: float | None = None
    """
    Meeting duration; the unit is not documented.
    """
    name: str
    """
    Booking page name.
    """
    description: str | None = None
    """
    Description.
    """


class BookingPageUpdate(BaseModel):
    """
    Booking page fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    team_id: float | None = None
    """
    Team identifier.
    """
    user_id: float | None = None
    """
    User identifier.
    """
    name: str | None = None
    """
    Booking page name.
    """
    duration: float | None = None
    """
    Meeting duration; the unit is not documented.
    """
    description: str | None = None
    """
    Description.
    """
    status: str | None = None
    """
    Booking page status; the allowed values are not documented.
    """


class CustomFieldsCreate(BaseModel):
    """
    Custom fields to add.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    custom_fields: Annotated[list[Any] | None, Field(alias="customFields")] = None
    """
    The custom fields; the item shape is not documented.
    """


class StreamInvite(BaseModel):
    """
    Who to invite to the stream and how; no field is required.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: str | None = None
    """
    Invitation type; the allowed values are not documented.
    """
    user_ids: Annotated[list[Any] | None, Field(alias="userIds")] = None
    """
    Identifiers of users to invite; the item type is not documented.
    """
    emails: list[Any] | None = None
    """
    Email addresses to invite; the item type is not documented.
    """
    phone_numbers: Annotated[list[Any] | None, Field(alias="phoneNumbers")] = None
    """
    Phone numbers to invite; the item type is not documented.
    """
    text: str | None = None
    """
    Message sent with the invitation.
    """


class InviteCreate(BaseModel):
    """
    Who to invite to the company.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    role_id: float | None = None
    """
    Role identifier.
    """
    email: str
    """
    Email address of the person to invite. The page leaves the name cell of this row empty; the name comes from the code samples.
    """


class InviteUpdate(BaseModel):
    """
    New role for the invitation.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    role_id: float
    """
    Role identifier.
    """


class TeamUserAdd(BaseModel):
    """
    The user to add to the team.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    user_id: float
    """
    User identifier.
    """


class TeamCreate(BaseModel):
    """
    Fields of a new team.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Team name.
    """
    description: str | None = None
    """
    Description.
    """


class TeamUpdate(BaseModel):
    """
    Team fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Team name.
    """
    description: str | None = None
    """
    Description.
    """
    settings: dict[str, Any] | None = None
    """
    Team settings; the keys are not documented.
    """


class CompanyUserUpdate(BaseModel):
    """
    New role of the user in the company.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    role_id: float
    """
    Role identifier.
    """
