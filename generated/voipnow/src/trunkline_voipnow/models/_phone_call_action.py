"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel
from ._park_action import ParkAction
from ._start_recording_action import StartRecordingAction
from ._stop_recording_action import StopRecordingAction
from ._transfer_action import TransferAction
from ._transfer_to_voicemail_action import TransferToVoicemailAction
from ._un_park_action import UnParkAction


class PhoneCallAction(
    RootModel[
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
    ]
):
    root: (
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
    )
    """
    One update action, selected by `action`. The bodies come from the vendor's UnifiedAPI 3.0 pages of the same names.
    """
