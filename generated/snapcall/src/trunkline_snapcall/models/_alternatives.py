"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel


class Alternatives(RootModel[float | str]):
    root: float | str
    """
    A path segment or body field the page types as `alternatives`, a word it never defines. Number or string is inferred (`x-inferred`), not stated: these are single identifiers (`bid`, `call_id`, `caller_id`), and the page's other identifiers are numbers or strings.
    """
