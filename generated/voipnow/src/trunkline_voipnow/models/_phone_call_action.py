"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel
from ._barge_in_action import BargeInAction
from ._monitor_action import MonitorAction
from ._off_hold_action import OffHoldAction
from ._on_hold_action import OnHoldAction
from ._park_action import ParkAction
from ._pickup_action import PickupAction
from ._start_recording_action import StartRecordingAction
from ._stop_recording_action import StopRecordingAction
from ._transfer_action import TransferAction
from ._transfer_to_voicemail_action import TransferToVoicemailAction
from ._un_park_action import UnParkAction
from ._whisper_action import WhisperAction


class PhoneCallAction(
    RootModel[
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
        | OnHoldAction
        | OffHoldAction
        | PickupAction
        | BargeInAction
        | WhisperAction
        | MonitorAction
    ]
):
    root: (
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
        | OnHoldAction
        | OffHoldAction
        | PickupAction
        | BargeInAction
        | WhisperAction
        | MonitorAction
    )
    """
    One update action, selected by `action`. Six bodies come from the vendor's UnifiedAPI 3.0 pages of the same names (FACTS.md); the other six actions the page lists have no documented body and stay open.
    """
