"""Read a spec file (YAML or JSON) into plain data, keeping where each value came from.

JSON is parsed with `json.loads` and positions are found lazily by a small scanner, so a
13 MB spec loads in a fraction of a second. YAML keeps its node tree for positions. Local
files named by external `$ref`s are bundled under `x-trunkline-bundled`, and positions
inside them point into their own files.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import Location, TrunklineError

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

BUNDLE_KEY = "x-trunkline-bundled"
_BUNDLE_PREFIX = "/" + BUNDLE_KEY + "/"


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


def tokens(ptr: str) -> list[str]:
    """The raw tokens of a JSON pointer (`""` has none)."""
    return [unescape_token(t) for t in ptr.split("/")[1:]] if ptr else []


@dataclass(frozen=True)
class Ref:
    """One `$ref` of a document: where it sits, the local pointer it means, what was written."""

    ptr: str  # pointer of the object holding `$ref`
    target: str  # local reference (`#/...`) after bundling
    written: str  # the reference as the spec author wrote it


@dataclass
class Document:
    """A loaded spec: its data and a way back from a JSON pointer to a line and column."""

    path: Path
    data: Any
    text: str
    display: str
    _root: yaml.Node | None = field(default=None, repr=False)
    _is_json: bool = False
    refs: list[Ref] = field(default_factory=list, repr=False)
    bundled: dict[str, Document] = field(default_factory=dict, repr=False)
    _json: _JsonIndex | None = field(default=None, repr=False)

    def locate(self, ptr: str) -> Location:
        """The location of `ptr`, or of its nearest existing ancestor."""
        if ptr.startswith(_BUNDLE_PREFIX):
            key, _, rest = ptr[len(_BUNDLE_PREFIX):].partition("/")
            part = self.bundled.get(unescape_token(key))
            if part is not None:
                return part.locate("/" + rest if rest else "")
        if self._is_json:
            if self._json is None:
                self._json = _JsonIndex(self.text)
            line, col = self._json.locate(tokens(ptr))
            return Location(self.display, ptr, line, col)
        node = self._root
        line = col = 0
        if node is not None:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            for token in tokens(ptr):
                node = _child(node, token)
                if node is None:
                    break
                line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return Location(self.display, ptr, line, col)

    def describe(self, ptr: str) -> str:
        """`ptr` as an author would write it: `parts/common.yaml#/Pet` inside a bundled file."""
        if ptr.startswith(_BUNDLE_PREFIX):
            key, _, rest = ptr[len(_BUNDLE_PREFIX):].partition("/")
            part = self.bundled.get(unescape_token(key))
            if part is not None:
                return f"{part.display}#/{rest}"
        return ptr or "#"

    def resolve(self, ref: str) -> Any:
        """The value a local `$ref` (`#/a/b`) points at; raises KeyError when absent."""
        if not ref.startswith("#"):
            raise KeyError(ref)
        return _at(self.data, ref[1:])


def _at(data: Any, ptr: str) -> Any:
    """The value the JSON pointer `ptr` names in `data`; KeyError, IndexError or ValueError when none."""
    node = data
    for token in tokens(ptr):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


class _JsonIndex:
    """Finds the text offset of a JSON value by pointer, scanning only the containers on the way."""

    _WS = re.compile(r"[ \t\n\r]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self._decoder = json.JSONDecoder()
        self._members: dict[int, dict[str, int] | list[int]] = {}
        self._lines: list[int] | None = None
        self._root = self._skip_ws(0)

    def _skip_ws(self, at: int) -> int:
        match = self._WS.match(self.text, at)
        return match.end() if match else at

    def _scan(self, start: int) -> dict[str, int] | list[int] | None:
        """Offsets of the members of the object or array starting at `start` (cached)."""
        known = self._members.get(start)
        if known is not None:
            return known
        text, opener = self.text, self.text[start : start + 1]
        if opener not in ("{", "["):
            return None
        found: dict[str, int] | list[int] = {} if opener == "{" else []
        at = self._skip_ws(start + 1)
        closer = "}" if opener == "{" else "]"
        try:
            while at < len(text) and text[at] != closer:
                if isinstance(found, dict):
                    key, at = self._decoder.raw_decode(text, at)
                    at = self._skip_ws(self._skip_ws(at) + 1)  # past ':'
                    found[key] = at
                else:
                    found.append(at)
                _, at = self._decoder.raw_decode(text, at)
                at = self._skip_ws(at)
                if at < len(text) and text[at] == ",":
                    at = self._skip_ws(at + 1)
        except (ValueError, IndexError):
            pass
        self._members[start] = found
        return found

    def locate(self, path: list[str]) -> tuple[int, int]:
        """1-based line and column of the value at `path`, or of its nearest existing ancestor."""
        at = self._root
        for token in path:
            members = self._scan(at)
            if isinstance(members, dict) and token in members:
                at = members[token]
            elif isinstance(members, list) and token.isdigit() and int(token) < len(members):
                at = members[int(token)]
            else:
                break
        return self.position(at)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a text offset."""
        if self._lines is None:
            self._lines = [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._lines, offset)
        start = self._lines[line - 1] if line else 0
        return line + 1, offset - start + 1


def _child(node: yaml.Node, token: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        found: yaml.Node | None = None
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "<<" and found is None:
                found = _child(value, token)
            elif isinstance(key, yaml.ScalarNode) and _key_text(key) == token and isinstance(value, yaml.Node):
                found = value  # the last duplicate wins, as in the data
        return found
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        if index < len(node.value):
            child = node.value[index]
            return child if isinstance(child, yaml.Node) else None
    return None


def _key_text(key: yaml.ScalarNode) -> str:
    """The string a scalar mapping key becomes in the data (`true` for a boolean, etc.)."""
    if key.tag == "tag:yaml.org,2002:bool":
        return "true" if key.value.lower() in ("true", "yes", "on") else "false"
    if key.tag == "tag:yaml.org,2002:null":
        return "null"
    return str(key.value)


def load(path: Path, display: str | None = None) -> Document:
    """Load a spec file and the local files its `$ref`s name; TrunklineError with a location when it cannot."""
    document = read(path, display or str(path))
    if document.data is None:
        raise TrunklineError("not an OpenAPI document: the file is empty; write an OpenAPI 3.x spec in it", Location(document.display, "", 1, 1))
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else f"a single {type(document.data).__name__} value"
        raise TrunklineError(f"not an OpenAPI document: the top level is {kind}, not a mapping; start with `openapi: 3.1.0`", document.locate(""))
    _bundle(document)
    return document


def read(path: Path, display: str) -> Document:
    """Read and parse one file (any top-level value)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TrunklineError("no such file; give the path of a spec file", Location(display)) from None
    except IsADirectoryError:
        raise TrunklineError("is a directory; give the path of a spec file", Location(display)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TrunklineError(f"cannot read the file: {exc}; save it as UTF-8 text", Location(display)) from None
    return parse(text, path, display)


def parse(text: str, path: Path, display: str) -> Document:
    """Parse spec text as JSON (by suffix) or YAML."""
    if path.suffix.lower() == ".json":
        if not text.strip():
            return Document(path, None, text, display, None, True)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TrunklineError(
                f"invalid JSON: {exc.msg}; fix the syntax", Location(display, "", exc.lineno, exc.colno)
            ) from None
        except RecursionError:
            raise TrunklineError("the JSON nests too deeply to read", Location(display)) from None
        return Document(path, data, text, display, None, True)
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
        problem = " ".join((exc.problem or exc.context or "syntax error").split())
        opened = exc.context_mark
        if exc.problem and exc.context and opened is not None and (opened.line, opened.column) != (line - 1, col - 1):
            problem += f" ({' '.join(exc.context.split())} at line {opened.line + 1}, column {opened.column + 1})"
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            problem += " (a tab: YAML indents with spaces only)"
        raise TrunklineError(f"invalid YAML: {problem}; fix the syntax", Location(display, "", line, col)) from None
    except yaml.YAMLError as exc:
        raise TrunklineError(f"invalid YAML: {str(exc).splitlines()[0]}; fix the syntax", Location(display)) from None
    except RecursionError:
        raise TrunklineError("the YAML nests too deeply to read", Location(display)) from None
    return Document(path, data, text, display, root)


_STR = "tag:yaml.org,2002:str"
_BOOL_OR_NULL = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")


def _construct(loader: Any, node: yaml.Node, memo: dict[int, Any]) -> Any:
    """Build plain data from a node; mapping keys become strings, as in JSON."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    known = memo.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        memo[id(node)] = result
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR:
                key = key_node.value
            elif isinstance(key_node, yaml.ScalarNode) and key_node.tag in _BOOL_OR_NULL:
                key = _key_text(key_node)
            else:
                key = str(loader.construct_object(key_node, deep=True))
            result[key] = _construct(loader, value_node, memo)
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        memo[id(node)] = items
        items.extend(_construct(loader, child, memo) for child in node.value)
        return items
    return loader.construct_object(node, deep=True)


# -- $refs and bundling ----------------------------------------------------------------


def iter_refs(data: Any, base: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object holding a string `$ref`, with its pointer; example values are skipped."""
    stack: list[tuple[Any, str]] = [(data, base)]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield ptr, node
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key != "example":
                    stack.append((value, ptr + "/" + escape_token(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{ptr}/{index}"))


class _Bundler:
    """Loads the local files external `$ref`s name and rewrites those refs to local pointers."""

    def __init__(self, main: Document) -> None:
        self.main = main
        self.root_dir = main.path.resolve().parent
        self.keys: dict[Path, str] = {main.path.resolve(): ""}
        self.queue: list[tuple[Document, str]] = [(main, "")]

    def run(self) -> None:
        """Rewrite every `$ref` of the main file and of each file it reaches."""
        while self.queue:
            document, key = self.queue.pop(0)
            prefix = _BUNDLE_PREFIX + escape_token(key) if key else ""
            for ptr, node in sorted(iter_refs(document.data), key=lambda item: item[0]):
                written = node["$ref"]
                target = self._target(document, prefix, ptr, written)
                node["$ref"] = target
                self.main.refs.append(Ref(prefix + ptr, target, written))

    def _target(self, document: Document, prefix: str, ptr: str, written: str) -> str:
        if written.startswith("#"):
            return "#" + prefix + _decoded(written[1:], document.data)
        where = document.locate(ptr + "/$ref")
        file_part, _, fragment = written.partition("#")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", file_part):
            raise TrunklineError(
                f"remote `$ref` {written!r} is not fetched (Trunkline never uses the network); "
                "save the file beside the spec and refer to it by a relative path", where)
        path = (document.path.resolve().parent / file_part).resolve()
        shown_dir = Path(self.main.display).parent
        if not path.is_relative_to(self.root_dir):
            raise TrunklineError(
                f"`$ref` {written!r} leaves the spec's directory {shown_dir}; move the file under it", where)
        shown = str(shown_dir / path.relative_to(self.root_dir))
        if not path.is_file():
            raise TrunklineError(f"`$ref` {written!r} names a file that does not exist ({shown}); fix the path", where)
        key = self.keys.get(path)
        if key is None:
            key = self._new_key(path)
            part = read(path, shown)
            self.keys[path] = key
            self.main.bundled[key] = part
            self.main.data.setdefault(BUNDLE_KEY, {})[key] = part.data
            self.queue.append((part, key))
        base = _BUNDLE_PREFIX + escape_token(key) if key else ""
        if fragment and not fragment.startswith("/"):
            raise TrunklineError(f"`$ref` {written!r} has a fragment that is not a JSON pointer; write file#/path/to/it", where)
        return "#" + base + _decoded(fragment, (self.main.bundled[key] if key else self.main).data)

    def _new_key(self, path: Path) -> str:
        """A readable bundle key for a file: its stem, numbered when two files share one."""
        key, number = path.stem, 2
        while key in self.main.bundled or key == "":
            key, number = f"{path.stem}{number}", number + 1
        return key


def _decoded(fragment: str, data: Any) -> str:
    """The JSON pointer a `$ref` fragment means: percent-decoded as a URI fragment (RFC 6901,
    section 6: `%7Bid%7D` is `{id}`) when only the decoded pointer finds a value."""
    if "%" not in fragment or _exists(data, fragment):
        return fragment
    decoded = unquote(fragment)
    return decoded if _exists(data, decoded) else fragment


def _exists(data: Any, ptr: str) -> bool:
    """Whether the JSON pointer `ptr` names a value in `data`."""
    try:
        _at(data, ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return False
    return True


def _bundle(document: Document) -> None:
    """Record every `$ref`; bring in the local files external refs name."""
    if BUNDLE_KEY in document.data:
        raise TrunklineError(f"`{BUNDLE_KEY}` is reserved for bundled files; rename that key", document.locate("/" + BUNDLE_KEY))
    _Bundler(document).run()
