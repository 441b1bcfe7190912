"""Mark the lines a template lets run long, for the formatting stage to lay out as black would.

A template wraps such a line in `{% filter fit("param") %}`, naming the syntax that holds it (a
call argument, a list or dict item, a parameter, a signature's return, a whole signature, a
statement); every such line is marked, whatever its length, since rendering knows nothing of
black or its line length.
`generator.formatting.layout` replaces each mark by black's lines for the line before black runs.
Rendered text with marks is not Python yet: `unmarked` gives it without them, unformatted.
"""

from __future__ import annotations

import re

MARK = "\x00"  # never in rendered text: every escaper writes control characters as escapes
MARKED = re.compile(f"{MARK}(\\w+){MARK}([^{MARK}]*){MARK}")


def fit(text: str, kind: str) -> str:
    """A jinja filter: mark the line in `text`, held by syntax of `kind`, for the formatting stage."""
    line = text.rstrip("\n")
    return f"{MARK}{kind}{MARK}{line}{MARK}" + text[len(line):]


def unmarked(text: str) -> str:
    """`text` with each marked line as it was rendered, the marks taken out."""
    return MARKED.sub(lambda match: match.group(2), text)
