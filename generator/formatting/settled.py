"""Decide, cheaply, whether black could change a generated file; if not, it is taken as it is.

The generator lays out what it writes as black does (templates written in black's style, model
modules in black layout, long lines laid out by `rendering.layout`), so most files are black's
output already, and running black over them is the costliest part of a cold run. What is not
fixed by the templates is what comes from the spec: names and literals, and so line widths,
strings, docstrings and numbers. `black_reason` looks for everything there that black rewrites
(and for the usual layout slips), and says why a file must go to black; None means black would
give back the same text. The checks over-approximate: a file that only looks as if black might
change it goes to black, which costs time, never bytes. tests/test_black_stable.py runs black over
the whole output of the corpus and the vendors to prove the files taken as they are unchanged.
"""

from __future__ import annotations

import keyword
import re
from bisect import bisect_left
from dataclasses import dataclass

LINE_LENGTH = 100

# Where a string or a comment starts; the end of each string is found by its own pattern.
_START = re.compile(r"""#|(?<![\w])([A-Za-z]{1,2})?("{3}|'{3}|"|')""")
_END = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
    "'''": re.compile(r"(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"', re.DOTALL),
    "'": re.compile(r"(?:[^'\\\n]|\\.)*'", re.DOTALL),
}
_PREFIXES = frozenset({"", "r", "b", "f", "rb", "br", "fr", "rf"})  # the spellings black leaves as they are
_UNPRINTABLE = re.compile(r"[^\n\x20-\x7e]")  # then each is looked at: non-ASCII text is printable mostly
_LONG = re.compile(rf"^[^\n]{{{LINE_LENGTH + 1},}}$", re.MULTILINE)
_ESCAPE_CASE = re.compile(r"\\(?:x[0-9a-fA-F]{0,1}[A-F]|u[0-9a-fA-F]{0,3}[A-F]|U[0-9a-fA-F]{0,7}[A-F]|N\{)")
# A line black cannot shorten: one name (`A as A` in an import) or one string, or a dict item of a
# string and a string or name, as an item of a split bracket.
_STR = r'"(?:[^"\\\n]|\\.)*"'
_ATOM_ITEM = re.compile(rf" +(?:[A-Za-z_][\w.]*(?: as [A-Za-z_]\w*)?|(?:[A-Za-z_]\w*=)?{_STR}|{_STR}: (?:{_STR}|[A-Za-z_]\w*)),")
# Code (strings and comments blanked) that black writes otherwise, whatever the line's length;
# one pattern each, as one alternation of them all is several times slower.
_CODE = {
    "space inside brackets": re.compile(r"[(\[{] +[^ \n]| +[)\]}]"),  # the second: unless it indents, below
    "spaces around a comma": re.compile(r",[^ \n)\]}]| ,"),
    "a trailing comma on one line": re.compile(r",[)\]}]"),
    # written so that each starts with a literal: ten times faster than `[^ \n]  +...` on 13 MB
    "spaces between tokens": re.compile(r"  (?<=[^ \n]  ) *[^ \n#]|   (?<=[^ \n]   )|#(?<=[^ \n]#)|#(?<=[^ \n] #)"),
    "strings with nothing between them": re.compile('""""|\x01""'),  # black puts a space there
    "spaces around an arrow": re.compile(r"->(?<=[^ ]->)|->(?=[^ ])"),
    "a union without spaces around |": re.compile(r"\|(?<=[^ \n]\|)|\|(?=[^ \n=])"),
    "no space after a colon": re.compile(r":(?<=[\w\")\]]:)(?=[\w\"(\[{])"),
    "spaces around a keyword argument's =": re.compile(r"[(,] ?\w+ = "),
    "a space on one side of =": re.compile(r"=(?<= =)[^ =\n]|= (?<=\w= )(?!=)"),
    "a space before a colon": re.compile(r" :(?<=[\w)\]\"] :)"),
    "a space around a dot": re.compile(r"\. (?<=[\w)\]]\. )| \.(?<=[\w)\]] \.)(?=\w)(?<!from \.)"),
    "a space before a parenthesis after a bracket": re.compile(r" [(\[](?<=[)\]] [(\[])"),
    "a keyword right before a bracket": re.compile(
        r"[(\[](?:(?<=\b(?:in|if|or)[(\[])|(?<=\b(?:not|and|for|del)[(\[])|(?<=\belif[(\[])|(?<=\bwhile[(\[])"
        r"|(?<=\b(?:import|return|assert)[(\[]))"
    ),
    "a space before a call's parenthesis": re.compile(r" \((?<=\w \()"),  # but after a keyword, below
    "a semicolon": re.compile(";"),
    "a backslash continuation": re.compile(r"\\\n"),
    "an empty bracket split": re.compile(r"[(\[{]\n *[)\]}]"),
    "redundant parentheses": re.compile(r" \([^(),\[\]{}\n]+\)(?=:?\n| #)"),  # after `=` or a keyword, below
    "empty class parentheses": re.compile(r"^ *class \w+\(\):", re.MULTILINE),
    "a spaced power operator": re.compile(r"\*\* "),
    # black writes numbers as `1`, `1.5`, `1e-05`: not `1e+16`, `1.`, `1E5`, `0x1f`, `1j`
    "a number black writes otherwise": re.compile(r"\d(?<![\w.]\d)(?!\d*(?:\.\d+)?(?:e-?\d+)?(?![\w.+]))|\.\d(?<![\w)\]]\.\d)"),
    "too many blank lines": re.compile(r"\n\n\n\n|\n\n\n +\S"),
}
_BARE_ASSIGNMENT = re.compile(r" *[\w.]+(?:\[[^\]\n]*\])?(?:: [^=\n(\[{]*[^=\n(\[{ ])?(?:=[^=]| =[^= ]|=$)")
# What a line inside brackets may start with when the line before ends in no comma or bracket:
# the next operand of a binary operator, or a comprehension's clause.
_CARRIES_ON = re.compile(r"(?:[-+*/%@|&^]|==|!=|<|>|and |or |not |in |is |if |else |for |async for )")
_NESTED = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]|\{[^{}\n]*\}")  # an innermost bracket group
_KEYWORDS = frozenset(keyword.kwlist)
_REDUNDANT_AFTER = re.compile(r"(?:=|\b(?:return|in|if|elif|while|for|del|assert|not|await))\Z")
_BRACKET = re.compile(r"[()\[\]{},]")
_OPENER_AT_END = re.compile(r"[(\[{]\n")
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass
class _Scan:
    """A file cut into code and strings: the code with each string as `""` (its line breaks kept)."""

    code: str
    strings: list[tuple[int, int, str, str]]  # start, end, prefix, quote


def black_reason(text: str) -> str | None:
    """Why black could change `text` (a short reason, with a line number where there is one), or
    None if it would give it back unchanged."""
    if not text:
        return None
    if not text.endswith("\n") or text.endswith("\n\n") or text.startswith("\n"):
        return "blank lines or no line break at the end or the start of the file"
    reason = _characters(text) or _trailing_space(text)
    if reason is not None:
        return reason
    scan = _scan(text)
    if isinstance(scan, str):
        return scan
    return (
        _long_lines(text, scan) or _strings(text, scan) or _code(scan.code)
        or _split_brackets(text, scan.code) or _blank_lines(scan.code)
    )


def _characters(text: str) -> str | None:
    """Tabs, carriage returns, form feeds and other unprintables: black expands, drops or splits at them."""
    for match in _UNPRINTABLE.finditer(text):
        if not match.group().isprintable():
            return f"unprintable character {match.group()!r} on line {_line(text, match.start())}"
    return None


def _trailing_space(text: str) -> str | None:
    position = text.find(" \n")
    return None if position < 0 else f"trailing space on line {_line(text, position)}"


def _scan(text: str) -> _Scan | str:
    """The strings of `text` and its code with comments as `#` and strings as `""`, or why not."""
    pieces: list[str] = []
    strings: list[tuple[int, int, str, str]] = []
    position = 0
    while (start := _START.search(text, position)) is not None:
        if start.group() == "#":
            end = text.find("\n", start.start())
            comment = text[start.start():end]
            if not (comment == "#" or comment.startswith(("# ", "#!", "#:"))):
                return f"comment without a space after # on line {_line(text, start.start())}"
            pieces.append(text[position:start.start()] + "#")
            position = end
            continue
        prefix, quote = start.group(1) or "", start.group(2)
        body = _END[quote].match(text, start.end())
        if body is None:
            return f"unterminated string on line {_line(text, start.start())}"
        strings.append((start.start(), body.end(), prefix, quote))
        # its lines stay lines, not blank ones
        pieces.append(text[position:start.start()] + '""' + "\n\x01" * text.count("\n", start.start(), body.end()))
        position = body.end()
    pieces.append(text[position:])
    return _Scan("".join(pieces), strings)


def _too_wide(line: str) -> bool:
    """Whether black measures `line` (all printable) wider than its limit. An ASCII character is one
    column and none is more than two, so black's measure (and the import of black) is needed only
    between those bounds."""
    wide = sum(1 for c in line if not c.isascii())
    if len(line) - wide > LINE_LENGTH:
        return True
    if len(line) + wide <= LINE_LENGTH:
        return False
    from black.strings import str_width  # black itself is imported only where it is needed

    return str_width(line) > LINE_LENGTH


def _long_lines(text: str, scan: _Scan) -> str | None:
    """A line of code wider than black's limit (lines inside a string do not count, and neither
    does an item black cannot split)."""
    starts = [s[0] for s in scan.strings]
    if text.isascii():
        long = [(m.start(), m.end()) for m in _LONG.finditer(text)]
    else:
        long, offset = [], 0
        for line in text.split("\n"):
            if len(line) > LINE_LENGTH // 2 and _too_wide(line):
                long.append((offset, offset + len(line)))
            offset += len(line) + 1
    for begin, end in long:
        index = bisect_left(starts, begin)
        if index > 0:
            start, stop, prefix, quote = scan.strings[index - 1]
            if start + len(prefix) + len(quote) <= begin and end <= stop - len(quote):
                continue  # inside a string, closing quotes on a later line
        if index < len(starts):
            start, stop, prefix, quote = scan.strings[index]
            if start < end and not text[begin:start].strip(" ") and (end < stop or text[stop:end] in ("", ",")):
                continue  # a string statement or item starts the line and goes on past it (or ends it)
        if _ATOM_ITEM.fullmatch(text, begin, end) and text[begin - 2:begin - 1] in ("(", "[", "{", ","):
            continue
        return f"line {_line(text, begin)} is longer than {LINE_LENGTH} columns"
    return None


def _strings(text: str, scan: _Scan) -> str | None:
    """Strings black writes otherwise: prefix, quotes, escapes, and docstrings' whitespace."""
    for start, stop, prefix, quote in scan.strings:
        body = text[start + len(prefix) + len(quote):stop - len(quote)]
        reason = _string_reason(text, start, prefix, quote, body)
        if reason is not None:
            return f"{reason} (string on line {_line(text, start)})"
    return None


def _string_reason(text: str, start: int, prefix: str, quote: str, body: str) -> str | None:
    if prefix not in _PREFIXES:
        return f"prefix {prefix}"
    if quote[0] == "'":
        if len(quote) == 3 or body.count('"') <= body.count("\\'"):
            return "single quotes black would make double"
        if '\\"' in body:
            return "an escaped double quote in single quotes"
    elif "\\'" in body:
        return "an escaped single quote in double quotes"
    elif len(quote) == 1 and body.count('\\"') > body.count("'"):
        return "double quotes black would make single (fewer escapes)"
    if "r" not in prefix and _ESCAPE_CASE.search(body):
        return "an escape black writes in other case"
    line_start = text.rfind("\n", 0, start) + 1
    indent = text[line_start:start]
    multiline = "\n" in body
    if indent.strip(" "):  # not a statement of its own
        return "a string over several lines inside a statement" if multiline else None
    return _docstring_reason(body, indent)  # black reads a first string statement as a docstring, whatever its quotes


def _docstring_reason(body: str, indent: str) -> str | None:
    """What black's docstring handling would change in a triple-quoted string statement."""
    if not body.strip():
        return None if body == " " else "an empty docstring"  # `""" """` is how black writes one
    lines = body.split("\n")
    if not _ends_as_black(lines):
        return "docstring whitespace or quotes at its ends"
    if len(lines) == 1:
        return None
    if not any(line.strip() for line in lines[1:]) and lines[0]:
        return "a docstring black puts on one line"
    if not lines[-1].strip() and lines[-1] != indent:
        return "closing quotes not at the docstring's indentation"
    margins = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()]
    if margins and min(margins) != len(indent):
        return "docstring lines indented otherwise than the docstring"
    return None


def _ends_as_black(lines: list[str]) -> bool:
    """Whether a docstring's text starts and ends as black leaves it: no whitespace around it but
    the one space black puts between a quote (or an odd run of backslashes) and the docstring's
    own quotes."""
    first, last = lines[0], lines[-1]
    if first.startswith('"') or first.startswith(" ") and not first.startswith(' "'):
        return False
    if len(lines) > 1 and not last.strip():
        return True  # the closing quotes on a line of their own
    core = last.rstrip(" ")
    padded = core.endswith('"') or (len(core) - len(core.rstrip("\\"))) % 2 == 1
    return last == core + " " * padded


def _code(code: str) -> str | None:
    """Whitespace, commas, brackets, numbers and blank lines black writes otherwise."""
    for reason, pattern in _CODE.items():
        for match in pattern.finditer(code):
            if reason == "a trailing comma on one line" and _is_one_tuple(code, match.start()):
                continue
            if reason == "space inside brackets" and code[match.start() - 1:match.start()] in ("\n", ""):
                continue  # the indentation of a closing bracket
            if reason == "a space before a call's parenthesis" and _word_before(code, match.start()) in _KEYWORDS:
                continue
            if reason == "redundant parentheses" and not _REDUNDANT_AFTER.search(code, max(0, match.start() - 8), match.start()):
                continue
            return f"{reason} on line {_line(code, match.start())}"
    return None


def _word_before(code: str, end: int) -> str:
    """The name or keyword that ends at `end`."""
    start = end
    while start > 0 and (code[start - 1].isalnum() or code[start - 1] == "_"):
        start -= 1
    return code[start:end]


def _is_one_tuple(code: str, comma: int) -> bool:
    """Whether the `,)` at `comma` closes a one-item tuple (its opening parenthesis on the same
    line, after no name or bracket, and no other comma at its level), whose comma black keeps on
    one line; the item may hold brackets of its own, nested to any depth."""
    if code[comma + 1:comma + 2] != ")":
        return False
    line_start = code.rfind("\n", 0, comma) + 1
    depth = 0
    for index in range(comma - 1, line_start - 1, -1):
        char = code[index]
        if char in ")]}":
            depth += 1
        elif char in "([{" and depth:
            depth -= 1
        elif char in "([{":
            before = code[index - 1:index]
            return char == "(" and not (before.isalnum() or before in ("_", ")", "]")) and index + 1 < comma
        elif char == "," and not depth:
            return False
    return False


def _split_brackets(text: str, code: str) -> str | None:
    """A bracket split over lines that black would join: no magic trailing comma (or only a
    one-item tuple's or subscript's) and the joined line fits."""
    lines: list[str] | None = None
    breaks: list[int] = []
    for opener in _OPENER_AT_END.finditer(code):
        found = _closing(code, opener.start())
        if found is None:
            return f"unbalanced brackets on line {_line(code, opener.start())}"
        close, items, trailing_comma = found
        kind = code[opener.start()]
        before = code[opener.start() - 1:opener.start()]
        call_or_subscript = bool(before) and (before.isalnum() or before in "_)]")
        one_item = items == 1 and (kind == "(" and not call_or_subscript or kind == "[" and call_or_subscript)
        if trailing_comma and not one_item:
            continue
        inside = code[opener.end():close]
        if items > 1 and "\n" in inside.strip():
            return f"items one a line without a magic trailing comma on line {_line(code, opener.start())}"
        breaks = breaks or [m.start() for m in re.finditer("\n", code)]
        first, last = bisect_left(breaks, opener.start()) + 1, bisect_left(breaks, close) + 1
        if "#" in inside or "\x01" in inside:
            return f"a split bracket with a comment or a long string inside on line {first}"
        lines = lines if lines is not None else text.split("\n")
        joined = " ".join(line.strip() for line in lines[first:last - 1] if line.strip())
        if len(lines[first - 1]) + len(joined) + len(lines[last - 1].strip()) <= LINE_LENGTH:
            return f"a split bracket black would join on line {first}"
    return None


def _closing(code: str, opening: int) -> tuple[int, int, bool] | None:
    """The offset of the bracket closing the one at `opening`, how many items it holds, and
    whether the last has a trailing comma; None if it is not closed as opened."""
    stack = [code[opening]]
    commas, last_comma = 0, opening
    for match in _BRACKET.finditer(code, opening + 1):
        char = match.group()
        if char == ",":
            if len(stack) == 1:
                commas, last_comma = commas + 1, match.start()
        elif char in "([{":
            stack.append(char)
        elif stack.pop() != _PAIRS[char]:
            return None
        elif not stack:
            after_last = bool(code[last_comma + 1:match.start()].strip())
            return match.start(), commas + after_last, commas > 0 and not after_last
    return None


@dataclass
class _Statement:
    """A line that starts a statement (or is a comment line), as the blank-line rules see it."""

    indent: int
    kind: str  # "def" (def, class, decorator), "import", "string", "comment", "opener" (ends with `:`), "other"
    decorator: bool = False
    klass: bool = False  # a `class` line
    class_docstring: bool = False  # the first statement of a class body, a string


def _blank_lines(code: str) -> str | None:
    """Blank lines black adds or removes between statements: around defs and classes, after
    imports and docstrings, before docstrings, after decorators."""
    depth, blanks = 0, 0
    previous: _Statement | None = None
    owners: dict[int, _Statement] = {}  # by indentation: the last statement there
    openers: list[int] = []  # the indentation of each line that left a bracket open
    last = ""  # the line of code before
    for number, line in enumerate(code.split("\n"), start=1):
        starts = depth == 0 and not line.startswith("\x01")
        change = 0
        if "(" in line or ")" in line or "[" in line or "]" in line or "{" in line or "}" in line:
            change = _closing_depth(line)
            depth += change
        if not line.strip():
            if depth:
                return f"a blank line inside brackets on line {number}"
            blanks += 1
            continue
        if change and _bad_split(line, change):
            return f"a bracket split black would write otherwise on line {number}"
        if not _inside_ok(line, depth - change, change, openers, last):
            return f"a line inside split brackets black would write otherwise on line {number}"
        last = line
        if not starts:
            blanks = 0
            continue
        if _BARE_ASSIGNMENT.match(line):
            return f"an assignment without spaces around = on line {number}"
        statement = _statement(line)
        if statement.kind in ("def", "opener") and not statement.decorator and not line.endswith((":", "(", "[", "{", ",")):
            return f"a compound statement on one line at line {number}"
        if statement.kind == "string" and previous is not None and previous.klass and previous.indent < statement.indent:
            statement.class_docstring = True
        reason = _blank_reason(statement, previous, owners.get(statement.indent), blanks)
        if reason is not None:
            return f"{reason} before line {number}"
        for indent in [i for i in owners if i > statement.indent]:
            del owners[indent]
        owners[statement.indent] = previous = statement
        blanks = 0
    return None


def _inside_ok(line: str, before: int, change: int, openers: list[int], last: str) -> bool:
    """Whether a line is indented as black indents inside split brackets (four more than the
    line that opened them, the closing bracket as much), ending in a comma holds one item, and
    goes on from `last` (the line of code before it) as black would; keeps `openers` up to date."""
    indent = len(line) - len(line.lstrip(" "))
    string = line.startswith("\x01")  # goes on from a string: its indentation is the string's
    if before > 0 and not string:
        if not openers:
            return False
        closing = line.lstrip(" ").startswith((")", "]", "}"))
        if indent != openers[-1] + (0 if closing else 4):
            return False
        if line.endswith(",") and ", " in line and ", " in _NESTED.sub("", _NESTED.sub("", line[:-1])):
            return False
        if not closing and not last.endswith((",", "(", "[", "{")) and not _CARRIES_ON.match(line.lstrip(" ")):
            return False  # the line before goes on here: black joins what starts no operand of an operator
    if change > 0:
        if string or before > 0 and ", " in _NESTED.sub("", _NESTED.sub("", line[:-1])):
            return False
        openers.append(indent)
    elif change < 0:
        del openers[change:]
    return True


def _bad_split(line: str, change: int) -> bool:
    """Whether a line that leaves brackets open (or closes earlier ones) is not as black splits:
    one bracket left open, as the line's last character; one closed, as its first."""
    if change > 0:
        return change > 1 or not line.endswith(("(", "[", "{"))
    return change < -1 or not line.lstrip(" \x01").startswith((")", "]", "}"))


def _statement(line: str) -> _Statement:
    content = line.lstrip(" ")
    indent = len(line) - len(content)
    if content.startswith(("def ", "async def ", "class ", "@")):
        return _Statement(indent, "def", content.startswith("@"), content.startswith("class "))
    if content.startswith(("import ", "from ")):
        return _Statement(indent, "import")
    if content.split(" ", 1)[0].rstrip(":") in _COMPOUND:
        return _Statement(indent, "opener")
    if content.startswith('""'):
        return _Statement(indent, "string")
    if content.startswith("#"):
        return _Statement(indent, "comment")
    return _Statement(indent, "opener" if content.endswith(":") else "other")


def _blank_reason(current: _Statement, previous: _Statement | None, owner: _Statement | None, blanks: int) -> str | None:
    """What is wrong with `blanks` blank lines between `previous` and `current` (None: nothing);
    `owner` is the last statement at `current`'s indentation before it."""
    if previous is None:
        return None
    around_def = 2 if current.indent == 0 else 1
    if current.indent % 4 or previous.indent < current.indent != previous.indent + 4:
        return "indentation other than four spaces a level"
    if previous.decorator:
        return "a blank line after a decorator" if blanks else None
    if previous.indent < current.indent:  # the first statement of a block
        if current.kind == "string" and blanks:
            return "a blank line before a docstring"
        return "blank lines starting a block" if blanks > 1 else None
    if current.kind == "def" or previous.indent > current.indent and owner is not None and owner.kind == "def":
        return None if blanks == around_def else f"not {around_def} blank lines around a def or class"
    if previous.class_docstring and previous.indent == current.indent and blanks != 1:
        return "not one blank line after a class docstring"
    if previous.kind == "import" and current.kind != "import" and (not blanks or previous.indent == current.indent and blanks != 1):
        return "not one blank line after imports"
    if previous.kind == "string" and current.indent == 0 and owner is previous and blanks != 1:
        return "not one blank line after the module docstring"
    return None


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1



# Where a file may be cut so that black, given each piece alone, lays it out as in the whole file.
SCAFFOLD = "class _:\n    _: int\n"  # a class body statement is formatted after this, at its depth
_FOLLOWS = ("else", "elif", "except", "finally")  # lines that carry on the statement before them
_COMPOUND = frozenset({"if", "elif", "else", "for", "while", "with", "try", "except", "finally", "async"})


def statements(text: str) -> list[tuple[int, str]] | None:
    """`text` cut into its top-level statements, each with the number of blank lines before it,
    that black formats one by one as it does the whole file; None if it cannot be cut so: blank
    lines between statements that black would change, a statement after the first that starts
    with a string (alone, black would read it as a module docstring), `fmt:` comments, brackets
    that do not balance."""
    if "fmt:" in text or not text.endswith("\n"):
        return None
    scan = _scan(text)
    if isinstance(scan, str) or _blank_lines(scan.code) is not None:
        return None
    cut = _cut(text.split("\n")[:-1], scan.code.split("\n")[:-1], 0)
    if cut is None or any(statement.startswith(('"', "'")) for _, statement in cut[1:]):
        return None
    return cut


def class_body(statement: str) -> tuple[str, list[tuple[int, str]]] | None:
    """A top-level class cut into its head (the `class` line and the docstring) and the
    statements of its body, each with the blank lines before it, to be formatted one by one
    after `SCAFFOLD`; None if it is no class or cannot be cut so."""
    scan = _scan(statement)
    if not statement.startswith("class ") or isinstance(scan, str):
        return None
    lines, code = statement.split("\n")[:-1], scan.code.split("\n")[:-1]
    if not code[0].endswith(":") or _closing_depth(code[0]) != 0 or len(lines) < 2:
        return None
    head = 1
    if code[1].startswith('    ""'):  # the docstring stays with the class line
        head = 2 + next((i for i, line in enumerate(code[2:]) if not line.startswith("\x01")), len(code) - 2)
    cut = _cut(lines[head:], code[head:], 4)
    if cut is None:
        return None
    return "\n".join(lines[:head]) + "\n", cut


def _closing_depth(line: str) -> int:
    return line.count("(") + line.count("[") + line.count("{") - line.count(")") - line.count("]") - line.count("}")


def _cut(lines: list[str], code: list[str], indent: int) -> list[tuple[int, str]] | None:
    """`lines` as (blank lines before, statement text) for each statement at `indent`, or None
    if the first line starts none or brackets do not balance."""
    starts = _starts(code, indent)
    if not starts or any(line.strip() for line in lines[:starts[0]]):
        return None
    result: list[tuple[int, str]] = []
    end = 0
    for start, stop in zip(starts, [*starts[1:], len(lines)]):
        blank = start - end
        end = stop
        while end > start and not lines[end - 1]:
            end -= 1  # the blank lines before the next statement are counted with it
        result.append((blank, "\n".join(lines[start:end]) + "\n"))
    return result


def _starts(code: list[str], indent: int) -> list[int] | None:
    """The rows where a statement at `indent` starts (comment and decorator lines before it
    included); None if a line is indented less or the brackets do not balance."""
    starts: list[int] = []
    depth, attached = 0, False
    for row, line in enumerate(code):
        content = line.lstrip(" ")
        here = depth == 0 and content and not line.startswith("\x01")
        if "(" in line or ")" in line or "[" in line or "]" in line or "{" in line or "}" in line:
            depth += _closing_depth(line)
            if depth < 0:
                return None
        if not here:
            continue
        if len(line) - len(content) < indent:
            return None
        if len(line) - len(content) > indent:
            continue
        if content.startswith((")", "]", "}")) or content.split(" ", 1)[0].rstrip(":") in _FOLLOWS:
            attached = False
            continue
        if not attached:
            starts.append(row)
        attached = content.startswith(("@", "#"))
    return starts if depth == 0 else None
