"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call_direction import CallDirection
from ._callee_type import CalleeType
from ._caller_type import CallerType
from ._channel_type import ChannelType
from ._hangup_by import HangupBy
from ._missing_call_reason import MissingCallReason
from ._voicemail_type import VoicemailType


class Call(BaseModel):
    """
    A call detail record. Timestamps look like `2023-03-31T08:41:58+0000`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `cdr`.
    """
    uuid: str | None = None
    """
    Call UUID.
    """
    direction: CallDirection | None = None
    user_id: int | None = None
    """
    User involved in the call.
    """
    contact_id: int | None = None
    """
    Contact involved in the call (0 in the examples).
    """
    channel_type: ChannelType | None = None
    channel_id: int | None = None
    """
    Id of the channel; for channel type 1, the number's id.
    """
    started_at: str | None = None
    """
    When the call started.
    """
    answered_at: str | None = None
    bridged_at: str | None = None
    ended_at: str | None = None
    """
    When the call ended.
    """
    call_duration: int | None = None
    """
    Length of the call in seconds.
    """
    first_touch_duration: int | None = None
    """
    Seconds until the first touch.
    """
    missing_call: bool | None = None
    """
    Whether the call was missed.
    """
    missing_call_reason: MissingCallReason | None = None
    caller_id: int | None = None
    """
    Id of the caller (a contact or user, see `caller_type`).
    """
    caller_type: CallerType | None = None
    caller_number: str | None = None
    """
    Number of the caller.
    """
    callee_id: int | None = None
    """
    Id of the callee (see `callee_type`).
    """
    callee_type: CalleeType | None = None
    callee_number: str | None = None
    """
    Number or extension that was called.
    """
    record_url: str | None = None
    hangup_by: HangupBy | None = None
    voicemail_type: VoicemailType | None = None
    voicemail_id: int | None = None
    voicemail_url: str | None = None
