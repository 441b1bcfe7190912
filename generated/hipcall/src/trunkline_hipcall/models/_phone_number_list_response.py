"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._pagination_links import PaginationLinks
from ._pagination_meta import PaginationMeta
from ._phone_number import PhoneNumber


class PhoneNumberListResponse(BaseModel):
    """
    A page of phone numbers.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[PhoneNumber]
    links: PaginationLinks
    meta: PaginationMeta
