"""What datamodel-code-generator is given: spec text as placeholders, names chosen by `naming`.

The models stage must not depend on how the third-party generator escapes text or spells
names. Descriptions become placeholders that are swapped back as escaped docstrings; every
enum member gets an `x-enum-varnames` name and every property a field name from `naming`,
passed as scoped aliases, so names are the same as everywhere else and collisions resolve once.

Why placeholders and not templates that print our text: the generator merges classes that
share a base name and render alike (`parser/_passes/structure.py:delete_duplicate_models`
compares `DataModel._render_dedup_key`, a render with the templates). Were the text printed,
two made-up `Country` strings with one description would merge, across reference groups, and
a group's module would depend on what else was in its run (the per-group cache and the
parallel runs require that it does not). A placeholder per occurrence keeps renders distinct.
"""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from dataclasses import dataclass, field
from typing import Any

from generator.modeling.naming import enum_members, field_names
from generator.rendering.escape import docstring, py_literal

_TOKEN = "TrunklineDoc{:06d}"
_TOKEN_LINE = re.compile(r"^( *)(TrunklineDoc\d{6})$", re.MULTILINE)


@dataclass
class ModelInput:
    """The definitions to hand over, the field names as scoped aliases, and the texts behind placeholders."""

    defs: dict[str, Any]
    aliases: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def prepare(defs: dict[str, Any]) -> ModelInput:
    """A copy of `defs` with descriptions replaced by placeholders and names fixed.

    Copied through JSON, not `deepcopy`: a schema object shared by two places (a YAML alias)
    must become two objects, or its placeholder would be taken for its text the second time.
    """
    result = ModelInput(json.loads(json.dumps(defs)))
    for class_name, schema in result.defs.items():
        _walk(schema, result, class_name)
    return result


def _walk(schema: Any, result: ModelInput, class_name: str | None) -> None:
    if isinstance(schema, list):
        for item in schema:
            _walk(item, result, None)
        return
    if not isinstance(schema, dict):
        return
    if isinstance(schema.get("description"), str):
        token = _TOKEN.format(len(result.texts))
        result.texts[token] = schema["description"]
        schema["description"] = token
    if isinstance(schema.get("enum"), list):
        given = schema.get("x-enum-varnames")
        schema["x-enum-varnames"] = enum_members(schema["enum"], given if isinstance(given, list) else None)
    properties = schema.get("properties")
    if isinstance(properties, dict):
        if class_name is not None:
            for key, name in field_names(str(k) for k in properties).items():
                if name != key:  # a key that is already its own safe name stays as it is
                    result.aliases[f"{class_name}.{key}"] = name
        for value in properties.values():
            _walk(value, result, None)
    for key in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
        if key in schema:
            _walk(schema[key], result, None)


def restore(source: str, texts: dict[str, str]) -> str:
    """`source` with each placeholder line replaced by its text as an escaped docstring line.

    A placeholder the third-party generator put anywhere but on a docstring line of its own
    stays as it is: inert text, and the property tests notice the lost description.
    """

    def swap(match: re.Match[str]) -> str:
        indent, token = match.group(1), match.group(2)
        if token not in texts:
            return match.group()
        return indent + docstring(texts[token].strip(), len(indent))

    return _TOKEN_LINE.sub(swap, source)


def escape_literals(source: str) -> str:
    """`source` with string literals written as we write them: escaped, in double quotes.

    datamodel-code-generator writes some values (enum members) with raw control, line-separator
    and bidirectional characters; they are harmless to Python but not to readers and tools. It
    also writes single quotes, which black would turn into double quotes in a second pass.
    Tokenizing all of a big models source takes seconds, so only lines that may hold such a
    literal are tokenized, each alone (its literals are on it: descriptions are placeholders).
    """
    lines = source.split("\n")
    for number, line in enumerate(lines):
        if "'" in line or not line.isprintable():
            tokens = _line_tokens(line)
            if tokens is None:  # a literal that goes on past the line: do it all at once
                return _escape_in(source, list(tokenize.generate_tokens(io.StringIO(source).readline)))
            lines[number] = _escape_in(line, tokens)
    return "\n".join(lines)


def _line_tokens(line: str) -> list[tokenize.TokenInfo] | None:
    """The tokens of one line, or None if a string on it is not closed on it."""
    tokens: list[tokenize.TokenInfo] = []
    try:
        tokens.extend(tokenize.generate_tokens(io.StringIO(line).readline))
    except tokenize.TokenError as exc:  # a bracket left open at the end: its tokens came already
        if "string" in str(exc.args[0]):
            return None
    return None if any(token.type == tokenize.ERRORTOKEN for token in tokens) else tokens


def _escape_in(source: str, tokens: list[tokenize.TokenInfo]) -> str:
    """`source` with the literals among its `tokens` rewritten."""
    offsets = _line_offsets(source)
    pieces, last = [], 0
    for token in tokens:
        if token.type != tokenize.STRING:
            continue
        unprintable = not all(c == "\n" or c.isprintable() for c in token.string)
        single = token.string.startswith("'") and not token.string.startswith("'" * 3)
        if not unprintable and not single:
            continue
        text = py_literal(ast.literal_eval(token.string))
        if not unprintable and not text.startswith('"'):
            continue  # holds both kinds of quote: black decides
        start = offsets[token.start[0] - 1] + token.start[1]
        end = offsets[token.end[0] - 1] + token.end[1]
        pieces.append(source[last:start])
        pieces.append(text)
        last = end
    pieces.append(source[last:])
    return "".join(pieces)


def reclaim_names(source: str, names: set[str], given: dict[str, str], tree: ast.Module | None = None) -> str:
    """`source` with our class names given back where datamodel-code-generator took them.

    For inline schemas it makes classes of its own (`Invoice` for a described `invoice`
    property) and, when one takes a name of ours, renames ours (`InvoiceModel`,
    `CheckoutSession2`). `given` is the name it gave each of our definitions (from its model
    metadata, `source_ref` `#/$defs/<name>`); the two swap: ours gets its name back, the other
    one `<Name>1` (or `<Name>2`...), a name the models stage makes private anyway.
    """
    tree = tree if tree is not None else ast.parse(source)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    renames: dict[str, str] = {}
    for name in sorted(names):
        displaced = given.get(name, name)
        if (
            name in classes and displaced in classes and displaced != name and displaced not in names
            and displaced not in {n.id for n in ast.walk(classes[name]) if isinstance(n, ast.Name)}
        ):
            free, n = name + "1", 2  # numbered as the model generator numbers its own
            while free in classes or free in names or free in renames.values():
                free, n = f"{name}{n}", n + 1
            renames[name], renames[displaced] = free, name
    return rename(source, renames)


def rename(source: str, renames: dict[str, str]) -> str:
    """`source` with each name token in `renames` replaced (strings and comments untouched)."""
    if not renames or not any(name in source for name in renames):
        return source
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    offsets = _line_offsets(source)
    pieces, last = [], 0
    for token in tokens:
        if token.type == tokenize.NAME and token.string in renames:
            start = offsets[token.start[0] - 1] + token.start[1]
            pieces += [source[last:start], renames[token.string]]
            last = start + len(token.string)
    pieces.append(source[last:])
    return "".join(pieces)


def _line_offsets(source: str) -> list[int]:
    """Where each line starts in `source`, split as tokenize splits it (at "\\n" only)."""
    offsets = [0]
    for line in io.StringIO(source).readlines():
        offsets.append(offsets[-1] + len(line))
    return offsets
