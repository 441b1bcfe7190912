"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import ConfigDict
from ._call import Call
from ._call_detail_part2 import CallDetailPart2


class CallDetail(Call, CallDetailPart2):
    """
    A call detail record with its call flow.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
