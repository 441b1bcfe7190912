"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated
from pydantic import BaseModel, ConfigDict, Field
from ._watch_o_auth2_auth_grant_type import WatchOAuth2AuthGrantType


class WatchOAuth2Auth(BaseModel):
    """
    OAuth 2.0 credentials for the notification address, when that method is used. Typed `string` on the page although it has members; modelled as an object.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    grant_type: Annotated[WatchOAuth2AuthGrantType | None, Field(alias="grantType")] = (
        WatchOAuth2AuthGrantType.REFRESH_TOKEN
    )
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    OAuth 2.0 client identifier.
    """
    refresh_token: Annotated[str | None, Field(alias="refreshToken")] = None
    """
    Refresh token; for the refresh_token grant only.
    """
    auth_url: Annotated[str | None, Field(alias="authUrl")] = None
    """
    Interactive endpoint that starts obtaining the refresh token; for the refresh_token grant only.
    """
    access_token_url: Annotated[str | None, Field(alias="accessTokenUrl")] = None
    """
    Endpoint that issues access tokens.
    """
    scope: str | None = None
    """
    Requested scope; for the refresh_token grant only.
    """
