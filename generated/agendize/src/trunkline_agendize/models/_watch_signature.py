"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field


class WatchSignature(BaseModel):
    """
    Cryptographic signing of the notified content.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    enabled: bool | None = None
    """
    Whether notifications are signed.
    """
    crypto_key_ids: Annotated[list[str] | None, Field(alias="cryptoKeyIds")] = None
    """
    Identifiers of the crypto keys used for signing.
    """
