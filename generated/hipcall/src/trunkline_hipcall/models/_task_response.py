"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._task import Task


class TaskResponse(BaseModel):
    """
    One task, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Task
