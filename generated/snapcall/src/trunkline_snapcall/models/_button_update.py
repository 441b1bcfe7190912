"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict
from ._alternatives import Alternatives


class ButtonUpdate(BaseModel):
    """
    Button fields to change; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Button name.
    """
    brand: str | None = None
    """
    Brand of the button.
    """
    call_id: Alternatives | None = None
    """
    Call identifier (number or string); its role is not described by the vendor.
    """
    schedule_template_id: float | None = None
    """
    Schedule template applied to the button.
    """
    timezone: str | None = None
    """
    Time zone name.
    """
    caller_id: Alternatives | None = None
    """
    Caller ID (number or string).
    """
    config: dict[str, Any] | None = None
    """
    Button configuration; its keys are not documented.
    """
    display_page: str | None = None
    """
    Display page setting; its format is not documented.
    """
    cart_value: float | None = None
    """
    Cart value.
    """
    active: bool | None = None
    """
    Whether the button is active.
    """
