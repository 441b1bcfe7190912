"""Models of the Hipcall API API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import IntEnum
from ._callee_type1 import CalleeType1


class CalleeType(RootModel[CalleeType1 | None]):
    root: CalleeType1 | None
