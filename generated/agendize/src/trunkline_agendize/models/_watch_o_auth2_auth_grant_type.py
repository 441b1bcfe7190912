"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import StrEnum


class WatchOAuth2AuthGrantType(StrEnum):
    """
    Grant used to obtain the access token.
    """

    REFRESH_TOKEN = "refresh_token"
    CLIENT_CREDENTIALS = "client_credentials"
