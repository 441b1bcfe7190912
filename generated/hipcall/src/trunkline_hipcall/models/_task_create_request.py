"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class TaskCreateRequest(BaseModel):
    """
    New task. Types follow the sample; the page states no required body or field.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Task title.
    """
    description: str | None = None
    """
    Task text.
    """
    due_date: str | None = None
    """
    Due time; the sample uses the form `20220612 12:12:12`.
    """
    assign_to: int | bool | None = None
    auto_assign_to_user: bool | None = None
    """
    When true and `assign_to` is null or false, assign the owner of the first linked company, contact or deal.
    """
    priority: str | None = None
    """
    Priority, e.g. `low`.
    """
    task_list: int | None = None
    """
    Id of the task list.
    """
    contact_ids: list[int] | None = None
    """
    Contacts to link.
    """
    company_ids: list[int] | None = None
    """
    Companies to link.
    """
    deal_ids: list[int] | None = None
    """
    Deals to link.
    """
