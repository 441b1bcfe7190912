"""Models of the Monica API, generated from its OpenAPI spec; do not edit.

Each model is imported on first use, so that importing the package stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._account import Account as Account
    from ._call import Call as Call
    from ._call_input import CallInput as CallInput
    from ._call_list import CallList as CallList
    from ._call_response import CallResponse as CallResponse
    from ._call_update import CallUpdate as CallUpdate
    from ._contact import Contact as Contact
    from ._contact_date import ContactDate as ContactDate
    from ._contact_information import ContactInformation as ContactInformation
    from ._deleted import Deleted as Deleted
    from ._error import Error as Error
    from ._error_detail import ErrorDetail as ErrorDetail
    from ._page_links import PageLinks as PageLinks
    from ._page_meta import PageMeta as PageMeta

_HOMES: dict[str, str] = {
    "Account": "_account",
    "Call": "_call",
    "CallInput": "_call_input",
    "CallList": "_call_list",
    "CallResponse": "_call_response",
    "CallUpdate": "_call_update",
    "Contact": "_contact",
    "ContactDate": "_contact_date",
    "ContactInformation": "_contact_information",
    "Deleted": "_deleted",
    "Error": "_error",
    "ErrorDetail": "_error_detail",
    "PageLinks": "_page_links",
    "PageMeta": "_page_meta",
}

__all__ = [
    "Account",
    "Call",
    "CallInput",
    "CallList",
    "CallResponse",
    "CallUpdate",
    "Contact",
    "ContactDate",
    "ContactInformation",
    "Deleted",
    "Error",
    "ErrorDetail",
    "PageLinks",
    "PageMeta",
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
