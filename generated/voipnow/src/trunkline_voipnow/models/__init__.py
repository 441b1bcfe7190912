"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit.

Each model is imported on first use, so that importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._barge_in_action import BargeInAction as BargeInAction
    from ._barge_in_action_action import BargeInActionAction as BargeInActionAction
    from ._callback_phone_call_view import CallbackPhoneCallView as CallbackPhoneCallView
    from ._conference_invite_phone_call_view import (
        ConferenceInvitePhoneCallView as ConferenceInvitePhoneCallView,
    )
    from ._create_callback_phone_call_request import (
        CreateCallbackPhoneCallRequest as CreateCallbackPhoneCallRequest,
    )
    from ._create_conference_invite_phone_call_request import (
        CreateConferenceInvitePhoneCallRequest as CreateConferenceInvitePhoneCallRequest,
    )
    from ._create_simple_phone_call_request import (
        CreateSimplePhoneCallRequest as CreateSimplePhoneCallRequest,
    )
    from ._error import Error as Error
    from ._error_error import ErrorError as ErrorError
    from ._hangup_phone_call_request import HangupPhoneCallRequest as HangupPhoneCallRequest
    from ._hung_up_phone_call import HungUpPhoneCall as HungUpPhoneCall
    from ._link import Link as Link
    from ._monitor_action import MonitorAction as MonitorAction
    from ._monitor_action_action import MonitorActionAction as MonitorActionAction
    from ._off_hold_action import OffHoldAction as OffHoldAction
    from ._off_hold_action_action import OffHoldActionAction as OffHoldActionAction
    from ._on_hold_action import OnHoldAction as OnHoldAction
    from ._on_hold_action_action import OnHoldActionAction as OnHoldActionAction
    from ._park_action import ParkAction as ParkAction
    from ._park_action_action import ParkActionAction as ParkActionAction
    from ._phone_call import PhoneCall as PhoneCall
    from ._phone_call_action import PhoneCallAction as PhoneCallAction
    from ._phone_call_list import PhoneCallList as PhoneCallList
    from ._phone_call_reference import PhoneCallReference as PhoneCallReference
    from ._phone_call_view import PhoneCallView as PhoneCallView
    from ._pickup_action import PickupAction as PickupAction
    from ._pickup_action_action import PickupActionAction as PickupActionAction
    from ._simple_phone_call_view import SimplePhoneCallView as SimplePhoneCallView
    from ._start_recording_action import StartRecordingAction as StartRecordingAction
    from ._start_recording_action_action import (
        StartRecordingActionAction as StartRecordingActionAction,
    )
    from ._start_recording_action_format import (
        StartRecordingActionFormat as StartRecordingActionFormat,
    )
    from ._stop_recording_action import StopRecordingAction as StopRecordingAction
    from ._stop_recording_action_action import (
        StopRecordingActionAction as StopRecordingActionAction,
    )
    from ._transfer_action import TransferAction as TransferAction
    from ._transfer_action_action import TransferActionAction as TransferActionAction
    from ._transfer_to_voicemail_action import (
        TransferToVoicemailAction as TransferToVoicemailAction,
    )
    from ._transfer_to_voicemail_action_action import (
        TransferToVoicemailActionAction as TransferToVoicemailActionAction,
    )
    from ._un_park_action import UnParkAction as UnParkAction
    from ._un_park_action_action import UnParkActionAction as UnParkActionAction
    from ._update_phone_call_response import UpdatePhoneCallResponse as UpdatePhoneCallResponse
    from ._whisper_action import WhisperAction as WhisperAction
    from ._whisper_action_action import WhisperActionAction as WhisperActionAction

_HOMES: dict[str, str] = {
    "BargeInAction": "_barge_in_action",
    "BargeInActionAction": "_barge_in_action_action",
    "CallbackPhoneCallView": "_callback_phone_call_view",
    "ConferenceInvitePhoneCallView": "_conference_invite_phone_call_view",
    "CreateCallbackPhoneCallRequest": "_create_callback_phone_call_request",
    "CreateConferenceInvitePhoneCallRequest": "_create_conference_invite_phone_call_request",
    "CreateSimplePhoneCallRequest": "_create_simple_phone_call_request",
    "Error": "_error",
    "ErrorError": "_error_error",
    "HangupPhoneCallRequest": "_hangup_phone_call_request",
    "HungUpPhoneCall": "_hung_up_phone_call",
    "Link": "_link",
    "MonitorAction": "_monitor_action",
    "MonitorActionAction": "_monitor_action_action",
    "OffHoldAction": "_off_hold_action",
    "OffHoldActionAction": "_off_hold_action_action",
    "OnHoldAction": "_on_hold_action",
    "OnHoldActionAction": "_on_hold_action_action",
    "ParkAction": "_park_action",
    "ParkActionAction": "_park_action_action",
    "PhoneCall": "_phone_call",
    "PhoneCallAction": "_phone_call_action",
    "PhoneCallList": "_phone_call_list",
    "PhoneCallReference": "_phone_call_reference",
    "PhoneCallView": "_phone_call_view",
    "PickupAction": "_pickup_action",
    "PickupActionAction": "_pickup_action_action",
    "SimplePhoneCallView": "_simple_phone_call_view",
    "StartRecordingAction": "_start_recording_action",
    "StartRecordingActionAction": "_start_recording_action_action",
    "StartRecordingActionFormat": "_start_recording_action_format",
    "StopRecordingAction": "_stop_recording_action",
    "StopRecordingActionAction": "_stop_recording_action_action",
    "TransferAction": "_transfer_action",
    "TransferActionAction": "_transfer_action_action",
    "TransferToVoicemailAction": "_transfer_to_voicemail_action",
    "TransferToVoicemailActionAction": "_transfer_to_voicemail_action_action",
    "UnParkAction": "_un_park_action",
    "UnParkActionAction": "_un_park_action_action",
    "UpdatePhoneCallResponse": "_update_phone_call_response",
    "WhisperAction": "_whisper_action",
    "WhisperActionAction": "_whisper_action_action",
}

__all__ = [
    "BargeInAction",
    "BargeInActionAction",
    "CallbackPhoneCallView",
    "ConferenceInvitePhoneCallView",
    "CreateCallbackPhoneCallRequest",
    "CreateConferenceInvitePhoneCallRequest",
    "CreateSimplePhoneCallRequest",
    "Error",
    "ErrorError",
    "HangupPhoneCallRequest",
    "HungUpPhoneCall",
    "Link",
    "MonitorAction",
    "MonitorActionAction",
    "OffHoldAction",
    "OffHoldActionAction",
    "OnHoldAction",
    "OnHoldActionAction",
    "ParkAction",
    "ParkActionAction",
    "PhoneCall",
    "PhoneCallAction",
    "PhoneCallList",
    "PhoneCallReference",
    "PhoneCallView",
    "PickupAction",
    "PickupActionAction",
    "SimplePhoneCallView",
    "StartRecordingAction",
    "StartRecordingActionAction",
    "StartRecordingActionFormat",
    "StopRecordingAction",
    "StopRecordingActionAction",
    "TransferAction",
    "TransferActionAction",
    "TransferToVoicemailAction",
    "TransferToVoicemailActionAction",
    "UnParkAction",
    "UnParkActionAction",
    "UpdatePhoneCallResponse",
    "WhisperAction",
    "WhisperActionAction",
]

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import the module that defines `name` on first access, then keep the class."""
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The loaded names and every model that can be loaded."""
    return sorted(set(globals()) | set(_HOMES))
