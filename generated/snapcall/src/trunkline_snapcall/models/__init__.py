"""Models of the SnapCall REST API, generated from its OpenAPI spec; do not edit.

Each model is imported on first use, so that importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._agent_status_update import AgentStatusUpdate as AgentStatusUpdate
    from ._agent_update import AgentUpdate as AgentUpdate
    from ._alternatives import Alternatives as Alternatives
    from ._booking_page_create import BookingPageCreate as BookingPageCreate
    from ._booking_page_update import BookingPageUpdate as BookingPageUpdate
    from ._button_batch_create import ButtonBatchCreate as ButtonBatchCreate
    from ._button_batch_update import ButtonBatchUpdate as ButtonBatchUpdate
    from ._button_create import ButtonCreate as ButtonCreate
    from ._button_update import ButtonUpdate as ButtonUpdate
    from ._company_user_update import CompanyUserUpdate as CompanyUserUpdate
    from ._custom_fields_create import CustomFieldsCreate as CustomFieldsCreate
    from ._doc_date import DocDate as DocDate
    from ._filter_alternatives import FilterAlternatives as FilterAlternatives
    from ._invite_accept import InviteAccept as InviteAccept
    from ._invite_create import InviteCreate as InviteCreate
    from ._invite_update import InviteUpdate as InviteUpdate
    from ._partner_account_activation import PartnerAccountActivation as PartnerAccountActivation
    from ._partner_agent_button_request import (
        PartnerAgentButtonRequest as PartnerAgentButtonRequest,
    )
    from ._schedule_template_create import ScheduleTemplateCreate as ScheduleTemplateCreate
    from ._schedule_template_update import ScheduleTemplateUpdate as ScheduleTemplateUpdate
    from ._stream_invite import StreamInvite as StreamInvite
    from ._team_create import TeamCreate as TeamCreate
    from ._team_update import TeamUpdate as TeamUpdate
    from ._team_user_add import TeamUserAdd as TeamUserAdd
    from ._undocumented_response import UndocumentedResponse as UndocumentedResponse
    from ._user_button_request import UserButtonRequest as UserButtonRequest

_HOMES: dict[str, str] = {
    "AgentStatusUpdate": "_agent_status_update",
    "AgentUpdate": "_agent_update",
    "Alternatives": "_alternatives",
    "BookingPageCreate": "_booking_page_create",
    "BookingPageUpdate": "_booking_page_update",
    "ButtonBatchCreate": "_button_batch_create",
    "ButtonBatchUpdate": "_button_batch_update",
    "ButtonCreate": "_button_create",
    "ButtonUpdate": "_button_update",
    "CompanyUserUpdate": "_company_user_update",
    "CustomFieldsCreate": "_custom_fields_create",
    "DocDate": "_doc_date",
    "FilterAlternatives": "_filter_alternatives",
    "InviteAccept": "_invite_accept",
    "InviteCreate": "_invite_create",
    "InviteUpdate": "_invite_update",
    "PartnerAccountActivation": "_partner_account_activation",
    "PartnerAgentButtonRequest": "_partner_agent_button_request",
    "ScheduleTemplateCreate": "_schedule_template_create",
    "ScheduleTemplateUpdate": "_schedule_template_update",
    "StreamInvite": "_stream_invite",
    "TeamCreate": "_team_create",
    "TeamUpdate": "_team_update",
    "TeamUserAdd": "_team_user_add",
    "UndocumentedResponse": "_undocumented_response",
    "UserButtonRequest": "_user_button_request",
}

__all__ = [
    "AgentStatusUpdate",
    "AgentUpdate",
    "Alternatives",
    "BookingPageCreate",
    "BookingPageUpdate",
    "ButtonBatchCreate",
    "ButtonBatchUpdate",
    "ButtonCreate",
    "ButtonUpdate",
    "CompanyUserUpdate",
    "CustomFieldsCreate",
    "DocDate",
    "FilterAlternatives",
    "InviteAccept",
    "InviteCreate",
    "InviteUpdate",
    "PartnerAccountActivation",
    "PartnerAgentButtonRequest",
    "ScheduleTemplateCreate",
    "ScheduleTemplateUpdate",
    "StreamInvite",
    "TeamCreate",
    "TeamUpdate",
    "TeamUserAdd",
    "UndocumentedResponse",
    "UserButtonRequest",
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
