"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._transfer_action_action import TransferActionAction


class TransferAction(BaseModel):
    """
    Transfer the call to another number (from the UnifiedAPI 3.0 "Transfer PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: TransferActionAction
    send_call_to: Annotated[str | None, Field(alias="sendCallTo")] = None
    """
    Number the call is transferred to. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as the v5 samples send extension and phone numbers as strings.
    """
    transfer_from_number: Annotated[str | None, Field(alias="transferFromNumber")] = None
    """
    Number of the party that performs the transfer. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as the v5 samples send extension and phone numbers as strings.
    """
    transfer_number: Annotated[str | None, Field(alias="transferNumber")] = None
    """
    Number of the party being transferred. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as the v5 samples send extension and phone numbers as strings.
    """
