"""Lay out the long lines of a rendered file as black will, so black's pass over it is the last.

black.format_str formats a file a second time whenever its first pass changed anything, and on
big specs that doubles the slowest stage. Templates mark the lines that may run past the limit
(`{% filter fit("param") %}`, `generator.rendering.layout`). `layout` keeps the marked lines that
fit, lays out the common shapes itself, by black's rules (a statement ending in a call, a
parameter annotated with a union, and through `split` an annotated assignment or a union member
still too long), and gives black the rest, each line in a scaffold with the
same context as in the file, in one small run. Black still formats the whole file afterwards;
this only spares it work. tests/test_layout.py holds both paths to black's own output.
"""

from __future__ import annotations

import io
import re
import tokenize

from generator.cache import ContentCache, digest
from generator.formatting.fmt import MODE_KEY, format_source
from generator.formatting.settled import LINE_LENGTH
from generator.formatting.split import lay_out
from generator.rendering.layout import MARKED

_CHUNK = re.compile(r"^# fit (\d+)\n", re.MULTILINE)
_ATOM = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_]\w*),?')  # a string or name: black cannot split it
_PARAM = re.compile(r"(?P<indent> *)(?P<name>\w+): (?P<annotation>[^=]+?)(?P<default> = \w+)?,")
# The bracket around an item line in its scaffold, by kind.
_BRACKETS = {"call": ("_ = _(", ")"), "list": ("_ = [", "]"), "dict": ("_ = {", "}")}


def layout_files(files: dict[str, str]) -> dict[str, str]:
    """The rendered files with their marked lines laid out; the formatting stage's first step."""
    return {path: layout(text) for path, text in files.items()}


def layout(text: str) -> str:
    """`text` with every marked line replaced by black's lines for it (one black run per file)."""
    found = list(MARKED.finditer(text))
    if not found:
        return text
    by_hand = {m.start(): m.group(2) if len(m.group(2)) <= LINE_LENGTH else _by_hand(m.group(1), m.group(2)) for m in found}
    replaced = {start: lines for start, lines in by_hand.items() if lines is not None}
    replaced.update(_by_black([m for m in found if by_hand[m.start()] is None]))
    pieces, last = [], 0
    for match in found:
        pieces.append(text[last:match.start()])
        pieces.append(replaced[match.start()])
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _by_black(marked: list[re.Match[str]]) -> dict[int, str]:
    """Black's lines for the marked lines, by their offset, from one run over their scaffolds."""
    if not marked:
        return {}
    scaffold = "".join(_scaffold(i, m.group(1), m.group(2)) for i, m in enumerate(marked))
    cache = ContentCache("black")
    key = digest(MODE_KEY, scaffold)
    formatted = cache.get(key)
    if formatted is None:
        formatted = format_source("<long lines>", scaffold)
        cache.put(key, formatted)
    lines = _extract(formatted, [m.group(1) for m in marked])
    return {m.start(): text for m, text in zip(marked, lines)}


def _by_hand(kind: str, line: str) -> str | None:
    """Black's lines for a line of a shape modelled here, else None."""
    if kind == "stmt":
        indent = len(line) - len(line.lstrip(" "))
        lines = _lay_call(" " * indent, line[indent:])
        return lay_out(line[indent:], indent // 4) if lines is None else "\n".join(lines)
    if kind == "param":
        return _param_lines(line)
    return None


def _param_lines(line: str) -> str | None:
    """Black's layout of a long parameter whose annotation is a union: in parentheses, one
    line if it then fits, else one member a line (split as black splits it if still too long)."""
    match = _PARAM.fullmatch(line)
    if match is None:
        return None
    indent, annotation = match["indent"], match["annotation"]
    members = _top_level(annotation, "|")
    if members is None or len(members) < 2:
        return None  # no union: black splits inside the brackets instead
    inner = indent + "    "
    body: list[str] = []
    if len(inner) + len(annotation) <= LINE_LENGTH:
        body.append(inner + annotation)
    else:  # one member a line, each split further (inside the parentheses) if it is still too long
        for text in [members[0]] + [f"| {member}" for member in members[1:]]:
            lines = lay_out(text, len(inner) // 4, inside=True)
            if lines is None:
                return None
            body.append(lines)
    return "\n".join([f"{indent}{match['name']}: ("] + body + [f"{indent}){match['default'] or ''},"])


def _top_level(code: str, separator: str) -> list[str] | None:
    """`code` split at `separator` outside brackets, or None if it does not tokenize."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    depth, cuts = 0, [0]
    for token in tokens:
        if token.string in "([{":
            depth += 1
        elif token.string in ")]}":
            depth -= 1
        elif token.string == separator and depth == 0:
            cuts += [token.start[1], token.end[1]]
    cuts.append(len(code))
    return [code[start:stop].strip() for start, stop in zip(cuts[::2], cuts[1::2])]


def _lay_call(indent: str, code: str) -> list[str] | None:
    """Black's right-hand split: the arguments on one line if they fit, else one per line."""
    if len(indent) + len(code) <= LINE_LENGTH:
        return [indent + code]
    parts = _split_call(code)
    if parts is None:  # an atom stays as it is, however long; anything else is not modelled
        return [indent + code] if _ATOM.fullmatch(code) else None
    head, args, tail = parts
    inner = indent + "    "
    body = ", ".join(args)
    if len(indent) + len(head) > LINE_LENGTH:
        return None
    if len(inner) + len(body) <= LINE_LENGTH:
        return [indent + head, inner + body, indent + ")" + tail]
    if len(args) < 2:
        return None  # black would split inside the one argument, which this does not model
    lines = [indent + head]
    for arg in args:
        split = _lay_call(inner, arg + ",")
        if split is None:
            return None
        lines += split
    return lines + [indent + ")" + tail]


def _split_call(code: str) -> tuple[str, list[str], str] | None:
    """`head(`, the arguments and what follows `)` (nothing or a comma) of code ending in a call."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    tail = ""
    if tokens and tokens[-1].string == ",":
        tail, tokens = ",", tokens[:-1]
    if not tokens or tokens[-1].string != ")":
        return None
    depth, opening = 0, -1
    for index in range(len(tokens) - 1, -1, -1):
        text = tokens[index].string
        if text in ")]}":
            depth += 1
        elif text in "([{":
            depth -= 1
            if depth == 0:
                opening = index
                break
    if opening < 1 or tokens[opening].string != "(":
        return None
    head_end = tokens[opening].end[1]
    args = _top_level(code[head_end : tokens[-1].start[1]], ",")
    if args is None or not all(args):
        return None  # a trailing comma already: black keeps it exploded
    return code[:head_end], args, tail


def _tokens(code: str) -> list[tokenize.TokenInfo] | None:
    """The tokens of one line of code, or None if it does not tokenize."""
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.string.strip()]
    except (tokenize.TokenError, SyntaxError):
        return None


def _scaffold(number: int, kind: str, line: str) -> str:
    """Code that puts `line` at its indentation in the syntax around it in the file."""
    indent = len(line) - len(line.lstrip(" "))
    holder = indent if kind in ("returns", "def") else indent - 4  # where the statement holding it starts
    scaffold = [f"# fit {number}"] + [" " * level + "if _:" for level in range(0, holder, 4)]
    pad = " " * holder
    if kind == "returns":  # the closing line of a signature: `) -> annotation:`
        scaffold += [f"{pad}def _(", f"{pad}    *,", f"{pad}    _: int,", line, f"{pad}    pass"]
    elif kind == "def":  # a whole signature on one line, `def name(...) -> annotation:`
        scaffold += [line, f"{pad}    pass"]
    elif kind == "stmt":
        scaffold += [f"{pad}def _():", line]
    elif kind == "param":
        scaffold += [f"{pad}def _(", f"{pad}    *,", line, f"{pad}) -> None:", f"{pad}    pass"]
    else:
        opening, closing = _BRACKETS[kind]
        scaffold += [pad + opening, line, pad + closing]
    return "\n".join(scaffold) + "\n"


def _extract(formatted: str, kinds: list[str]) -> list[str]:
    """Black's lines for each scaffolded line, in order."""
    parts = _CHUNK.split(formatted)
    chunks = {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}
    result = []
    for number, kind in enumerate(kinds):
        lines = chunks[number].rstrip("\n").split("\n")
        lines = [line for line in lines if line.strip()]
        if kind == "returns":
            start = next(i for i, line in enumerate(lines) if line.strip() == "_: int,") + 1
            end = len(lines) - 1
        elif kind == "param":
            start = next(i for i, line in enumerate(lines) if line.strip() == "*,") + 1
            end = max(i for i, line in enumerate(lines) if line.strip().startswith(") -> None:"))
        elif kind == "def":
            start, end = next(i for i, line in enumerate(lines) if line.strip() != "if _:"), len(lines) - 1
        else:
            start, end = _bracket_bounds(lines) if kind in _BRACKETS else (_def_end(lines), len(lines))
        result.append("\n".join(lines[start:end]))
    return result


def _def_end(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() == "def _():") + 1


def _bracket_bounds(lines: list[str]) -> tuple[int, int]:
    start = next(i for i, line in enumerate(lines) if line.strip() in {"_ = _(", "_ = [", "_ = {"}) + 1
    return start, len(lines) - 1
