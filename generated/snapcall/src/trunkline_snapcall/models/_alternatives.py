"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel


class Alternatives(RootModel[float | str]):
    root: float | str
    """
    The page types this value as `alternatives`: it may be sent either as a number or as a string (mostly identifiers; also status, rate, type and similar filters).
    """
