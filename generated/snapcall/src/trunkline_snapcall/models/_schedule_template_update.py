"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict


class ScheduleTemplateUpdate(BaseModel):
    """
    Schedule template fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Template name.
    """
    schedule: list[Any] | None = None
    """
    The schedule entries; the item shape is not documented.
    """
