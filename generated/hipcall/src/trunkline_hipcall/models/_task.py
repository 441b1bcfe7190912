"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Task(BaseModel):
    """
    A task.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `task`.
    """
    id: int | None = None
    """
    Task id.
    """
    name: str | None = None
    """
    Task title.
    """
    description: str | None = None
    """
    Task text.
    """
    due_date: str | None = None
    done: bool | None = None
    """
    Whether the task is done.
    """
    done_at: str | None = None
    assign_to: int | None = None
    priority: str | None = None
    """
    Priority; the examples show `low`, `medium` and an empty string.
    """
    task_list_id: int | None = None
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """
