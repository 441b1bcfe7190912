"""Models of the VoipNow UnifiedAPI – PhoneCalls API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel
from enum import StrEnum


class ErrorError(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    code: str
    """
    Machine-readable error code, for example `fields_invalid`, `count_invalid`, `filterby_invalid`, `filterop_invalid`, `filtervalue_invalid`, `sortorder_invalid` (not a closed list).
    """
    message: str
    """
    Human-readable explanation.
    """


class Link(BaseModel):
    """
    Hypermedia links of a resource.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    self: str | None = None
    """
    URL of the resource itself.
    """


class PhoneCallReference(BaseModel):
    """
    Short reference to a call, returned when a call is created or updated. The vendor samples name the link object `links` in some places and `link` in others, so both are accepted.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Phone call id.
    """
    extension: str
    """
    Extension number the call belongs to.
    """
    links: Link | None = None
    link: Link | None = None


class HungUpPhoneCall(BaseModel):
    """
    A call that was hung up.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    """
    Phone call id.
    """


class UpdatePhoneCallResponse(BaseModel):
    """
    Wrapper around the call that was updated.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    phone_call: Annotated[PhoneCallReference | None, Field(alias="PhoneCall")] = None


class PhoneCallView(BaseModel):
    """
    One leg of a phone call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Leg id (used as `phoneCallViewId` in update actions).
    """
    extension: str | None = None
    """
    Extension number of this leg.
    """
    answered: AwareDatetime | None = None
    """
    When this leg was answered.
    """
    status: str | None = None
    """
    Leg status code; the values are not documented.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number, as `Name <number>`.
    """
    source: list[str] | None = None
    """
    Calling numbers.
    """
    destination: list[str] | None = None
    """
    Called numbers.
    """
    links: Link | None = None


class SimplePhoneCallView(BaseModel):
    """
    One simple call to place.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: list[str] | None = None
    """
    Extension numbers or public numbers to ring first.
    """
    destination: list[str] | None = None
    """
    Extension number or public number to connect to.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source; defaults to the extension's caller id.
    """
    caller_id_destination: Annotated[str | None, Field(alias="callerIdDestination")] = None
    """
    Caller name and number shown to the destination.
    """
    nonce: str | None = None
    """
    Client-chosen unique string that identifies the call created by this request.
    """


class CallbackPhoneCallView(BaseModel):
    """
    One callback call to place.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: list[str] | None = None
    """
    Public number to ring first.
    """
    destination: list[str] | None = None
    """
    Public number to connect to.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source.
    """
    caller_id_destination: Annotated[str | None, Field(alias="callerIdDestination")] = None
    """
    Caller name and number shown to the destination.
    """
    nonce: str | None = None
    """
    Client-chosen unique string that identifies the call created by this request.
    """


class ConferenceInvitePhoneCallView(BaseModel):
    """
    One conference invitation to place.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: list[str] | None = None
    """
    Must be the Conference extension given in `extension`.
    """
    destination: list[str] | None = None
    """
    Extension number or public number to invite.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source; defaults to the Conference extension's caller id.
    """
    caller_id_destination: Annotated[str | None, Field(alias="callerIdDestination")] = None
    """
    Caller name and number shown to the destination.
    """
    nonce: str | None = None
    """
    Client-chosen unique string that identifies the call created by this request.
    """


class HangupPhoneCallRequest(BaseModel):
    """
    Optional body for hanging up.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    phone_number: Annotated[str | None, Field(alias="phoneNumber")] = None
    """
    Number of one party; when given, only that party and the extension are disconnected.
    """


class ParkActionAction(StrEnum):
    PARK = "Park"


class UnParkActionAction(StrEnum):
    UN_PARK = "UnPark"


class TransferActionAction(StrEnum):
    TRANSFER = "Transfer"


class TransferToVoicemailActionAction(StrEnum):
    TRANSFER_TO_VOICEMAIL = "TransferToVoicemail"


class StartRecordingActionAction(StrEnum):
    START_RECORDING = "StartRecording"


class StartRecordingActionFormat(StrEnum):
    """
    Audio format of the recording.
    """

    WAV = "wav"
    WAV49 = "wav49"


class StopRecordingActionAction(StrEnum):
    STOP_RECORDING = "StopRecording"


class Error(BaseModel):
    """
    Error envelope returned with 4xx/5xx statuses.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: ErrorError


class PhoneCall(BaseModel):
    """
    A call in progress, made of one or more legs (views).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Phone call id.
    """
    extension: str | None = None
    """
    Extension number the call belongs to.
    """
    owner_id: Annotated[str | None, Field(alias="ownerId")] = None
    """
    Id of the account owning the call.
    """
    owner_name: Annotated[str | None, Field(alias="ownerName")] = None
    """
    Name of the account owning the call.
    """
    answered: AwareDatetime | None = None
    """
    When the call was answered.
    """
    published: AwareDatetime | None = None
    """
    When the call was registered in the system.
    """
    phone_call_view: Annotated[list[PhoneCallView] | None, Field(alias="phoneCallView")] = None
    """
    The call's legs.
    """


class CreateSimplePhoneCallRequest(BaseModel):
    """
    Body for placing a simple call.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Phone Terminal extension owned by `userId` that places the call; defaults to the first source.
    """
    phone_call_view: Annotated[list[SimplePhoneCallView] | None, Field(alias="phoneCallView")] = (
        None
    )
    """
    Calls to place.
    """


class CreateCallbackPhoneCallRequest(BaseModel):
    """
    Body for placing a call through a Callback extension.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Callback extension owned by `userId` that places the call; defaults to the first source.
    """
    phone_call_view: Annotated[list[CallbackPhoneCallView] | None, Field(alias="phoneCallView")] = (
        None
    )
    """
    Calls to place.
    """


class CreateConferenceInvitePhoneCallRequest(BaseModel):
    """
    Body for inviting a number into a conference.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    extension: str | None = None
    """
    Conference extension owned by `userId`; defaults to the first source.
    """
    phone_call_view: Annotated[
        list[ConferenceInvitePhoneCallView] | None, Field(alias="phoneCallView")
    ] = None
    """
    Invitations to place.
    """


class ParkAction(BaseModel):
    """
    Put one leg of the call in the parking lot (from the UnifiedAPI 3.0 "Park PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: ParkActionAction
    max_in_parking: Annotated[float | None, Field(alias="maxInParking")] = None
    """
    How long the call may stay parked.
    """
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg to park.
    """


class UnParkAction(BaseModel):
    """
    Take a parked call out of the parking lot (from the UnifiedAPI 3.0 "UnPark PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: UnParkActionAction
    send_call_to: Annotated[str, Field(alias="sendCallTo")]
    """
    Extension that picks up the parked call.
    """
    caller_id: Annotated[str | None, Field(alias="callerId")] = None
    """
    Caller name and number shown to the source.
    """
    wait_for_pickup: Annotated[float | None, Field(alias="waitForPickup")] = 25
    """
    Seconds to wait for an answer before giving up.
    """
    phone_call_view_id: Annotated[str | None, Field(alias="phoneCallViewId")] = None
    """
    Leg to unpark.
    """


class TransferAction(BaseModel):
    """
    Transfer the call to another number (from the UnifiedAPI 3.0 "Transfer PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: TransferActionAction
    send_call_to: Annotated[str | None, Field(alias="sendCallTo")] = None
    """
    Number the call is transferred to.
    """
    transfer_from_number: Annotated[str | None, Field(alias="transferFromNumber")] = None
    """
    Number of the party that performs the transfer.
    """
    transfer_number: Annotated[str | None, Field(alias="transferNumber")] = None
    """
    Number of the party being transferred.
    """


class TransferToVoicemailAction(BaseModel):
    """
    Send the call to a voicemail box (from the UnifiedAPI 3.0 "TransferToVoicemail PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: TransferToVoicemailActionAction
    send_call_to: Annotated[str, Field(alias="sendCallTo")]
    """
    Extension whose voicemail receives the call.
    """
    transfer_from_number: Annotated[str | None, Field(alias="transferFromNumber")] = None
    """
    Number of the party that performs the transfer.
    """


class StartRecordingAction(BaseModel):
    """
    Start recording one leg (from the UnifiedAPI 3.0 "StartRecording PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: StartRecordingActionAction
    format: StartRecordingActionFormat | None = None
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg to record.
    """


class StopRecordingAction(BaseModel):
    """
    Stop recording one leg (from the UnifiedAPI 3.0 "StopRecording PhoneCalls" page).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: StopRecordingActionAction
    phone_call_view_id: Annotated[str, Field(alias="phoneCallViewId")]
    """
    Leg whose recording stops.
    """


class PhoneCallList(BaseModel):
    """
    A page of phone calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    entry: list[PhoneCall] | None = None
    """
    Calls on this page.
    """
    start_index: Annotated[int | None, Field(alias="startIndex")] = None
    """
    Index of the first call on this page.
    """
    total_results: Annotated[int | None, Field(alias="totalResults")] = None
    """
    Number of calls matching the request.
    """
    items_per_page: Annotated[int | None, Field(alias="itemsPerPage")] = None
    """
    Page size used.
    """
    filtered: bool | None = None
    """
    Whether a filter was applied.
    """
    sorted: bool | None = None
    """
    Whether a sort was applied.
    """
    paging: dict[str, Any] | None = None
    """
    Paging details; its contents are not documented (the sample shows an empty object).
    """


class PhoneCallAction(
    RootModel[
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
    ]
):
    root: (
        ParkAction
        | UnParkAction
        | TransferAction
        | TransferToVoicemailAction
        | StartRecordingAction
        | StopRecordingAction
    )
    """
    One update action, selected by `action`. The bodies come from the vendor's UnifiedAPI 3.0 pages of the same names.
    """
