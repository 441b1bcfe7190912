"""Limits and checks that make any spec file safe to hand on after loading.

A spec is untrusted input: it may be huge, nest without end, expand YAML aliases into billions
of nodes, hold values JSON has no type for, or name references that only a network fetch could
resolve. `load` refuses each of these with a located error; later stages may then assume plain,
bounded JSON-shaped data whose only reference keyword is a local `$ref`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.errors import Location, TrunklineError

if TYPE_CHECKING:
    from generator.reading.load import Document, Ref

MAX_FILE_BYTES = 64 * 1024 * 1024  # the largest public specs (Microsoft Graph) are about 20 MB
MAX_YAML_NODES = 3_000_000  # upper bound by `yaml_node_bound`: ~1 GB of YAML nodes; Stripe's 4 MB counts 460,000
MAX_DEPTH = 64  # nested objects and arrays; real specs stay under 25, the validator fails near 100
MAX_ALIAS_NODES = 100_000  # nodes YAML aliases may add to a document (billion laughs adds 10**9)
MAX_REF_CHAIN = 32  # `$ref`s in a row that point at another `$ref`
MAX_EXPANDED_DEPTH = 256  # nesting with every `$ref` followed once; Stripe reaches 134, generation fails near 400
MAX_INT_DIGITS = 1000  # an int64 has 19; Python refuses to print ints past 4,300 digits

_MAX_INT = 10**MAX_INT_DIGITS
_SURROGATE = re.compile("[\ud800-\udfff]")
# Text that may decode to a lone surrogate: a \uD800-\uDFFF escape (JSON, YAML) or \U0000D800.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")

# `$` keywords with a non-object value that may pass: `$ref` is resolved by `load`, `$comment`
# is a comment, `$schema` names a dialect (a string, never fetched: the models stage never sees
# it, and lint's validator reports a dialect it does not know).
_ALLOWED_DOLLAR = frozenset({"$ref", "$comment"})
# Keys whose values are data (examples, defaults, extensions), not schema keywords.
_DATA_KEYS = frozenset({"example", "examples", "default", "const", "enum", "value"})

LinkedPath = tuple[Any, ...] | None  # a linked path: (parent path, token) or None for the root


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in one mapping: its pointer and, for YAML, the second key's line and column."""

    ptr: str
    key: str
    line: int = 0
    col: int = 0


def escape_token(token: str) -> str:
    """Escape one JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def path_pointer(path: LinkedPath) -> str:
    """The JSON pointer of a linked path."""
    parts: list[str] = []
    while path is not None:
        path, token = path
        parts.append(escape_token(str(token)))
    return "".join("/" + part for part in reversed(parts))


def yaml_node_bound(text: str) -> int:
    """An upper bound on the nodes YAML text composes to, counted at C speed before composing it.

    Every node but the first starts a line or follows one of `,[{:-?`; a mapping entry may add an
    implicit null, hence twice. Composing keeps a Python object per node (hundreds of bytes), so
    a dense file of a few MB can take gigabytes; this bound refuses such a file first.
    """
    return 2 * (1 + sum(text.count(char) for char in "\n,[{:-?"))


def may_hold_surrogates(text: str) -> bool:
    """Whether the text has an escape that could decode to a lone surrogate (decoded UTF-8 has none)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def surrogate_error(location: Location) -> TrunklineError:
    """A key or string must be Unicode text: a lone surrogate breaks every file it is written to."""
    return TrunklineError(
        "a string holds a lone UTF-16 surrogate (like \\ud800), which is not Unicode text; "
        "write the character itself or a valid surrogate pair", location)


def has_surrogate(text: str) -> bool:
    """Whether a string holds a lone surrogate."""
    return _SURROGATE.search(text) is not None


def number_problem(value: float) -> str | None:
    """Why a number cannot be rendered (too long an integer, not finite), or None."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"the number {value} is not finite: JSON has no infinity or NaN; write a finite number"
    elif value.bit_length() > 3321 and abs(value) >= _MAX_INT:
        return f"an integer of more than {MAX_INT_DIGITS} digits; no API value needs one, shorten it"
    return None


def scan(
    data: Any, locate: Callable[[str], Location], duplicates: dict[int, list[str]], check_strings: bool,
) -> tuple[list[tuple[str, dict[str, Any]]], list[Duplicate]]:
    """Walk the data once: refuse what is not safe to hand on; every `$ref` holder and duplicate key.

    Refused everywhere: nesting past MAX_DEPTH, `$` keywords other than `$ref`, `$comment` and a
    known `$schema` (outside data such as examples, defaults and `x-` extensions). With
    `check_strings` (the text may hold one): keys and strings that are not Unicode text.
    `duplicates` maps the id of a parsed object to the keys it had twice (JSON). A `$ref` under
    an `example` is example data, not a reference.
    """
    refs: list[tuple[str, dict[str, Any]]] = []
    found: list[Duplicate] = []
    pointers: dict[int, tuple[LinkedPath, str]] = {}  # id of a linked path -> the path (kept alive) and its pointer
    stack: list[tuple[Any, LinkedPath, int, bool]] = [(data, None, 0, False)]  # node, linked path, depth, under `example`
    while stack:
        node, path, depth, in_example = stack.pop()
        if depth > MAX_DEPTH:
            raise TrunklineError(
                f"the data nests more than {MAX_DEPTH} levels deep; no API needs that, flatten it "
                "(give nested schemas names under components and `$ref` them)", locate(path_pointer(path)))
        if type(node) is dict:
            if duplicates and id(node) in duplicates:
                ptr = path_pointer(path)
                found.extend(Duplicate(f"{ptr}/{escape_token(key)}", key) for key in duplicates[id(node)])
            if not in_example and "$ref" in node and type(node["$ref"]) is str:
                refs.append((_cached_pointer(path, pointers), node))
            for key, value in node.items():
                if type(value) in _CONTAINERS:
                    stack.append((value, (path, key), depth + 1, in_example or key == "example"))
                elif key[:1] == "$" and key not in _ALLOWED_DOLLAR and not _under_data(path):
                    _refuse_keyword(key, value, locate(path_pointer((path, key))))
            if check_strings:
                _check_members(node.items(), path, locate)
        else:
            for index, value in enumerate(node):
                if type(value) in _CONTAINERS:
                    stack.append((value, (path, index), depth + 1, in_example))
            if check_strings:
                _check_members(enumerate(node), path, locate)
    return refs, found


def _under_data(path: LinkedPath) -> bool:
    """Whether a linked path runs through data (an example, a default, an `x-` extension), not schema keywords."""
    while path is not None:
        path, token = path
        if type(token) is str and (token in _DATA_KEYS or token.startswith("x-")):
            return True
    return False


_CONTAINERS = frozenset({dict, list})


def _cached_pointer(path: LinkedPath, pointers: dict[int, tuple[LinkedPath, str]]) -> str:
    """`path_pointer`, reusing the pointers of paths already seen (refs share long prefixes)."""
    if path is None:
        return ""
    known = pointers.get(id(path))
    if known is None:
        parent, token = path
        known = (path, _cached_pointer(parent, pointers) + "/" + escape_token(str(token)))
        pointers[id(path)] = known
    return known[1]


def _check_members(members: Any, path: LinkedPath, locate: Callable[[str], Location]) -> None:
    """Refuse a key or string that is not Unicode text."""
    for key, value in members:
        if type(key) is str and has_surrogate(key):  # the key cannot be printed: point at its object
            raise surrogate_error(locate(path_pointer(path)))
        if type(value) is str and has_surrogate(value):
            raise surrogate_error(locate(path_pointer((path, key))))


def _refuse_keyword(key: str, value: Any, where: Location) -> None:
    """Only `$ref`, `$comment` and a `$schema` string; other `$` keywords would need a fetch."""
    if key == "$schema" and isinstance(value, str):
        return
    if key == "$schema":
        raise TrunklineError(f"`$schema` must be the URI of a dialect, not {type(value).__name__}; remove it", where)
    raise TrunklineError(
        f"`{key}` is a JSON Schema keyword Trunkline cannot resolve without the network; only local "
        "`$ref`s are followed: replace it with a `$ref` to the schema it means", where)


def check_dialect(data: dict[str, Any], locate: Callable[[str], Location]) -> None:
    """`jsonSchemaDialect` (OpenAPI 3.1) is the URI of a dialect: a string, never fetched."""
    dialect = data.get("jsonSchemaDialect")
    if dialect is not None and not isinstance(dialect, str):
        raise TrunklineError(
            f"`jsonSchemaDialect` must be the URI of a dialect, not {type(dialect).__name__}; remove it", locate("/jsonSchemaDialect"))


def check_ref_chains(document: Document) -> None:
    """Refuse a run of more than MAX_REF_CHAIN `$ref`s each pointing at another `$ref` (cycles are preflight's)."""
    length: dict[str, int] = {}  # target -> how many targets the chain from it reaches, itself included
    for ref in document.refs:
        chain: list[str] = []
        seen: set[str] = set()
        target = ref.target
        while target not in length and target not in seen and len(chain) <= MAX_REF_CHAIN:
            chain.append(target)
            seen.add(target)
            try:
                node = document.resolve(target)
            except (KeyError, IndexError, ValueError, TypeError):
                break
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            target = node["$ref"]
        tail = length.get(target, 0)
        for hop in reversed(chain):
            tail += 1
            length[hop] = tail
        if tail > MAX_REF_CHAIN:
            raise TrunklineError(
                f"more than {MAX_REF_CHAIN} `$ref`s in a row, each pointing at another `$ref`; "
                "point the `$ref` at the schema itself", document.locate(ref.ptr + "/$ref"))


def expanded_depth(document: Document) -> tuple[int, str]:
    """How deep the data nests when every `$ref` is replaced by its target (a cycle followed once); and the deepest ref.

    Exact when the references form no cycle; a walker that follows references recursively (the
    model generator) goes this deep. Counted in pointer levels: each `$ref` adds the levels
    between its target and the next `$ref` inside that target.
    """
    refs = sorted(document.refs, key=lambda ref: ref.ptr)
    ptrs = [ref.ptr for ref in refs]
    below: dict[str, int] = {}  # target -> deepest levels reached under it

    def inside(target: str) -> list[Ref]:
        """The refs at `target` and under it (pointers under it sort between target/ and target0)."""
        at = bisect.bisect_left(ptrs, target)
        found = refs[at : at + 1] if at < len(ptrs) and ptrs[at] == target else []
        return found + refs[bisect.bisect_left(ptrs, target + "/") : bisect.bisect_left(ptrs, target + "0")]

    deepest, where = 0, ""
    for ref in refs:
        target = ref.target[1:]
        stack: list[tuple[str, list[Ref], int]] = [] if target in below else [(target, inside(target), 0)]
        on_stack = {target}
        while stack:
            current, pending, best = stack[-1]
            if not pending:
                stack.pop()
                on_stack.discard(current)
                below[current] = best
                continue
            inner = pending[-1]
            nxt = inner.target[1:]
            if nxt in below or nxt in on_stack:  # known, or a cycle: followed once
                pending.pop()
                levels = inner.ptr.count("/") - current.count("/")
                stack[-1] = (current, pending, max(best, levels + below.get(nxt, 0)))
            else:
                stack.append((nxt, inside(nxt), 0))
                on_stack.add(nxt)
        depth = ref.ptr.count("/") + below.get(target, 0)
        if depth > deepest:
            deepest, where = depth, ref.ptr
    return deepest, where


def check_expanded_depth(document: Document) -> None:
    """Refuse schemas that nest past MAX_EXPANDED_DEPTH levels once `$ref`s are followed (a long chain of schemas)."""
    depth, where = expanded_depth(document)
    if depth > MAX_EXPANDED_DEPTH:
        raise TrunklineError(
            f"the schemas nest {depth} levels deep once `$ref`s are followed (at most {MAX_EXPANDED_DEPTH}): "
            "a chain of schemas, each referring to the next, too long to generate; shorten it",
            document.locate(where + "/$ref"))


def refuse_duplicates(document: Document) -> None:
    """Generation refuses a key written twice, in the spec or a file it `$ref`s: the parser keeps only the last."""
    for part in (document, *document.bundled.values()):
        for duplicate in part.duplicates:
            raise TrunklineError(
                f"key {duplicate.key!r} appears twice in this mapping; only the last one would count, so merge them",
                locate_duplicate(part, duplicate))


def locate_duplicate(document: Document, duplicate: Duplicate) -> Location:
    """Where a duplicate key is: its own line and column (YAML), else where its pointer leads."""
    location = document.locate(duplicate.ptr)
    return Location(location.file, duplicate.ptr, duplicate.line, duplicate.col) if duplicate.line else location

