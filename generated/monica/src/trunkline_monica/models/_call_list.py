"""Models of the Monica API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict
from ._call import Call
from ._page_links import PageLinks
from ._page_meta import PageMeta


class CallList(BaseModel):
    """
    One page of calls with its paging links and counts.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Call] | None = None
    links: PageLinks | None = None
    meta: PageMeta | None = None
