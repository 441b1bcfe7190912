"""Read a spec file (YAML or JSON) into plain data, keeping where each value came from."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Location, TrunklineError

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """YAML loader that keeps dates as strings, as JSON would (OpenAPI is JSON-shaped)."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def escape_token(token: str) -> str:
    """Escape one JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """Undo `escape_token`."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: object) -> str:
    """Build a JSON pointer from raw tokens."""
    return "".join("/" + escape_token(str(t)) for t in tokens)


@dataclass
class Document:
    """A loaded spec: its data and a way back from a JSON pointer to a line and column."""

    path: Path
    data: Any
    text: str
    display: str
    _root: yaml.Node | None = field(default=None, repr=False)
    _is_json: bool = False

    def locate(self, ptr: str) -> Location:
        """The location of `ptr`, or of its nearest existing ancestor."""
        node = self._node_tree()
        line = col = 0
        if node is not None:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            for token in [unescape_token(t) for t in ptr.split("/")[1:]] if ptr else []:
                node = _child(node, token)
                if node is None:
                    break
                line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return Location(self.display, ptr, line, col)

    def _node_tree(self) -> yaml.Node | None:
        if self._root is None and self._is_json:
            try:
                self._root = yaml.compose(self.text, Loader=_SpecLoader)
            except yaml.YAMLError:
                return None
        return self._root

    def resolve(self, ref: str) -> Any:
        """The value a local `$ref` (`#/a/b`) points at; raises KeyError when absent."""
        if not ref.startswith("#"):
            raise KeyError(ref)
        node: Any = self.data
        for token in ref[1:].split("/")[1:]:
            token = unescape_token(token)
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node


def _child(node: yaml.Node, token: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and str(key.value) == token:
                return value if isinstance(value, yaml.Node) else None
            if isinstance(key, yaml.ScalarNode) and key.value == "<<":
                found = _child(value, token)
                if found is not None:
                    return found
    elif isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        if index < len(node.value):
            child = node.value[index]
            return child if isinstance(child, yaml.Node) else None
    return None


def load(path: Path, display: str | None = None) -> Document:
    """Load a spec file; raise TrunklineError with its location when it cannot be read."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TrunklineError("no such file; give the path of a spec file", Location(shown)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TrunklineError(f"cannot read the file: {exc}", Location(shown)) from None
    return parse(text, path, shown)


def parse(text: str, path: Path, display: str) -> Document:
    """Parse spec text as JSON (by suffix) or YAML."""
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TrunklineError(
                f"invalid JSON: {exc.msg}; fix the syntax", Location(display, "", exc.lineno, exc.colno)
            ) from None
        document = Document(path, data, text, display, None, True)
    else:
        try:
            loader = _SpecLoader(text)
            try:
                root = loader.get_single_node()
                data = _construct(loader, root, {}) if root is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problem = (exc.problem or exc.context or "syntax error").strip()
            raise TrunklineError(f"invalid YAML: {problem}; fix the syntax", Location(display, "", line, col)) from None
        except yaml.YAMLError as exc:
            raise TrunklineError(f"invalid YAML: {exc}", Location(display)) from None
        except RecursionError:
            raise TrunklineError("the YAML nests too deeply to read", Location(display)) from None
        document = Document(path, data, text, display, root)
    if not isinstance(document.data, dict):
        raise TrunklineError("not an OpenAPI document: the top level must be a mapping", document.locate(""))
    return document


def _construct(loader: Any, node: yaml.Node, memo: dict[int, Any]) -> Any:
    """Build plain data from a node; mapping keys become strings, as in JSON."""
    known = memo.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        memo[id(node)] = result
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, bool):
                key = "true" if key else "false"
            result[str(key) if key is not None else "null"] = _construct(loader, value_node, memo)
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        memo[id(node)] = items
        items.extend(_construct(loader, child, memo) for child in node.value)
        return items
    return loader.construct_object(node, deep=True)
