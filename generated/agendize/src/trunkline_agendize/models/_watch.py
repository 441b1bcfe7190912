"""Models of the Agendize Calls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field
from ._watch_basic_auth import WatchBasicAuth
from ._watch_http_request_header import WatchHttpRequestHeader
from ._watch_o_auth2_auth import WatchOAuth2Auth
from ._watch_signature import WatchSignature
from ._watch_status import WatchStatus


class Watch(BaseModel):
    """
    A webhook registration that is notified of changes to calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    address: str
    """
    URL that receives the notifications.
    """
    name: str | None = None
    """
    Name of the watch.
    """
    basic_auth: Annotated[WatchBasicAuth | None, Field(alias="basicAuth")] = None
    http_request_header: Annotated[
        WatchHttpRequestHeader | None, Field(alias="httpRequestHeader")
    ] = None
    schema_: Annotated[dict[str, Any] | None, Field(alias="schema")] = None
    """
    Custom JSON schema applied to the notified resource's properties. Its format is not documented beyond a note that replacement strings may use JSONPath expressions.
    """
    method: str | None = None
    """
    HTTP method used to deliver notifications; DELETE sends no body.
    """
    status: WatchStatus | None = None
    oauth2_auth: Annotated[WatchOAuth2Auth | None, Field(alias="oauth2Auth")] = None
    signature: WatchSignature | None = None
