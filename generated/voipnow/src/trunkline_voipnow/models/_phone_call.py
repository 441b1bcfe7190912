"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from ._phone_call_view import PhoneCallView


class PhoneCall(BaseModel):
    """
    A call in progress, made of one or more legs (views).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Phone call id.
    """
    extension: str | None = None
    """
    Extension number the call belongs to.
    """
    owner_id: Annotated[str | None, Field(alias="ownerId")] = None
    """
    Id of the account owning the call.
    """
    owner_name: Annotated[str | None, Field(alias="ownerName")] = None
    """
    Name of the account owning the call.
    """
    answered: AwareDatetime | None = None
    """
    When the call was answered.
    """
    published: AwareDatetime | None = None
    """
    When the call was registered in the system.
    """
    phone_call_view: Annotated[list[PhoneCallView] | None, Field(alias="phoneCallView")] = None
    """
    The call's legs.
    """
