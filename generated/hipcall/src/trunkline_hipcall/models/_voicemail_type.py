"""Models of the Hipcall API API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import IntEnum
from ._voicemail_type1 import VoicemailType1


class VoicemailType(RootModel[VoicemailType1 | None]):
    root: VoicemailType1 | None
