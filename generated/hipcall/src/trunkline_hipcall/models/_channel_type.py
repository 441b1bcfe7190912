"""Models of the Hipcall API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations
from enum import IntEnum


class ChannelType(IntEnum):
    """
    Channel the call came through. Currently always 1 (a number, `channel_id` is the number's id); 2 (web widget) is announced for later.
    """

    NUMBER = 1
    WEB_WIDGET = 2
