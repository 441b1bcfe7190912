"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import BaseModel, ConfigDict


class Error(BaseModel):
    """
    Error body. FACTS.md says errors carry an `errors` member; its shape is not documented, so it and the rest of the object stay open.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: Any
    """
    Error details; shape not documented.
    """
