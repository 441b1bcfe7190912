"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel


class FilterAlternatives(RootModel[float | str | list[float | str]]):
    root: float | str | list[float | str]
    """
    A query filter the page types as `alternatives`, a word it never defines. The type is inferred (`x-inferred`) to refuse nothing the page may allow: a number, a string, or a list of them, so plural filters such as `team_ids` and `user_ids` can carry several values. A list is sent as the parameter repeated (`team_ids=1&team_ids=2`, OpenAPI's default form style); which forms the server accepts is not documented.
    """
