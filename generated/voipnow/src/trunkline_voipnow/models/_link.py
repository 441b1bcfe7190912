"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel
from enum import StrEnum


class Link(BaseModel):
    """
    Hypermedia links of a resource.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    self: str | None = None
    """
    URL of the resource itself.
    """
