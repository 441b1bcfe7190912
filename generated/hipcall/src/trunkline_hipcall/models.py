"""Models of the Hipcall API API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, ConfigDict, Field, RootModel
from enum import IntEnum


class Error(BaseModel):
    """
    Error body. FACTS.md says errors carry an `errors` member; its shape is not documented, so it and the rest of the object stay open.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: Any
    """
    Error details; shape not documented.
    """


class PaginationLinks(BaseModel):
    """
    Links to other pages of a list; absent pages are null.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    first: str
    """
    URL of the first page.
    """
    last: str | None
    prev: str | None
    next: str | None


class PaginationMetaLink(BaseModel):
    """
    One entry of the page navigation list in `meta.links`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    url: str | None = None
    label: str | None = None
    """
    Display label (page number or previous/next text).
    """
    active: bool | None = None
    """
    True for the current page.
    """


class PaginationMeta(BaseModel):
    """
    Paging details. `last_page`, `links` and `total` appear on some lists only (not on calls).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    current_page: int
    """
    Number of this page.
    """
    from_: Annotated[int, Field(alias="from")]
    """
    Position of the first item of this page.
    """
    last_page: int | None = None
    """
    Number of the last page.
    """
    links: list[PaginationMetaLink] | None = None
    """
    Page navigation entries.
    """
    path: str
    """
    URL of the list without paging query.
    """
    per_page: int | str
    """
    Page size. The calls example gives it as a string ("10"), the other examples as an integer.
    """
    to: int
    """
    Position of the last item of this page.
    """
    total: int | None = None
    """
    Total number of items.
    """


class CallDirection(IntEnum):
    """
    Direction of a call.
    """

    INBOUND = 1
    OUTBOUND = 2
    INTERNAL = 3


class ChannelType(IntEnum):
    """
    Channel the call came through. Currently always 1 (a number, `channel_id` is the number's id); 2 (web widget) is announced for later.
    """

    NUMBER = 1
    WEB_WIDGET = 2


class CallerType(IntEnum):
    """
    Kind of party that placed the call.
    """

    CONTACT = 1
    USER = 2


class CalleeType1(IntEnum):
    """
    Kind of party that received the call; null means the call was hung up.
    """

    CONTACT = 1
    USER = 2
    GREETING = 3
    TEAM = 4


class CalleeType(RootModel[CalleeType1 | None]):
    root: CalleeType1 | None


class MissingCallReason(IntEnum):
    """
    Why a call was missed. Values 1-4 are the vendor's table (in its order). Value 0 (NONE) is not in that table: it is seen in the examples only, on calls whose `missing_call` is false, and is added here so the examples validate (inferred).
    """

    OUT_OF_BUSINESS_HOURS = 1
    ABANDONED = 3
    SHORT_ABANDONED = 2
    CALLBACK = 4
    NONE = 0


class HangupBy(IntEnum):
    """
    Which side ended the call.
    """

    USER = 1
    CONTACT = 2
    SYSTEM = 3


class VoicemailType1(IntEnum):
    """
    Which voicemail took a message: a user's own (1) or the account's (2). The vendor's table has no null, but the examples show null on calls without voicemail.
    """

    USER = 1
    ACCOUNT = 2


class VoicemailType(RootModel[VoicemailType1 | None]):
    root: VoicemailType1 | None


class Call(BaseModel):
    """
    A call detail record. Timestamps look like `2023-03-31T08:41:58+0000`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `cdr`.
    """
    uuid: str | None = None
    """
    Call UUID.
    """
    direction: CallDirection | None = None
    user_id: int | None = None
    """
    User involved in the call.
    """
    contact_id: int | None = None
    """
    Contact involved in the call (0 in the examples).
    """
    channel_type: ChannelType | None = None
    channel_id: int | None = None
    """
    Id of the channel; for channel type 1, the number's id.
    """
    started_at: str | None = None
    """
    When the call started.
    """
    answered_at: str | None = None
    bridged_at: str | None = None
    ended_at: str | None = None
    """
    When the call ended.
    """
    call_duration: int | None = None
    """
    Length of the call in seconds.
    """
    first_touch_duration: int | None = None
    """
    Seconds until the first touch.
    """
    missing_call: bool | None = None
    """
    Whether the call was missed.
    """
    missing_call_reason: MissingCallReason | None = None
    caller_id: int | None = None
    """
    Id of the caller (a contact or user, see `caller_type`).
    """
    caller_type: CallerType | None = None
    caller_number: str | None = None
    """
    Number of the caller.
    """
    callee_id: int | None = None
    """
    Id of the callee (see `callee_type`).
    """
    callee_type: CalleeType | None = None
    callee_number: str | None = None
    """
    Number or extension that was called.
    """
    record_url: str | None = None
    hangup_by: HangupBy | None = None
    voicemail_type: VoicemailType | None = None
    voicemail_id: int | None = None
    voicemail_url: str | None = None


class CallFlowDetail(BaseModel):
    """
    Details of a call flow step; which members appear depends on the action (values below are those seen in the example).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int | None = None
    """
    Id of the party or object the step involves.
    """
    type: str | None = None
    """
    Kind of that party, e.g. `user`, `team`, `greeting`.
    """
    result: int | None = None
    """
    Result code of a failed bridge.
    """
    hangup_by: str | None = None
    """
    Who hung up, as text (e.g. `contact`); unlike the call's integer `hangup_by`.
    """


class CallFlowStep(BaseModel):
    """
    One step of a call's flow.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    action: str | None = None
    """
    Step kind; the example shows `init`, `route`, `bridge_attempt`, `bridge_fail`, `bridge`, `hangup`.
    """
    detail: CallFlowDetail | None = None
    timestamp: str | None = None
    """
    When the step happened.
    """


class CallDetailPart2(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    call_flow: list[CallFlowStep] | None = None
    """
    Steps of the call, newest first in the example.
    """


class CallListResponse(BaseModel):
    """
    A page of calls.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Call]
    links: PaginationLinks
    meta: PaginationMeta


class CommentCreateRequest(BaseModel):
    """
    New comment. Types follow the sample; the page states no required fields.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    commentable_type: str | None = None
    """
    Kind of record to comment on, e.g. `company`.
    """
    content: str | None = None
    """
    Comment text.
    """
    commentable_id: int | None = None
    """
    Id of the record to comment on.
    """


class Comment(BaseModel):
    """
    A comment. Field names from FACTS.md; their types are inferred (strings for text and timestamps, integer id like the API's other ids).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `comment`.
    """
    id: int | None = None
    """
    Comment id.
    """
    content: str | None = None
    """
    Comment text.
    """
    commentable_type: str | None = None
    """
    Kind of record the comment is on.
    """
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """


class CommentResponse(BaseModel):
    """
    One comment, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Comment


class TagsAddRequest(BaseModel):
    """
    Tags to attach, by name (FACTS.md).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tags: list[str]
    """
    Tag names.
    """


class Tag(BaseModel):
    """
    A tag. Field names from FACTS.md; their types are inferred (integer id like the API's other ids, strings otherwise).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `tag`.
    """
    id: int | None = None
    """
    Tag id.
    """
    name: str | None = None
    """
    Tag name.
    """
    tag_type: str | None = None
    """
    Kind of tag.
    """
    color: str | None = None
    """
    Display colour.
    """
    description: str | None = None
    """
    Tag description.
    """


class TagListResponse(BaseModel):
    """
    Tags of a record, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Tag]


class Extension(BaseModel):
    """
    An internal extension and what it routes to.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `extension`.
    """
    id: int | None = None
    """
    Extension id.
    """
    number: str | None = None
    """
    Extension number.
    """
    target_id: int | None = None
    """
    Id of the target.
    """
    target_type: str | None = None
    """
    Kind of target; the examples show `user`, `greeting`, `team`.
    """
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """


class ExtensionListResponse(BaseModel):
    """
    A page of extensions.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Extension]
    links: PaginationLinks
    meta: PaginationMeta


class ExtensionResponse(BaseModel):
    """
    One extension, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Extension


class Greeting(BaseModel):
    """
    A greeting (IVR menu).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `greeting`.
    """
    id: int | None = None
    """
    Greeting id.
    """
    name: str | None = None
    """
    Greeting name.
    """
    direct_dial_extension: bool | None = None
    """
    Whether callers may dial an extension directly.
    """
    timeout: int | None = None
    """
    Input timeout.
    """
    max_input_try_count: int | None = None
    """
    How many input attempts are allowed.
    """
    state: str | None = None
    """
    State, e.g. `active`.
    """


class GreetingListResponse(BaseModel):
    """
    A page of greetings.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Greeting]
    links: PaginationLinks
    meta: PaginationMeta


class GreetingResponse(BaseModel):
    """
    One greeting, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Greeting


class PhoneNumber(BaseModel):
    """
    A phone number of the account.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `number`.
    """
    id: int | None = None
    """
    Number id.
    """
    name: str | None = None
    """
    Display name.
    """
    number: str | None = None
    """
    The number in E.164 form.
    """


class PhoneNumberListResponse(BaseModel):
    """
    A page of phone numbers.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[PhoneNumber]
    links: PaginationLinks
    meta: PaginationMeta


class PhoneNumberResponse(BaseModel):
    """
    One phone number, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: PhoneNumber


class Task(BaseModel):
    """
    A task.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `task`.
    """
    id: int | None = None
    """
    Task id.
    """
    name: str | None = None
    """
    Task title.
    """
    description: str | None = None
    """
    Task text.
    """
    due_date: str | None = None
    done: bool | None = None
    """
    Whether the task is done.
    """
    done_at: str | None = None
    assign_to: int | None = None
    priority: str | None = None
    """
    Priority; the examples show `low`, `medium` and an empty string.
    """
    task_list_id: int | None = None
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """


class TaskListResponse(BaseModel):
    """
    A page of tasks.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Task]
    links: PaginationLinks
    meta: PaginationMeta


class TaskResponse(BaseModel):
    """
    One task, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Task


class TaskCreateRequest(BaseModel):
    """
    New task. Types follow the sample; the page states no required fields.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """
    Task title.
    """
    description: str | None = None
    """
    Task text.
    """
    due_date: str | None = None
    """
    Due time; the sample uses the form `20220612 12:12:12`.
    """
    assign_to: int | bool | None = None
    auto_assign_to_user: bool | None = None
    """
    When true and `assign_to` is null or false, assign the owner of the first linked company, contact or deal.
    """
    priority: str | None = None
    """
    Priority, e.g. `low`.
    """
    task_list: int | None = None
    """
    Id of the task list.
    """
    contact_ids: list[int] | None = None
    """
    Contacts to link.
    """
    company_ids: list[int] | None = None
    """
    Companies to link.
    """
    deal_ids: list[int] | None = None
    """
    Deals to link.
    """


class Team(BaseModel):
    """
    A team (call queue).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `team`.
    """
    id: int | None = None
    """
    Team id.
    """
    name: str | None = None
    """
    Team name.
    """
    user_case: str | None = None
    """
    Which users are in the team, e.g. `all`.
    """
    wrap_up_time: int | None = None
    """
    Pause between calls for an agent.
    """
    strategy: str | None = None
    """
    Call distribution strategy, e.g. `random`.
    """
    say_line_number: bool | None = None
    """
    Whether callers hear their place in line.
    """
    say_line_number_in_second: int | None = None
    """
    How often the place in line is announced.
    """
    callback: bool | None = None
    """
    Whether callers can ask to be called back.
    """
    callback_dtmf: int | None = None
    """
    Key that requests a callback.
    """
    callback_action: str | None = None
    """
    What happens on callback, e.g. `none`.
    """
    state: str | None = None
    """
    State, e.g. `active`.
    """


class TeamListResponse(BaseModel):
    """
    A page of teams.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Team]
    links: PaginationLinks
    meta: PaginationMeta


class TeamResponse(BaseModel):
    """
    One team, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: Team


class User(BaseModel):
    """
    A user. The single-user example omits `full_name` and `status`, which the list example includes.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    resource_type: str | None = None
    """
    Always `user`.
    """
    id: int | None = None
    """
    User id.
    """
    email: str | None = None
    """
    Email address.
    """
    name: str | None = None
    """
    Name.
    """
    full_name: str | None = None
    """
    Full name (list responses).
    """
    title: str | None = None
    """
    Job title; may be empty.
    """
    owner: bool | None = None
    """
    Whether the user owns the account.
    """
    locale: str | None = None
    """
    Locale, e.g. `en_GB`.
    """
    status: str | None = None
    """
    Status, e.g. `active` (list responses).
    """
    default_number_id: int | None = None
    default_extension_id: int | None = None
    field_2fa: Annotated[bool | None, Field(alias="2fa")] = None
    """
    Whether two-factor authentication is on.
    """
    last_logged_in: str | None = None
    created_at: str | None = None
    """
    Creation time.
    """
    updated_at: str | None = None
    """
    Last update time.
    """


class UserListResponse(BaseModel):
    """
    A page of users.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[User]
    links: PaginationLinks
    meta: PaginationMeta


class UserResponse(BaseModel):
    """
    One user, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: User


class UserUpdateRequest(BaseModel):
    """
    Changes to the user. Not documented: the vendor only says this sets the user's default number, and its sample sends no body.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class CallDetail(Call, CallDetailPart2):
    """
    A call detail record with its call flow.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )


class CallDetailResponse(BaseModel):
    """
    One call, wrapped in `data`.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: CallDetail
