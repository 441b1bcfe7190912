"""Whether two path templates can match one request path, decided exactly, segment by segment.

A segment template is literal text with `{name}` variables in it (`{id}`, `v{version}`, `{base}...{head}`).
Each variable matches one or more characters other than `/` (as Trunkline's mock reads it), so a request
path matches a template only with the same number of segments.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from generator.lint.equivalent_paths import template_shape

_SPLIT = re.compile(r"(\{[^{}/]*\})")  # the templates stay in the split, at the odd indexes
_ANY, _MORE = 0, 1  # a variable is one character of any kind (_ANY), then any number more (_MORE)
_FILLER = "x"  # the character tried first for a variable's text, so examples read `/a/x`

Token = str | int  # one literal character, or _ANY or _MORE


class Order(Enum):
    """How two segment templates relate on the texts they match."""

    DISJOINT = "no text matches both"
    SAME = "the same literal, or the same template up to variable names"
    FIRST = "the first is literal text the second's template matches: the first is more specific"
    SECOND = "the second is literal text the first's template matches: the second is more specific"
    CLASH = "two different templates that match a common text: neither is more specific"


@dataclass(frozen=True)
class Overlap:
    """Two path templates that one request path matches, and no literal segment says which one it meant."""

    example: str  # a request path both templates match
    clash: tuple[str, str] | None  # the first pair of different templates that overlap; None: literal against template only


def overlap(first: str, second: str) -> Overlap | None:
    """The overlap of two path templates that specificity does not settle, or None.

    Settled: no request matches both, or one template has a literal wherever the other has one, and
    the same template (up to names) wherever the other has a template; routers try literals first.
    Equal templates up to names are `no-identical-paths`'. Two different templates in one segment
    settle nothing: OpenAPI only puts concrete paths before templated ones and routers differ.
    """
    first_segments, second_segments = _segments(first), _segments(second)
    if len(first_segments) != len(second_segments):
        return None
    orders: set[Order] = set()
    for a, b in zip(first_segments, second_segments):
        if a == b:
            continue  # Order.SAME; the common case, kept off the cache
        order = compare_segments(a, b)[0]
        if order is Order.DISJOINT:
            return None
        orders.add(order)
    if Order.CLASH not in orders and not (Order.FIRST in orders and Order.SECOND in orders):
        return None
    pairs = list(zip(first_segments, second_segments))
    clash = next(((a, b) for a, b in pairs if compare_segments(a, b)[0] is Order.CLASH), None)
    return Overlap("/".join(compare_segments(a, b)[1] for a, b in pairs), clash)


@lru_cache(maxsize=4096)
def _segments(path: str) -> tuple[str, ...]:
    """A path template's segments (the empty one before its leading `/` included)."""
    return tuple(path.split("/"))


@lru_cache(maxsize=65536)
def compare_segments(a: str, b: str) -> tuple[Order, str]:
    """How segment templates `a` and `b` relate, and the shortest text both match ('' when none does)."""
    a_shape, b_shape = template_shape(a), template_shape(b)
    if a_shape == b_shape:
        return Order.SAME, a_shape.replace("{}", _FILLER)
    if a_shape == a and b_shape == b:
        return Order.DISJOINT, ""  # two different literals
    if a_shape == a:
        return (Order.FIRST, a) if _pattern(b).fullmatch(a) else (Order.DISJOINT, "")
    if b_shape == b:
        return (Order.SECOND, b) if _pattern(a).fullmatch(b) else (Order.DISJOINT, "")
    text = common_text(a, b)
    return (Order.DISJOINT, "") if text is None else (Order.CLASH, text)


@lru_cache(maxsize=4096)
def _pattern(segment: str) -> re.Pattern[str]:
    """A segment template as a regular expression: a variable is one or more characters other than `/`."""
    return re.compile("".join("[^/]+" if index % 2 else re.escape(part) for index, part in enumerate(_SPLIT.split(segment))))


def common_text(a: str, b: str) -> str | None:
    """The shortest text that both segment templates match, or None: a walk of their product automaton.

    A state is a position in each template's tokens; a character moves both at once. Trying each
    literal character of either template and one filler is exact: a variable takes any character,
    so a character that is literal in neither template behaves like the filler.
    """
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    alphabet = [_FILLER] + sorted({t for t in tokens_a + tokens_b if isinstance(t, str)} - {_FILLER})
    end = (len(tokens_a), len(tokens_b))
    start = [(i, j) for i in _skip(tokens_a, 0) for j in _skip(tokens_b, 0)]
    reached = dict.fromkeys(start, "")
    queue = deque(start)
    while queue:
        state = queue.popleft()
        text = reached[state]
        if state == end:
            return text
        for char in alphabet:
            for i in _step(tokens_a, state[0], char):
                for j in _step(tokens_b, state[1], char):
                    if (i, j) not in reached:
                        reached[(i, j)] = text + char
                        queue.append((i, j))
    return None


def _tokens(segment: str) -> tuple[Token, ...]:
    """A segment template as tokens: its literal characters, and _ANY, _MORE for each variable."""
    tokens: list[Token] = []
    for index, part in enumerate(_SPLIT.split(segment)):
        tokens.extend((_ANY, _MORE) if index % 2 else part)
    return tuple(tokens)


def _step(tokens: tuple[Token, ...], position: int, char: str) -> list[int]:
    """The positions reached from `position` by reading `char` (each past any optional _MORE after it)."""
    if position == len(tokens):
        return []
    token = tokens[position]
    if token == _MORE:
        return _skip(tokens, position)
    if token == _ANY or token == char:
        return _skip(tokens, position + 1)
    return []


def _skip(tokens: tuple[Token, ...], position: int) -> list[int]:
    """`position` and the ones after it reached without reading: a _MORE may match nothing."""
    reached = [position]
    while position < len(tokens) and tokens[position] == _MORE:
        position += 1
        reached.append(position)
    return reached
