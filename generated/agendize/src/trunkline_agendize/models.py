"""Models of the Agendize Calls API API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import StrEnum


class CallStart(BaseModel):
    """
    When the call started.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    date_time: Annotated[str | None, Field(alias="dateTime")] = None
    """
    Combined date and time in RFC 3339 form but without any time zone offset (a local time, interpreted in timeZone).
    """
    time_zone: Annotated[str | None, Field(alias="timeZone")] = None
    """
    Time zone name; the company's time zone when not given.
    """


class CallRecord(BaseModel):
    """
    Voice recording of the call, present only when call recording is available and enabled.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    mine_type: Annotated[str | None, Field(alias="mineType")] = None
    """
    MIME type of the recording ("audio/mpeg"). The field name is spelled `mineType` as documented.
    """
    url: str | None = None
    """
    Where the recording can be fetched.
    """


class CallStatus(StrEnum):
    """
    Outcome of the call.
    """

    COMPLETED = "completed"
    NO_ANSWERED = "noAnswered"
    MESSAGE = "message"
    WRONG_NUMBER = "wrongNumber"
    BUSY = "busy"
    ABANDONED = "abandoned"


class CallType(StrEnum):
    """
    How the call was made.
    """

    CLICK_TO_CALL = "clickToCall"
    CALL_TRACKING = "callTracking"


class CallInsertStart(BaseModel):
    """
    When the call started. Both members are listed as required, although timeZone is also said to default to the company's time zone.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    date_time: Annotated[str, Field(alias="dateTime")]
    """
    Combined date and time in RFC 3339 form but without any time zone offset (a local time, interpreted in timeZone).
    """
    time_zone: Annotated[str, Field(alias="timeZone")]
    """
    Time zone name; the company's time zone when not given.
    """


class CallUpdate(BaseModel):
    """
    Fields that can be changed on a call; all are optional.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """
    caller_number: Annotated[str | None, Field(alias="callerNumber")] = None
    """
    Number that placed the call.
    """
    called_number: Annotated[str | None, Field(alias="calledNumber")] = None
    """
    Number that was called. Typed `list` in the update table; `string` from the resource table is used here.
    """
    start: CallStart | None = None
    duration: str | None = None
    """
    Length of the call. Typed `list` in the update table; `string` from the resource table is used here.
    """


class WatchBasicAuth(BaseModel):
    """
    HTTP Basic credentials for the notification address, when that method is used. Typed `string` on the page although it has members; modelled as an object.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """
    User name.
    """
    password: str | None = None
    """
    Password.
    """


class WatchHttpRequestHeader(BaseModel):
    """
    Extra header sent with each notification request. Typed `string` on the page although it has a member; modelled as an object.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Name of the header.
    """


class WatchOAuth2AuthGrantType(StrEnum):
    """
    Grant used to obtain the access token.
    """

    REFRESH_TOKEN = "refresh_token"
    CLIENT_CREDENTIALS = "client_credentials"


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


class WatchStatus(StrEnum):
    """
    Whether the watch is active.
    """

    ENABLED = "enabled"
    DISABLED = "disabled"


class Call(BaseModel):
    """
    One entry of the call list.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Identifier of the call.
    """
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """
    caller_number: Annotated[str | None, Field(alias="callerNumber")] = None
    """
    Number that placed the call.
    """
    called_number: Annotated[str | None, Field(alias="calledNumber")] = None
    """
    Number that was called. The update table types it as `list`; the resource and insert tables say `string`, which is used here.
    """
    tracking_number: Annotated[str | None, Field(alias="trackingNumber")] = None
    """
    Call tracking number used for the call.
    """
    start: CallStart | None = None
    duration: str | None = None
    """
    Length of the call. The resource table types it as `string` (used here); the insert and update tables say `list`.
    """
    status: CallStatus | None = None
    external_id: Annotated[str | None, Field(alias="externalId")] = None
    """
    Your own identifier for calls you record yourself; Agendize's identifier for calls from click-to-call or call tracking.
    """
    type: CallType | None = None
    record: CallRecord | None = None


class CallInsert(BaseModel):
    """
    Fields accepted when adding a call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    caller_number: Annotated[str, Field(alias="callerNumber")]
    """
    Number that placed the call.
    """
    called_number: Annotated[str, Field(alias="calledNumber")]
    """
    Number that was called.
    """
    start: CallInsertStart
    duration: str | None = None
    """
    Length of the call. Typed `list` in the insert table; `string` from the resource table is used here.
    """
    button_id: Annotated[str | None, Field(alias="buttonId")] = None
    """
    Identifier of the button the call came through.
    """
    client_id: Annotated[str | None, Field(alias="clientId")] = None
    """
    Identifier of the client of the call.
    """


class CallList(BaseModel):
    """
    One page of calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    items: list[Call] | None = None
    """
    The calls.
    """
    next_sync_token: Annotated[str | None, Field(alias="nextSyncToken")] = None
    """
    Token to send as syncToken on the next list request.
    """


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
