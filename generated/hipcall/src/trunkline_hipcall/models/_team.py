"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import BaseModel, ConfigDict


class Team(BaseModel):
    """
    A team (call queue).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `team`.
    """
    id: int | None = None
    """
    Team id.
    """
    name: str | None = None
    """
    Team name.
    """
    user_case: str | None = None
    """
    Which users are in the team, e.g. `all`.
    """
    wrap_up_time: int | None = None
    """
    Pause between calls for an agent.
    """
    strategy: str | None = None
    """
    Call distribution strategy, e.g. `random`.
    """
    say_line_number: bool | None = None
    """
    Whether callers hear their place in line.
    """
    say_line_number_in_second: int | None = None
    """
    How often the place in line is announced.
    """
    callback: bool | None = None
    """
    Whether callers can ask to be called back.
    """
    callback_dtmf: int | None = None
    """
    Key that requests a callback.
    """
    callback_action: str | None = None
    """
    What happens on callback, e.g. `none`.
    """
    state: str | None = None
    """
    State, e.g. `active`.
    """
