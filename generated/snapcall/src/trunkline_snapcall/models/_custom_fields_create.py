"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field


class CustomFieldsCreate(BaseModel):
    """
    Custom fields to add.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    custom_fields: Annotated[list[Any] | None, Field(alias="customFields")] = None
    """
    The custom fields; the item shape is not documented.
    """
