"""Black's line splitting, for the statement shapes the models have, so black need not run on them.

A model line past the limit is a class head (`class Name(RootModel[A | B]):`), a field (`name:
Annotated[A | None, Field(alias="x")] = None`) or an assignment (`NAME = "text"`). `lay_out` splits
one such statement as black 26's stable style does: its right-hand split (with the optional
parentheses black puts around an annotation and an assigned value, and its choice whether to
keep them), its delimiter split at commas and `|`, and the trailing comma it adds. It returns
None for anything outside that subset (comments, other operators, non-ASCII text, displays such
as `[...]`, lines black would second-guess with a forced split), and the caller gives those to
black. tests/test_split.py holds it to black's own output on every such line of the corpus.
"""

from __future__ import annotations

import io
import keyword
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.formatting.settled import LINE_LENGTH

_COMMA, _BAR = 18, 9  # black's delimiter priorities for `,` and `|`
_OPENING = {"(": ")", "[": "]"}
_CLOSING = {")": "(", "]": "["}
_OPERATORS = {"(", ")", "[", "]", ",", "|", "=", ":", ".", "-"}
_KEYWORDS = {"None", "True", "False", "class", "await"}  # none is a delimiter to black


class _Unsupported(Exception):
    """The statement has a shape this module does not model; black lays it out."""


class _CannotSplit(Exception):
    """This split does not apply (black's CannotSplit / CannotTransform)."""


@dataclass(eq=False)
class _Leaf:
    """One token: `kind` is the bracket or operator itself, or "name", "number", "string"."""

    kind: str
    value: str
    prefix: str
    opening: _Leaf | None = None  # a closing bracket's partner
    atom: bool = False  # a bracket pair of an atom (black's optional parentheses) rather than a call, subscript or class

    def __str__(self) -> str:
        return self.prefix + self.value


@dataclass(eq=False)
class _Line:
    """Leaves at an indentation level, as black's Line: `inside` a bracket split's body or not."""

    depth: int
    leaves: list[_Leaf]
    inside: bool = False
    delimiters: dict[int, int] = field(default_factory=dict)  # id(leaf) -> priority of a split after it

    def __post_init__(self) -> None:
        if self.inside:
            self.delimiters = _delimiters(self.leaves)

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first, *rest = self.leaves
        return "    " * self.depth + first.value + "".join(str(leaf) for leaf in rest)

    def fits(self, length: int = LINE_LENGTH) -> bool:
        """Whether the line with its indentation is at most `length` long (black's is_line_short_enough)."""
        return len(str(self)) <= length


def lay_out(statement: str, depth: int = 0, inside: bool = False) -> str | None:
    """The statement (one line of code, no indentation) split as black splits it at `depth`
    levels of indentation, with the indentation; None if its shape is not modelled here. With
    `inside`, the code is a line inside brackets instead (an item of a split bracket: black
    splits it at its delimiters first)."""
    if not statement.isascii() or "\n" in statement or "#" in statement:
        return None
    try:
        if inside:
            leaves = _tokens(statement)
            _pair(leaves)
        else:
            leaves = _parse(statement)
        lines = _transform(_Line(depth, leaves, inside=inside))
    except (_Unsupported, _CannotSplit):
        return None
    return "\n".join(lines)


def _parse(statement: str) -> list[_Leaf]:
    """The statement's leaves, black's optional parentheses added around an annotation and an assigned value."""
    leaves = _tokens(statement)
    _pair(leaves)
    kinds = [leaf.kind for leaf in leaves]
    if kinds[:3] == ["name", "name", "("] and leaves[0].value == "class":
        if kinds[-2:] != [")", ":"] or leaves[-2].opening is not leaves[2]:
            raise _Unsupported("a class head is `class Name(bases):`")
        return leaves
    if kinds[0] != "name" or len(leaves) < 3 or kinds[1] not in (":", "="):
        raise _Unsupported("a field, an annotated field or an assignment")
    top = [index for index, depth in enumerate(_depths(leaves)) if depth == 0]  # leaves outside every bracket
    if any(leaves[index].kind == "," for index in top):
        raise _Unsupported("a tuple")  # so an optional parenthesis never holds a comma: no display-style explode
    equals = [index for index in top if leaves[index].kind == "="]
    if len(equals) > 1 or (kinds[1] == "=" and equals != [1]):
        raise _Unsupported("one assignment")
    parts: list[tuple[int, int]] = []  # the wrapped spans, [start, stop)
    if kinds[1] == ":":
        parts.append((2, equals[0] if equals else len(leaves)))
    if equals:
        parts.append((equals[0] + 1, len(leaves)))
    for start, stop in reversed(parts):
        if start >= stop:
            raise _Unsupported("nothing after `:` or `=`")
        _wrap(leaves, start, stop)
    return leaves


def _tokens(statement: str) -> list[_Leaf]:
    """The leaves of one line of code, each with the space before it in the source."""
    leaves: list[_Leaf] = []
    try:
        found = [t for t in tokenize.generate_tokens(io.StringIO(statement).readline) if t.string.strip()]
    except (tokenize.TokenError, SyntaxError):
        raise _Unsupported("does not tokenize") from None
    end = 0
    for token in found:
        if token.start[0] != 1:
            raise _Unsupported("one physical line")
        prefix = statement[end : token.start[1]]
        end = token.end[1]
        if token.type == tokenize.NAME:
            if keyword.iskeyword(token.string) and token.string not in _KEYWORDS:
                raise _Unsupported("keywords other than these")
            kind = "name"
        elif token.type == tokenize.NUMBER:
            kind = "number"
        elif token.type == tokenize.STRING:
            kind = "string"
            if leaves and leaves[-1].kind == "string":
                raise _Unsupported("implicitly joined strings")
        elif token.type == tokenize.OP and token.string in _OPERATORS:
            kind = token.string
        else:
            raise _Unsupported(f"token {token.string!r}")
        leaves.append(_Leaf(kind, token.string, prefix))
    for index, leaf in enumerate(leaves):
        previous = leaves[index - 1] if index else None
        if leaf.kind == "." and (previous is None or previous.kind != "name"):
            raise _Unsupported("attribute access on anything but a name")
        if leaf.kind == "-" and previous is not None and previous.kind in ("name", "number", "string", ")", "]"):
            raise _Unsupported("binary minus")
        if leaf.kind == "," and index + 1 < len(leaves) and leaves[index + 1].kind in _CLOSING:
            raise _Unsupported("a trailing comma already (black's magic trailing comma)")
        if leaf.kind in _OPENING and index + 1 < len(leaves) and leaves[index + 1].kind == _OPENING[leaf.kind]:
            raise _Unsupported("empty brackets")
    return leaves


def _pair(leaves: list[_Leaf]) -> None:
    """Link each closing bracket to its opening one; mark displays (a bracket not after a name or bracket)."""
    stack: list[_Leaf] = []
    for index, leaf in enumerate(leaves):
        if leaf.kind in _OPENING:
            previous = leaves[index - 1] if index else None
            if previous is None or previous.kind not in ("name", ")", "]"):
                raise _Unsupported("a display or a parenthesized expression")
            if leaf.kind == "(" and (previous.kind != "name" or previous.value == "await"):
                raise _Unsupported("a call of a call's result, or an awaited parenthesized expression")
            stack.append(leaf)
        elif leaf.kind in _CLOSING:
            if not stack or stack[-1].kind != _CLOSING[leaf.kind]:
                raise _Unsupported("unbalanced brackets")
            leaf.opening = stack.pop()
        elif leaf.kind == ":" and stack:
            raise _Unsupported("a colon inside brackets")
        elif leaf.kind == "=" and stack and stack[-1].kind != "(":
            raise _Unsupported("`=` inside a subscript")
    if stack:
        raise _Unsupported("unbalanced brackets")


def _depths(leaves: list[_Leaf]) -> list[int]:
    """Each leaf's bracket depth; a bracket counts at the depth outside it."""
    depths, depth = [], 0
    for leaf in leaves:
        depth -= leaf.kind in _CLOSING
        depths.append(depth)
        depth += leaf.kind in _OPENING
    return depths


def _wrap(leaves: list[_Leaf], start: int, stop: int) -> None:
    """Put invisible parentheses around leaves[start:stop], taking over the first one's space."""
    opening = _Leaf("(", "", leaves[start].prefix, atom=True)
    closing = _Leaf(")", "", "", opening=opening, atom=True)
    leaves[start].prefix = ""
    leaves[stop:stop] = [closing]
    leaves[start:start] = [opening]


def _delimiters(leaves: list[_Leaf]) -> dict[int, int]:
    """Black's split points at bracket depth 0 of a line: after a comma, and before a `|`."""
    found: dict[int, int] = {}
    depth = 0
    previous: _Leaf | None = None
    for leaf in leaves:
        if leaf.kind in _CLOSING:
            if depth == 0:
                continue  # a bracket opened on an earlier line: black does not track it
            depth -= 1
        if depth == 0:
            if leaf.kind == "|" and previous is not None:
                found[id(previous)] = _BAR
            elif leaf.kind == ",":
                found[id(leaf)] = _COMMA
        if leaf.kind in _OPENING:
            depth += 1
        previous = leaf
    return found


def _transform(line: _Line) -> list[str]:
    """black's transform_line: the line if it fits, else the first split that applies, each
    resulting line transformed again; the line as it is when none applies."""
    text = str(line)
    if line.fits():
        return [text]
    splits = (_delimiter_split, _rhs) if line.inside else (_rhs,)
    for split in splits:
        try:
            result = split(line)
        except _CannotSplit:
            continue
        if any(str(part) == text for part in result):
            continue  # black: "Line transformer returned an unchanged result"
        lines = [text for part in result for text in _transform(part)]
        if split is _rhs and _second_opinion(line, lines):
            raise _Unsupported("black would try a split with every optional parenthesis kept")
        return lines
    return [text]


def _second_opinion(line: _Line, lines: list[str]) -> bool:
    """Whether black's run_transformer would rerun this right-hand split forcing optional
    parentheses: the line has some, all still invisible, and the first line made is too long."""
    pairs = [(leaf.opening, leaf) for leaf in line.leaves if leaf.opening is not None and leaf.atom]
    present = {id(leaf) for leaf in line.leaves}
    tracked = [pair for pair in pairs if id(pair[0]) in present]  # black tracks a pair only within one line
    return bool(tracked) and not any(closing.value for _, closing in tracked) and len(lines[0]) > LINE_LENGTH


def _delimiter_split(line: _Line) -> list[_Line]:
    """Black's delimiter_split: a line after each delimiter of the highest priority, a trailing comma added."""
    last = line.leaves[-1]
    priorities = [p for key, p in line.delimiters.items() if key != id(last)]
    if not priorities:
        raise _CannotSplit("no delimiters")
    top = max(priorities)
    lines: list[_Line] = []
    current: list[_Leaf] = []
    for leaf in line.leaves:
        current.append(leaf)
        if line.delimiters.get(id(leaf)) == top:
            lines.append(_fresh(line, current))
            current = []
    if current:
        if top == _COMMA and current[-1].kind != ",":
            current.append(_Leaf(",", ",", ""))
        lines.append(_fresh(line, current))
    return lines


def _fresh(line: _Line, leaves: list[_Leaf]) -> _Line:
    """A line of a delimiter split: same depth, its first leaf without its space (as black, in place)."""
    leaves[0].prefix = ""
    return _Line(line.depth, leaves, inside=True)


@dataclass
class _Split:
    """A right-hand split: the head up to an opening bracket, the body, the tail from its closing bracket."""

    head: _Line
    body: _Line
    tail: _Line
    opening: _Leaf
    closing: _Leaf


def _rhs(line: _Line) -> list[_Line]:
    """Black's right_hand_split_with_omits: the trailers at the end are glued on, one more each
    time, until the first line fits; failing that, the split at the last bracket."""
    first: list[_Line] | None = None
    offsets: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        offsets[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    for omit in _trailers_to_omit(line):
        if omit:
            target = next((leaf.opening for leaf in reversed(line.leaves) if leaf.kind in _CLOSING and id(leaf) not in omit), None)
            if target is not None and target.value and offsets.get(id(target), 0) > LINE_LENGTH:
                continue
        lines = list(_right_hand_split(line, omit))
        if first is None and not omit:
            first = lines
        if lines[0].fits():
            return lines
    return first if first is not None else list(_right_hand_split(line, frozenset()))


def _trailers_to_omit(line: _Line) -> Iterator[frozenset[int]]:
    """Black's generate_trailers_to_omit: growing sets of closing brackets at the line's end to glue on."""
    omit: set[int] = set()
    yield frozenset(omit)
    length = 4 * line.depth
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    inner: set[int] = set()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.kind in _CLOSING:
                inner.add(id(leaf))
        elif leaf.kind in _CLOSING:
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if leaf.value:
                opening, closing = leaf.opening, leaf


def _right_hand_split(line: _Line, omit: frozenset[int]) -> Iterator[_Line]:
    yield from _omitting_optional_parens(_first_split(line, omit), line, omit)


def _first_split(line: _Line, omit: frozenset[int]) -> _Split:
    """Black's _first_right_hand_split: head, body and tail at the last closing bracket not in `omit`."""
    tail: list[_Leaf] = []
    body: list[_Leaf] = []
    head: list[_Leaf] = []
    current = tail
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.kind in _CLOSING and id(leaf) not in omit:
            opening, closing = leaf.opening, leaf
            current = body
    if opening is None or closing is None or not head:
        raise _CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    if not body and len("".join(str(leaf) for leaf in tail).strip()) < 3:
        raise _CannotSplit("an empty body saves too little")
    return _Split(_Line(line.depth, head), _Line(line.depth + 1, body, inside=True), _Line(line.depth, tail), opening, closing)


def _omitting_optional_parens(split: _Split, line: _Line, omit: frozenset[int]) -> Iterator[_Line]:
    """Black's _maybe_split_omitting_optional_parens: for invisible parentheses, try the split
    without them, and keep it when black prefers it; else make them visible and split there."""
    if not split.opening.value and _can_omit_parens(split):  # only optional parentheses are invisible
        wider = omit | {id(split.closing)}
        try:
            other = _first_split(line, wider)
            if _prefer_without_parens(other, split):
                yield from _omitting_optional_parens(other, line, wider)
                return
        except _CannotSplit:
            if not (_can_be_split(split.body) or split.body.fits()):
                raise
    if not split.opening.value:  # black's ensure_visible
        split.opening.value, split.closing.value = "(", ")"
    for part in (split.head, split.body, split.tail):
        if part.leaves:
            yield part


def _can_be_split(line: _Line) -> bool:
    """Black's can_be_split, for lines without a string followed by a dot (refused at parse)."""
    return len(line.leaves) >= 2


def _can_omit_parens(split: _Split) -> bool:
    """Black's can_omit_invisible_parens, for the leaves modelled here."""
    body = split.body
    if not body.delimiters:
        return True
    top = max(body.delimiters.values())
    if sum(1 for p in body.delimiters.values() if p == top) > 1:
        return False
    first, second = body.leaves[0], body.leaves[1]
    if first.kind in _OPENING and second.kind not in _CLOSING and _can_omit_opening(body, first):
        return True
    last, penultimate = body.leaves[-1], body.leaves[-2]
    if last.kind == ")" or (last.kind == "]" and last.atom):
        if penultimate.kind in _OPENING:
            return False
        if _can_omit_closing(body, last):
            return True
    return False


def _can_omit_opening(line: _Line, first: _Leaf) -> bool:
    remainder = False
    length = 4 * line.depth
    index = -1
    for index, leaf in enumerate(line.leaves):
        if leaf.kind in _CLOSING and leaf.opening is first:
            remainder = True
        if remainder:
            length += len(leaf.prefix) + len(leaf.value)
            if length > LINE_LENGTH:
                return False
            if leaf.kind in _OPENING:
                remainder = False
    return len(line.leaves) == index + 1


def _can_omit_closing(line: _Line, last: _Leaf) -> bool:
    length = 4 * line.depth
    seen_other = False
    for leaf in line.leaves:
        length += len(leaf.prefix) + len(leaf.value)
        if leaf is last.opening:
            if seen_other or length <= LINE_LENGTH:
                return True
        elif leaf.kind in _OPENING:
            seen_other = True
    return False


def _prefer_without_parens(other: _Split, split: _Split) -> bool:
    """Black's _prefer_split_rhs_oop_over_rhs, for the leaves modelled here."""
    head = split.head.leaves
    if not (len(head) >= 2 and head[-2].kind == "="):
        return True
    if not any(leaf.kind in _OPENING or leaf.kind in _CLOSING for leaf in head[:-1]):
        return True
    if not split.head.fits(LINE_LENGTH - 1):
        return True
    closing_after_assign = False
    for leaf in reversed(other.head.leaves):
        if leaf.kind == "=":
            break
        if leaf.kind in _CLOSING:
            closing_after_assign = True
            break
    return closing_after_assign or (any(leaf.kind == "=" for leaf in other.head.leaves) and other.head.fits())
