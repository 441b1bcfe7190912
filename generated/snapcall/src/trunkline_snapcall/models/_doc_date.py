"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from pydantic import RootModel


class DocDate(RootModel[str]):
    root: str
    """
    A value the page types as `date`, showing no wire format. Plain text is inferred (`x-inferred`): the client sends the string you give unchanged, so it can carry whichever date form the server expects; that form is not documented.
    """
