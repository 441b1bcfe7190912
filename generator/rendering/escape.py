"""Escape spec text for each place generated files put it: Python literal, docstring, Markdown, TOML.

Spec text is data. Whatever it holds (quotes, backslashes, newlines followed by code, control
or bidirectional characters, template syntax), each escaper returns text that reads back as
exactly that data in its context and can never end the context it sits in.
"""

from __future__ import annotations

import math
import re
from typing import Any


def _escape_unprintable(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_literal(value: Any) -> str:
    """A Python literal that evaluates to `value` (JSON-like data, tuples included)."""
    if isinstance(value, float) and not math.isfinite(value):
        return f'float("{value}")'
    if isinstance(value, str):
        text = repr(value)  # repr escapes quotes, backslashes and every unprintable character
        if text[0] == "'" and '"' not in value:  # then no quote is escaped: black's double quotes
            return f'"{text[1:-1]}"'
        return text
    if isinstance(value, (int, bool)) or value is None:
        return repr(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal for {type(value).__name__}")


def docstring(text: Any, indent: int = 0) -> str:
    """Text that reads back unchanged inside a triple-quoted (non-raw) docstring.

    Backslashes and quotes are escaped, every unprintable character except the newline
    (tabs, `\\r`, `\\x00`, `\\u2028`, bidirectional controls) becomes an escape sequence, and
    continuation lines get `indent` spaces. What `__doc__` holds is the text with each line's
    surrounding whitespace belonging to the docstring's indentation (see `docstring_lines`).
    """
    value = str(text).replace("\r\n", "\n").replace("\\", "\\\\")
    value = "".join(c if c == "\n" or c.isprintable() else _escape_unprintable(c) for c in value)
    if value.endswith('"'):  # the closing quotes would otherwise join it
        value = value[:-1] + '\\"'
    value = value.replace('"""', '\\"\\"\\"')
    lines = value.split("\n")
    lines = [line.rstrip(" ") for line in lines[:-1]] + lines[-1:]  # black drops spaces ending a line
    pad = " " * indent
    return "\n".join([lines[0]] + [(pad + line) if line.strip() else "" for line in lines[1:]])


def docstring_line(text: Any) -> str:
    """`docstring` for a docstring all on the line of its quotes, as black writes it there.

    Black strips the whitespace around that line and pads a quote that would touch the opening
    or closing quotes with a space. Text over several lines is left to `docstring`: black lays
    its other lines out by rules of their own.
    """
    value = docstring_first(text)
    return value + " " if value.endswith('"') and "\n" not in value else value


def docstring_first(text: Any) -> str:
    """`docstring` for the first line of a docstring whose closing quotes are on a later line,
    as black writes it: whitespace around it stripped, a quote right after the opening quotes
    padded with a space."""
    value = docstring(text)
    if "\n" in value:
        return value
    value = value.strip(" ")  # `docstring` escapes every other whitespace character
    return " " + value if value.startswith('"') else value


def docstring_lines(text: Any) -> list[str]:
    """The lines of `text` as a generated docstring shows them, each stripped of surrounding whitespace."""
    return [line.strip() for line in str(text).replace("\r\n", "\n").split("\n")]


def one_line(value: Any) -> str:
    """Text as one line, whitespace runs (any Unicode space or line break) collapsed to a space."""
    return " ".join(str(value).split()) if value else ""


# ASCII punctuation that starts no Markdown construct in the middle of a line (CommonMark and GFM);
# every other ASCII punctuation character is escaped: an allow-list, so `$` (math), `^`, `{` are too.
_MARKDOWN_INERT = frozenset(" .,:;!?'\"()/-+=%@")
_MARKDOWN_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}  # entities, so no `<` ever reaches the file
# what makes a line a list item, a setext underline or a thematic break (`*`, `_`, `#` are always escaped)
_BLOCK_START = re.compile(r"[-+=]|\d{1,9}[.)](?= |$)")


def _printable(text: Any) -> str:
    """`text` with each whitespace character (line breaks included) a space, each other unprintable one U+FFFD."""
    return "".join(c if c.isprintable() else " " if c.isspace() else "\ufffd" for c in str(text))


def plain_line(value: Any) -> str:
    """Text as one printable line: whitespace runs collapsed to a space, other unprintables U+FFFD."""
    return " ".join(_printable(value).split())


def _markdown_char(char: str) -> str:
    if char in _MARKDOWN_ENTITIES:
        return _MARKDOWN_ENTITIES[char]
    if char.isascii() and not char.isalnum() and char not in _MARKDOWN_INERT:
        return "\\" + char
    return char


def markdown(text: Any) -> str:
    """Text for Markdown prose, a heading or a table cell: one line that shows exactly as the text, never markup.

    Whitespace runs become one space (no line break can start a block), unprintables U+FFFD;
    every ASCII punctuation character outside `_MARKDOWN_INERT` is backslash-escaped (`|` too,
    so a table row keeps its cells), `<`, `>` and `&` become entities (no raw HTML, no entity
    read into another character), and a leading `-`, `+`, `=` or `1.` is escaped so that no
    list, thematic break or setext heading starts where the text starts a line.
    """
    return _markdown_text(plain_line(text), at_start=True)


_BACKTICKS = re.compile(r"`+")


def markdown_prose(text: Any) -> str:
    """`markdown`, but a code span the text writes (`` `Bearer <token>` ``) shows as a code span.

    Spec descriptions are CommonMark and mark code with backticks; escaped, their `<` would be
    an entity between two literal backticks. A span is a run of backticks closed by the next run
    of the same length (CommonMark's rule), re-delimited by `markdown_code`, which nothing inside
    can close; its content shows literally (no markup, no HTML). A span holding `|` stays escaped
    text, since a pipe would split a table cell even inside code. Everything else is `markdown`.
    """
    flat = plain_line(text)
    pieces: list[str] = []
    last = 0
    position = 0
    while (opening := _BACKTICKS.search(flat, position)) is not None:
        run = len(opening.group())
        closing = next((m for m in _BACKTICKS.finditer(flat, opening.end()) if len(m.group()) == run), None)
        if closing is None:
            break
        content = flat[opening.end():closing.start()]
        if "|" in content or not content.strip(" "):
            position = opening.end()
            continue
        pieces.append(_markdown_text(flat[last:opening.start()], at_start=last == 0))
        pieces.append(markdown_code(content))
        last = position = closing.end()
    pieces.append(_markdown_text(flat[last:], at_start=last == 0))
    return "".join(pieces)


def _markdown_text(flat: str, at_start: bool) -> str:
    """Escaped text of one printable line; the block-start escape only where it starts the line."""
    shown = "".join(_markdown_char(c) for c in flat)
    start = _BLOCK_START.match(flat) if at_start else None
    if start:
        cut = start.end() - 1  # digits and `-+=.)` are never escaped: the same index in `shown`
        shown = shown[:cut] + "\\" + shown[cut:]
    return shown


def markdown_code(text: Any) -> str:
    """An inline code span, delimiters included, that shows `text` as it is (on one line).

    Code spans show their content literally (no escapes, no entities, no HTML), so the only way
    out is a backtick run as long as the delimiter: the delimiter is one backtick longer than the
    longest run inside, with a space of padding where the content starts or ends with a backtick
    or with spaces at both ends (CommonMark strips one space on each side). Line breaks and other
    whitespace become spaces (a line break could start a block), other unprintables U+FFFD.
    Not for table cells: a `|` inside a code span still splits a GFM table row.
    """
    content = _printable(text)
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    edges = content[:1] + content[-1:]
    if content.strip(" ") and ("`" in edges or edges == "  "):
        content = f" {content} "
    return f"{fence}{content or ' '}{fence}"  # an empty span would be no span: show one space


LINK_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&'*+,;=:@%/?#-]*)?")


def markdown_url(value: Any) -> str:
    """A Markdown link destination: an http(s) URL of characters that cannot end it or start markup.

    No space, parenthesis, angle bracket, quote, backslash or backtick can be in it, so it is
    written as it is; anything else raises ValueError (configuration is checked before it gets here).
    """
    text = str(value)
    if not LINK_URL.fullmatch(text):
        raise ValueError(f"not a plain http(s) URL for a Markdown link: {text!r}")
    return text


def toml_string(value: Any) -> str:
    """A TOML basic string: quotes and backslashes escaped, unprintables as `\\u`/`\\U` escapes."""
    pieces = []
    for char in str(value):
        if char in '"\\':
            pieces.append("\\" + char)
        elif char.isprintable():
            pieces.append(char)
        elif 0xD800 <= ord(char) <= 0xDFFF:  # a lone surrogate is no Unicode scalar value
            pieces.append("\\ufffd")
        else:
            pieces.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
    return '"' + "".join(pieces) + '"'
