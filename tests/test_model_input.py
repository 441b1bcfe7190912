"""String literals of datamodel-code-generator's models rewritten as we write them."""

from __future__ import annotations

import ast

from generator.rendering.model_input import escape_literals

SOURCE = (
    "class Colour(StrEnum):\n"
    "    RED = 'red'\n"
    "    QUOTE = \"it's\"\n"
    "    BOTH = 'say \"it\\'s\"'\n"
    "    SEPARATOR = 'a\u2028b'\n"
    "    model_config = ConfigDict(\n"
    "        extra='allow',\n"
    "    )\n"
)


def test_single_quotes_become_double_and_raw_characters_escapes() -> None:
    assert escape_literals(SOURCE) == (
        "class Colour(StrEnum):\n"
        '    RED = "red"\n'
        "    QUOTE = \"it's\"\n"
        "    BOTH = 'say \"it\\'s\"'\n"  # both kinds of quote: left to black
        '    SEPARATOR = "a\\u2028b"\n'
        "    model_config = ConfigDict(\n"
        '        extra="allow",\n'
        "    )\n"
    )
    assert _values(escape_literals(SOURCE)) == _values(SOURCE)


def test_a_literal_over_several_lines_is_read_whole() -> None:
    """Lines are tokenized one by one; a string that goes on past its line is not cut up."""
    source = "class A(BaseModel):\n    '''first\n    it's 'quoted'\n    '''\n    x: str = 'x'\n"
    assert escape_literals(source) == source.replace("'x'", '"x"')


def _values(source: str) -> list[object]:
    return [node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)]
