"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Any
from pydantic import RootModel


class UndocumentedResponse(RootModel[Any]):
    root: Any
    """
    Response body the vendor does not document; no shape is assumed.
    """
