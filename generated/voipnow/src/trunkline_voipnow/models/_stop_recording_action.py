"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._stop_recording_action_action import StopRecordingActionAction


class StopRecordingAction(BaseModel):
    """
    Stop recording one leg (from the UnifiedAPI 3.0 "StopRecording PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: StopRecordingActionAction
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg whose recording stops. Inferred type: the 3.0 page gives the field, not its type; a string is assumed, as leg ids are strings in the list answer.
    """
