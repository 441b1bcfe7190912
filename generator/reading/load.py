"""Read a spec file (YAML or JSON) into plain data, keeping where each value came from.

JSON is parsed with `json.loads` and positions are found lazily by a small scanner, so a
13 MB spec loads in a fraction of a second. YAML keeps its node tree for positions. Local
files named by external `$ref`s are bundled under `x-trunkline-bundled`, and positions
inside them point into their own files.
"""

from __future__ import annotations

import bisect
import codecs
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import Location, TrunklineError
from generator.reading import input_checks
from generator.reading.input_checks import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_YAML_NODES,
    Duplicate,
    check_dialect,
    check_expanded_depth,
    check_ref_chains,
    has_surrogate,
    may_hold_surrogates,
    number_problem,
    path_pointer,
    scan,
    surrogate_error,
    yaml_node_bound,
)

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

BUNDLE_KEY = "x-trunkline-bundled"
_BUNDLE_PREFIX = "/" + BUNDLE_KEY + "/"


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """YAML loader that keeps dates as strings, as JSON would (OpenAPI is JSON-shaped)."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


escape_token = input_checks.escape_token  # pointers are built here; input_checks needs it too


def unescape_token(token: str) -> str:
    """Undo `escape_token`."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*tokens: object) -> str:
    """Build a JSON pointer from raw tokens."""
    return "".join("/" + escape_token(str(t)) for t in tokens)


def tokens(ptr: str) -> list[str]:
    """The raw tokens of a JSON pointer (`""` has none)."""
    if not ptr:
        return []
    parts = ptr.split("/")[1:]
    return [unescape_token(t) for t in parts] if "~" in ptr else parts  # most pointers escape nothing


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
    duplicates: list[Duplicate] = field(default_factory=list, repr=False)  # keys written twice, this file and bundled ones
    _ref_nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list, repr=False)  # `$ref` holders, as scanned
    _dupes: dict[int, list[str]] = field(default_factory=dict, repr=False)  # JSON: id of an object -> keys written twice
    _keep: list[Any] = field(default_factory=list, repr=False)  # those objects, alive while their ids are used

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
            if isinstance(key, yaml.ScalarNode) and key.tag == _MERGE and found is None:
                sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
                found = next((hit for hit in (_child(source, token) for source in sources) if hit is not None), None)
            elif isinstance(key, yaml.ScalarNode) and _key_text(key) == token and isinstance(value, yaml.Node):
                found = value  # the last duplicate wins, as in the data
        return found
    if isinstance(node, yaml.SequenceNode) and token.isdigit():
        index = int(token)
        if index < len(node.value):
            child = node.value[index]
            return child if isinstance(child, yaml.Node) else None
    return None


def load(path: Path, display: str | None = None) -> Document:
    """Load a spec file and the local files its `$ref`s name; TrunklineError with a location when it cannot."""
    return complete(read(path, display or str(path)))


def complete(document: Document) -> Document:
    """What `load` does after `read`: refuse a non-mapping, bundle the `$ref`ed files, check the result.

    Separate so that a caller can look at what `read` parsed (within its bounds) before bundling.
    """
    if document.data is None:
        raise TrunklineError("not an OpenAPI document: the file is empty; write an OpenAPI 3.x spec in it", Location(document.display, "", 1, 1))
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else f"a single {type(document.data).__name__} value"
        raise TrunklineError(f"not an OpenAPI document: the top level is {kind}, not a mapping; start with `openapi: 3.1.0`", document.locate(""))
    check_dialect(document.data, document.locate)
    _bundle(document)
    check_ref_chains(document)
    check_expanded_depth(document)
    return document


def read(path: Path, display: str) -> Document:
    """Read and parse one file (any top-level value): a regular file of at most MAX_FILE_BYTES."""
    return parse(_decode(_read_bytes(path, display), display), path, display)


def _read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes; refuses a device, FIFO or socket before opening it (reading one may never end)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise TrunklineError("no such file; give the path of a spec file", Location(display)) from None
    except OSError as exc:
        raise TrunklineError(f"cannot read the file: {exc.strerror or exc}", Location(display)) from None
    if stat.S_ISDIR(info.st_mode):
        raise TrunklineError("is a directory; give the path of a spec file", Location(display))
    if not stat.S_ISREG(info.st_mode):
        raise TrunklineError("not a regular file (a device, FIFO or socket); give the path of a spec file", Location(display, "", 1, 1))
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(display)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the check
                raise TrunklineError("not a regular file; give the path of a spec file", Location(display, "", 1, 1))
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise TrunklineError(f"cannot read the file: {exc.strerror or exc}", Location(display)) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(display)
    return data


def _too_big(display: str) -> TrunklineError:
    return TrunklineError(
        f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, more than any API spec needs; "
        "split it into files joined by `$ref`s", Location(display, "", 1, 1))


def _decode(data: bytes, display: str) -> str:
    """UTF-8 text (a BOM is dropped); an error at the line and column of the first bad byte."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = start + exc.start
        line_start = data.rfind(b"\n", 0, bad) + 1
        line = data.count(b"\n", 0, bad) + 1
        col = len(data[max(line_start, start):bad].decode("utf-8", errors="replace")) + 1
        raise TrunklineError(
            f"not UTF-8 text: byte 0x{data[bad]:02x} cannot start or continue a character here; "
            "save the file as UTF-8", Location(display, "", line, col)) from None


def parse(text: str, path: Path, display: str) -> Document:
    """Parse spec text as JSON (by suffix) or YAML, then check it is plain, bounded JSON-shaped data."""
    if path.suffix.lower() == ".json":
        document = _parse_json(text, path, display)
    else:
        document = _parse_yaml(text, path, display)
    if document.data is not None:
        refs, duplicates = scan(document.data, document.locate, document._dupes, may_hold_surrogates(text))
        document._dupes, document._keep = {}, []
        document._ref_nodes = refs
        document.duplicates.extend(duplicates)
    return document


class _BadNumber(str):
    """A JSON number literal that cannot be plain data (too long, infinite, NaN), kept as text to be located."""


def _parse_json(text: str, path: Path, display: str) -> Document:
    if not text.strip():
        return Document(path, None, text, display, None, True)
    dupes: dict[int, tuple[dict[str, Any], list[str]]] = {}
    bad: list[_BadNumber] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(items)
        if len(made) != len(items):
            seen: set[str] = set()
            twice = [key for key, _ in items if key in seen or seen.add(key)]  # type: ignore[func-returns-value]
            dupes[id(made)] = (made, list(dict.fromkeys(twice)))
        return made

    def number(literal: str) -> Any:
        if len(literal) <= 20:
            return int(literal)
        if len(literal.lstrip("-")) <= MAX_INT_DIGITS:
            return int(literal)
        bad.append(_BadNumber(literal))
        return bad[-1]

    def real(literal: str) -> Any:
        value = float(literal)
        if math.isfinite(value):
            return value
        bad.append(_BadNumber(literal))
        return bad[-1]

    def constant(literal: str) -> Any:
        bad.append(_BadNumber(literal))
        return bad[-1]

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=number, parse_float=real, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise TrunklineError(
            f"invalid JSON: {exc.msg}; fix the syntax", Location(display, "", exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise TrunklineError(
            f"the data nests more than {MAX_DEPTH} levels deep; no API needs that, flatten it "
            "(give nested schemas names under components and `$ref` them)",
            Location(display, "", *_JsonIndex(text).position(_too_deep(text)))) from None
    document = Document(path, data, text, display, None, True)
    if bad:
        _refuse_number(document, bad[0])
    document._dupes = {key: twice for key, (_, twice) in dupes.items()}
    document._keep = [made for made, _ in dupes.values()]
    return document


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> int:
    """The offset of the first bracket that opens more than MAX_DEPTH levels below the top (0 when none does)."""
    depth = -1  # the top-level value is depth 0, as in `scan`
    for match in _JSON_TOKEN.finditer(text):
        char = text[match.start()]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif char in "]}":
            depth -= 1
    return 0


def _refuse_number(document: Document, number: _BadNumber) -> None:
    """Locate a number literal that is not plain data and refuse it."""
    stack: list[tuple[Any, Any]] = [(document.data, None)]
    where = None
    while stack:
        node, at = stack.pop()
        if node is number:
            where = at
            break
        members = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        stack.extend((value, (at, key)) for key, value in members)
    location = document.locate(path_pointer(where))
    digits = len(number.lstrip("-"))
    if digits > MAX_INT_DIGITS and number.lstrip("-").isdigit():
        raise TrunklineError(f"an integer of {digits} digits (at most {MAX_INT_DIGITS}); no API value needs one, shorten it", location)
    raise TrunklineError(f"the number {number} is not finite: JSON has no infinity or NaN; write a finite number", location)


def _parse_yaml(text: str, path: Path, display: str) -> Document:
    if yaml_node_bound(text) > MAX_YAML_NODES:
        raise TrunklineError(
            f"the YAML holds too many values to load safely (more than {MAX_YAML_NODES:,} by a quick count); "
            "convert it to JSON or split it into files joined by `$ref`s", Location(display, "", 1, 1))
    try:
        loader = _SpecLoader(text)
        try:
            root = loader.get_single_node()
            builder = _YamlBuilder(loader, text, display)
            data = builder.build(root, None, 0)[0] if root is not None else None
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
    document = Document(path, data, text, display, root)
    document.duplicates.extend(builder.duplicates)
    return document


_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_BOOL_OR_NULL = (_TAG + "bool", _TAG + "null")
_SCALAR_TAGS = frozenset({_STR, _TAG + "int", _TAG + "float", *_BOOL_OR_NULL})
_MERGE = _TAG + "merge"
_MAP = _TAG + "map"
_SEQ = _TAG + "seq"


class _YamlBuilder:
    """Builds plain JSON-shaped data from YAML nodes, with a budget on what aliases expand to.

    An anchored node is built once and shared by its aliases; each alias adds the size of what
    it stands for to a budget (MAX_ALIAS_NODES), so a billion laughs stops early. An alias inside
    its own anchor would make cyclic data and is refused. Only str, int, float, bool, null,
    sequences and mappings are allowed (no !!binary, !!set, !!timestamp or language tags).
    """

    def __init__(self, loader: Any, text: str, display: str) -> None:
        self.loader, self.text, self.display = loader, text, display
        self.built: dict[int, tuple[Any, int]] = {}  # node id -> (value, expanded size)
        self.open: set[int] = set()
        self.added = 0
        self.duplicates: list[Duplicate] = []
        self.check_strings = may_hold_surrogates(text)

    def where(self, node: yaml.Node, path: Any) -> Location:
        """The location of a node: its pointer, line and column."""
        mark = node.start_mark
        return Location(self.display, path_pointer(path), mark.line + 1, mark.column + 1)

    def fail(self, message: str, node: yaml.Node, path: Any) -> TrunklineError:
        return TrunklineError(message, self.where(node, path))

    def build(self, node: yaml.Node, path: Any, depth: int) -> tuple[Any, int]:
        """The value of `node` at `path` and how many nodes it expands to."""
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path), 1
        if id(node) in self.open:
            raise self._alias_error("an alias inside its own anchor makes an endless structure; write the data out", node, path)
        known = self.built.get(id(node))
        if known is not None:
            self.added += known[1]
            if self.added > MAX_ALIAS_NODES:
                raise self._alias_error(
                    f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} nodes; write the data out or use `$ref`s", node, path)
            return known
        if depth > MAX_DEPTH:
            raise self.fail(f"the data nests more than {MAX_DEPTH} levels deep; no API needs that, flatten it "
                            "(give nested schemas names under components and `$ref` them)", node, path)
        self.open.add(id(node))
        made: tuple[Any, int]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            made = self.mapping(node, path, depth)
        elif isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            made = self.sequence(node, path, depth)
        else:
            raise self.fail(f"YAML tag {node.tag!r} makes a value JSON has no type for; write a plain mapping or list", node, path)
        self.open.discard(id(node))
        self.built[id(node)] = made
        return made

    def sequence(self, node: yaml.SequenceNode, path: Any, depth: int) -> tuple[list[Any], int]:
        """A list; plain strings are taken as they are (the common case, kept fast)."""
        items: list[Any] = []
        size = 1
        plain = not self.check_strings
        for index, child in enumerate(node.value):
            if plain and child.__class__ is yaml.ScalarNode and child.tag == _STR:
                items.append(child.value)
                size += 1
            else:
                value, added = self.build(child, (path, index), depth + 1)
                items.append(value)
                size += added
        return items, size

    def scalar(self, node: yaml.ScalarNode, path: Any) -> Any:
        """A plain scalar: a string, a bounded integer, a finite float, a boolean or null."""
        if node.tag == _STR:
            if self.check_strings and has_surrogate(node.value):
                raise surrogate_error(self.where(node, path))
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(f"YAML tag {node.tag!r} makes a value JSON has no type for; write a string, number, "
                            "boolean or null", node, path)
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            raise self.fail(f"an integer of more than {MAX_INT_DIGITS} digits; no API value needs one, shorten it", node, path) from None
        problem = number_problem(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        if problem is not None:
            raise self.fail(problem, node, path)
        return value

    def mapping(self, node: yaml.MappingNode, path: Any, depth: int) -> tuple[dict[str, Any], int]:
        """A mapping with string keys: merged keys (`<<`, the first mapping merged wins) first, own keys override them."""
        merged: list[dict[str, Any]] = []
        result: dict[str, Any] = {}
        size = 1
        plain = not self.check_strings
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                size += self.merge(value_node, path, depth, merged)
                continue
            if plain and key_node.__class__ is yaml.ScalarNode and key_node.tag == _STR:
                key = key_node.value
            else:
                key = self.key(key_node, path)
            if key in result:
                mark = key_node.start_mark
                self.duplicates.append(Duplicate(path_pointer((path, key)), key, mark.line + 1, mark.column + 1))
            if plain and value_node.__class__ is yaml.ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
                size += 1
            else:
                result[key], added = self.build(value_node, (path, key), depth + 1)
                size += added
        if not merged:
            return result, size
        flat: dict[str, Any] = {}
        for source in merged:  # the first mapping merged with a key gives its value
            for key, value in source.items():
                flat.setdefault(key, value)
        flat.update(result)
        return flat, size

    def merge(self, value_node: yaml.Node, path: Any, depth: int, merged: list[dict[str, Any]]) -> int:
        """Build the mapping(s) a merge key (`<<`) names into `merged`; how many nodes they add."""
        size = 0
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            value, added = self.build(source, (path, "<<"), depth + 1)
            if not isinstance(value, dict):
                raise self.fail("a merge key (`<<`) takes a mapping or a list of mappings", source, path)
            merged.append(value)
            size += added
        return size

    def key(self, node: yaml.Node, path: Any) -> str:
        """The string a mapping key becomes in the data, as JSON would have it."""
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail("a mapping key must be a plain string; JSON has no other kind of key", node, path)
        if node.tag == _STR or node.tag == _TAG + "value":
            key = str(node.value)
        elif node.tag in _BOOL_OR_NULL:
            key = _key_text(node)
        else:
            key = str(self.scalar(node, path))
        if self.check_strings and has_surrogate(key):
            raise surrogate_error(self.where(node, path))
        return key

    def _alias_error(self, message: str, node: yaml.Node, path: Any) -> TrunklineError:
        """The error at the alias responsible (found by replaying the events), else at `path`."""
        found = _bad_alias(self.text)
        if found is None:
            return self.fail(message, node, path)
        line, col, where = found
        return TrunklineError(message, Location(self.display, path_pointer(where), line, col))


def _bad_alias(text: str) -> tuple[int, int, Any] | None:
    """Line, column and path of the first alias inside its own anchor or past the alias budget."""
    sizes: dict[str, int] = {}
    open_anchors: set[str] = set()
    added = 0
    # per open collection: [path, is mapping, next key or index, expecting a key, nodes inside, anchor]
    frames: list[list[Any]] = []
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            frame = frames.pop()
            size = 1 + frame[4]
            if frame[5] is not None:
                sizes[frame[5]] = size
                open_anchors.discard(frame[5])
            if frames:
                _advance(frames[-1], size)
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        top = frames[-1] if frames else None
        if top is not None and top[1] and top[3]:  # a mapping key: only its text matters
            top[2], top[3] = (event.value if isinstance(event, yaml.ScalarEvent) else "?"), False
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                frames.append([None, False, 0, False, 0, None])  # a complex key, walked and dropped
            continue
        here = None if top is None else (top[0], top[2])
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(str(event.anchor), 1)
            added += size
            if event.anchor in open_anchors or added > MAX_ALIAS_NODES:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, here) if mark is not None else (0, 0, here)
            if top is not None:
                _advance(top, size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            if top is not None:
                _advance(top, 1)
        else:
            if event.anchor is not None:
                open_anchors.add(event.anchor)
            frames.append([here, isinstance(event, yaml.MappingStartEvent), 0, True, 0, event.anchor])
    return None


def _advance(frame: list[Any], size: int) -> None:
    """Count a finished member of a collection and move to its next key or index."""
    frame[4] += size
    if frame[1]:
        frame[3] = True
    else:
        frame[2] += 1


def _key_text(key: yaml.ScalarNode) -> str:
    """The string a scalar mapping key becomes in the data (`true` for a boolean, etc.)."""
    if key.tag == "tag:yaml.org,2002:bool":
        return "true" if key.value.lower() in ("true", "yes", "on") else "false"
    if key.tag == "tag:yaml.org,2002:null":
        return "null"
    return str(key.value)


# -- $refs and bundling ----------------------------------------------------------------


class _Bundler:
    """Loads the local files external `$ref`s name and rewrites those refs to local pointers."""

    def __init__(self, main: Document) -> None:
        self.main = main
        self.root_dir = main.path.resolve().parent
        self.keys: dict[Path, str] = {main.path.resolve(): ""}
        self.queue: list[tuple[Document, str]] = [(main, "")]
        self.size = len(main.text)  # bytes read so far, the main file's counted as characters

    def run(self) -> None:
        """Rewrite every `$ref` of the main file and of each file it reaches."""
        while self.queue:
            document, key = self.queue.pop(0)
            prefix = _BUNDLE_PREFIX + escape_token(key) if key else ""
            for ptr, node in sorted(document._ref_nodes, key=lambda item: item[0]):
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
        if not path.exists():
            raise TrunklineError(f"`$ref` {written!r} names a file that does not exist ({shown}); fix the path", where)
        if not path.is_file():
            raise TrunklineError(f"`$ref` {written!r} names {shown}, which is not a regular file (a directory, device, "
                                 "FIFO or socket); point it at a spec file", where)
        key = self.keys.get(path)
        if key is None:
            self.size += path.stat().st_size
            if self.size > MAX_FILE_BYTES:
                raise TrunklineError(
                    f"the spec and the files its `$ref`s name are larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB "
                    "together, more than any API spec needs; this `$ref` goes past that", where)
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
