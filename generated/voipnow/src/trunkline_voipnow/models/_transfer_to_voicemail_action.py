"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._transfer_to_voicemail_action_action import TransferToVoicemailActionAction


class TransferToVoicemailAction(BaseModel):
    """
    Send the call to a voicemail box (from the UnifiedAPI 3.0 "TransferToVoicemail PhoneCalls" page; the v5 curl sample sends this body).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: TransferToVoicemailActionAction
    send_call_to: Annotated[str, Field(alias="sendCallTo")]
    """
    Extension whose voicemail receives the call (a string in the v5 curl sample).
    """
    transfer_from_number: Annotated[str | None, Field(alias="transferFromNumber")] = None
    """
    Number of the party that performs the transfer (a string in the v5 curl sample).
    """
