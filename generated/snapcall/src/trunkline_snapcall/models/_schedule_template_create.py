"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict


class ScheduleTemplateCreate(BaseModel):
    """
    Fields of a new schedule template.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Template name.
    """
    schedule: list[Any]
    """
    The schedule entries; the item shape is not documented.
    """
