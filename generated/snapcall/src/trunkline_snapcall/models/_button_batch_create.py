"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict


class ButtonBatchCreate(BaseModel):
    """
    Several new buttons at once.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    buttons: list[Any]
    """
    The buttons; the item shape is not documented.
    """
