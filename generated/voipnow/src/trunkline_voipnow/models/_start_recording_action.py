"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._start_recording_action_action import StartRecordingActionAction
from ._start_recording_action_format import StartRecordingActionFormat


class StartRecordingAction(BaseModel):
    """
    Start recording one leg (from the UnifiedAPI 3.0 "StartRecording PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: StartRecordingActionAction
    format: StartRecordingActionFormat | None = None
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg to record. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as leg ids are strings in the list answer.
    """
