"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field
from ._phone_call import PhoneCall


class PhoneCallList(BaseModel):
    """
    A page of phone calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    entry: list[PhoneCall] | None = None
    """
    Calls on this page.
    """
    start_index: Annotated[int | None, Field(alias="startIndex")] = None
    """
    Index of the first call on this page.
    """
    total_results: Annotated[int | None, Field(alias="totalResults")] = None
    """
    Number of calls matching the request.
    """
    items_per_page: Annotated[int | None, Field(alias="itemsPerPage")] = None
    """
    Page size used.
    """
    filtered: bool | None = None
    """
    Whether a filter was applied.
    """
    sorted: bool | None = None
    """
    Whether a sort was applied.
    """
    paging: dict[str, Any] | None = None
    """
    Paging details; its contents are not documented (the sample shows an empty object).
    """
