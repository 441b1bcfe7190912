"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit.

Each model is imported on first use, so that importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._call import Call as Call
    from ._call_detail import CallDetail as CallDetail
    from ._call_detail_part2 import CallDetailPart2 as CallDetailPart2
    from ._call_detail_response import CallDetailResponse as CallDetailResponse
    from ._call_direction import CallDirection as CallDirection
    from ._call_flow_detail import CallFlowDetail as CallFlowDetail
    from ._call_flow_step import CallFlowStep as CallFlowStep
    from ._call_list_response import CallListResponse as CallListResponse
    from ._callee_type import CalleeType as CalleeType
    from ._caller_type import CallerType as CallerType
    from ._channel_type import ChannelType as ChannelType
    from ._comment import Comment as Comment
    from ._comment_create_request import CommentCreateRequest as CommentCreateRequest
    from ._comment_response import CommentResponse as CommentResponse
    from ._error import Error as Error
    from ._extension import Extension as Extension
    from ._extension_list_response import ExtensionListResponse as ExtensionListResponse
    from ._extension_response import ExtensionResponse as ExtensionResponse
    from ._greeting import Greeting as Greeting
    from ._greeting_list_response import GreetingListResponse as GreetingListResponse
    from ._greeting_response import GreetingResponse as GreetingResponse
    from ._hangup_by import HangupBy as HangupBy
    from ._missing_call_reason import MissingCallReason as MissingCallReason
    from ._pagination_links import PaginationLinks as PaginationLinks
    from ._pagination_meta import PaginationMeta as PaginationMeta
    from ._pagination_meta_link import PaginationMetaLink as PaginationMetaLink
    from ._phone_number import PhoneNumber as PhoneNumber
    from ._phone_number_list_response import PhoneNumberListResponse as PhoneNumberListResponse
    from ._phone_number_response import PhoneNumberResponse as PhoneNumberResponse
    from ._tag import Tag as Tag
    from ._tag_list_response import TagListResponse as TagListResponse
    from ._tags_add_request import TagsAddRequest as TagsAddRequest
    from ._task import Task as Task
    from ._task_create_request import TaskCreateRequest as TaskCreateRequest
    from ._task_list_response import TaskListResponse as TaskListResponse
    from ._task_response import TaskResponse as TaskResponse
    from ._team import Team as Team
    from ._team_list_response import TeamListResponse as TeamListResponse
    from ._team_response import TeamResponse as TeamResponse
    from ._user import User as User
    from ._user_list_response import UserListResponse as UserListResponse
    from ._user_response import UserResponse as UserResponse
    from ._user_update_request import UserUpdateRequest as UserUpdateRequest
    from ._voicemail_type import VoicemailType as VoicemailType

_HOMES: dict[str, str] = {
    "Call": "_call",
    "CallDetail": "_call_detail",
    "CallDetailPart2": "_call_detail_part2",
    "CallDetailResponse": "_call_detail_response",
    "CallDirection": "_call_direction",
    "CallFlowDetail": "_call_flow_detail",
    "CallFlowStep": "_call_flow_step",
    "CallListResponse": "_call_list_response",
    "CalleeType": "_callee_type",
    "CallerType": "_caller_type",
    "ChannelType": "_channel_type",
    "Comment": "_comment",
    "CommentCreateRequest": "_comment_create_request",
    "CommentResponse": "_comment_response",
    "Error": "_error",
    "Extension": "_extension",
    "ExtensionListResponse": "_extension_list_response",
    "ExtensionResponse": "_extension_response",
    "Greeting": "_greeting",
    "GreetingListResponse": "_greeting_list_response",
    "GreetingResponse": "_greeting_response",
    "HangupBy": "_hangup_by",
    "MissingCallReason": "_missing_call_reason",
    "PaginationLinks": "_pagination_links",
    "PaginationMeta": "_pagination_meta",
    "PaginationMetaLink": "_pagination_meta_link",
    "PhoneNumber": "_phone_number",
    "PhoneNumberListResponse": "_phone_number_list_response",
    "PhoneNumberResponse": "_phone_number_response",
    "Tag": "_tag",
    "TagListResponse": "_tag_list_response",
    "TagsAddRequest": "_tags_add_request",
    "Task": "_task",
    "TaskCreateRequest": "_task_create_request",
    "TaskListResponse": "_task_list_response",
    "TaskResponse": "_task_response",
    "Team": "_team",
    "TeamListResponse": "_team_list_response",
    "TeamResponse": "_team_response",
    "User": "_user",
    "UserListResponse": "_user_list_response",
    "UserResponse": "_user_response",
    "UserUpdateRequest": "_user_update_request",
    "VoicemailType": "_voicemail_type",
}

__all__ = [
    "Call",
    "CallDetail",
    "CallDetailPart2",
    "CallDetailResponse",
    "CallDirection",
    "CallFlowDetail",
    "CallFlowStep",
    "CallListResponse",
    "CalleeType",
    "CallerType",
    "ChannelType",
    "Comment",
    "CommentCreateRequest",
    "CommentResponse",
    "Error",
    "Extension",
    "ExtensionListResponse",
    "ExtensionResponse",
    "Greeting",
    "GreetingListResponse",
    "GreetingResponse",
    "HangupBy",
    "MissingCallReason",
    "PaginationLinks",
    "PaginationMeta",
    "PaginationMetaLink",
    "PhoneNumber",
    "PhoneNumberListResponse",
    "PhoneNumberResponse",
    "Tag",
    "TagListResponse",
    "TagsAddRequest",
    "Task",
    "TaskCreateRequest",
    "TaskListResponse",
    "TaskResponse",
    "Team",
    "TeamListResponse",
    "TeamResponse",
    "User",
    "UserListResponse",
    "UserResponse",
    "UserUpdateRequest",
    "VoicemailType",
]

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """Import the module that defines `name` on first access, then keep the class."""
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The loaded names and every model that can be loaded."""
    return sorted(set(globals()) | set(_HOMES))
