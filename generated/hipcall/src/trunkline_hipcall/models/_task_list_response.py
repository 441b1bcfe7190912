"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._pagination_links import PaginationLinks
from ._pagination_meta import PaginationMeta
from ._task import Task


class TaskListResponse(BaseModel):
    """
    A page of tasks.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Task]
    links: PaginationLinks
    meta: PaginationMeta
