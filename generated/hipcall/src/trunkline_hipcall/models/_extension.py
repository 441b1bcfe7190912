"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Extension(BaseModel):
    """
    An internal extension and what it routes to.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `extension`.
    """
    id: int | None = None
    """
    Extension id.
    """
    number: str | None = None
    """
    Extension number.
    """
    target_id: int | None = None
    """
    Id of the target.
    """
    target_type: str | None = None
    """
    Kind of target; the examples show `user`, `greeting`, `team`.
    """
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """
