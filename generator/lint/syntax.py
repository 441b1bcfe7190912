"""Rules about the file itself: a key written twice in one mapping (the parser keeps only the last)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import yaml

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.load import escape_token

_DUPLICATES = "\x00trunkline-duplicates"


@rule("parser", Severity.ERROR, "No mapping has the same key twice.", "spectral")
def duplicate_keys(context: Context) -> Iterator[tuple[str, str] | tuple[str, str, int, int]]:
    document = context.document
    if document.path.suffix.lower() == ".json":
        yield from _json_duplicates(document.text)
        return
    root = getattr(document, "_root", None)
    if not isinstance(root, yaml.Node):
        try:
            root = yaml.compose(document.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            return
    if root is not None:
        yield from _yaml_duplicates(root)


def _message(key: str) -> str:
    return f"key {key!r} appears twice in this mapping; only the last one counts, so merge them"


def _yaml_duplicates(root: yaml.Node) -> Iterator[tuple[str, str, int, int]]:
    stack: list[tuple[str, yaml.Node]] = [("", root)]
    seen_nodes: set[int] = set()
    while stack:
        ptr, node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
                child = f"{ptr}/{escape_token(key)}"
                if key and key != "<<":
                    if key in keys:
                        yield child, _message(key), key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    keys.add(key)
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((f"{ptr}/{i}", item) for i, item in enumerate(node.value))


def _json_duplicates(text: str) -> Iterator[tuple[str, str]]:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        made: dict[str, Any] = {}
        twice = []
        for key, value in items:
            if key in made:
                twice.append(key)
            made[key] = value
        if twice:
            made[_DUPLICATES] = twice
        return made

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except ValueError:
        return
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            for key in node.get(_DUPLICATES, []):
                yield f"{ptr}/{escape_token(key)}", _message(key)
            stack.extend((f"{ptr}/{escape_token(k)}", v) for k, v in node.items() if k != _DUPLICATES)
        elif isinstance(node, list):
            stack.extend((f"{ptr}/{i}", v) for i, v in enumerate(node))
