"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class CallFlowDetail(BaseModel):
    """
    Details of a call flow step; which members appear depends on the action (values below are those seen in the example).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int | None = None
    """
    Id of the party or object the step involves.
    """
    type: str | None = None
    """
    Kind of that party, e.g. `user`, `team`, `greeting`.
    """
    result: int | None = None
    """
    Result code of a failed bridge.
    """
    hangup_by: str | None = None
    """
    Who hung up, as text (e.g. `contact`); unlike the call's integer `hangup_by`.
    """
