"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel
from datetime import date


class DocDate(RootModel[date]):
    root: date
    """
    The page types this value as `date` and shows no wire format.
    """
