"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class CompanyUserUpdate(BaseModel):
    """
    New role of the user in the company.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    role_id: float
    """
    Role identifier.
    """
