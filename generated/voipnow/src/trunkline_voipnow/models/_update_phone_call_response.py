"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._phone_call_reference import PhoneCallReference


class UpdatePhoneCallResponse(BaseModel):
    """
    Wrapper around the call that was updated.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    phone_call: Annotated[PhoneCallReference | None, Field(alias="PhoneCall")] = None
