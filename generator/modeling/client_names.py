"""The one naming authority of a client: the Python names build gives, and where they had to diverge.

Build takes every namespace, method, argument and client argument from `client_names`; lint's
`python-name-collision` reports each `Renamed` it lists, so a spec lints clean exactly when no
name the user types got a suffix (`list_2`) or had to step aside for a name the client keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.modeling.naming import (
    CLIENT_ARGUMENTS,
    CLIENT_ATTRIBUTES,
    METHOD_LOCALS,
    NAMESPACE_ATTRIBUTES,
    RUNTIME_NAMES,
    Namer,
    attribute,
    method_name,
    namespace,
    path_namespace,
    resource_class,
)
from generator.reading.load import Document, pointer
from generator.reading.spec import OperationRef, follow, operations, parameters, scheme_kind


@dataclass(frozen=True)
class Renamed:
    """A name that is not what the spec text asks for: it clashed with `other` (spec text), or with a name the client keeps (None)."""

    kind: str  # "namespace", "method", "argument", "credential", "server variable"
    ptr: str  # where the spec text that asked for it is written
    text: str
    wanted: str
    given: str
    other: str | None


@dataclass
class ClientNames:
    """Every name a client gets from its spec, keyed the way build asks for them."""

    tags: dict[str, str] = field(default_factory=dict)  # operation key (`get /a`) -> its tag
    namespaces: dict[str, str] = field(default_factory=dict)  # tag -> client attribute, in first-use order
    resources: dict[str, str] = field(default_factory=dict)  # tag -> namespace class
    methods: dict[str, str] = field(default_factory=dict)  # operation key -> method name
    arguments: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)  # operation key -> (in, name) -> argument
    client_arguments: dict[str, str] = field(default_factory=dict)  # `credential:<name>` / `server:<name>` -> argument
    renamed: list[Renamed] = field(default_factory=list)


class _Scope:
    """One `Namer` that remembers which spec text got each name, to say what a suffixed name collided with."""

    def __init__(self, kind: str, taken: frozenset[str] | set[str], out: list[Renamed]) -> None:
        self.kind, self.namer, self.out = kind, Namer(taken), out
        self.keys: set[str] = set()
        self.holders: dict[str, str] = {}  # name given -> the spec text it was given for

    def name(self, wanted: str, key: str, text: str, ptr: str) -> str:
        """The unique name for `key` (the same on every call), recording a `Renamed` the first time it is not `wanted`."""
        given = self.namer.unique(wanted, key=key)
        if key not in self.keys:
            self.keys.add(key)
            if given != wanted:
                self.out.append(Renamed(self.kind, ptr, text, wanted, given, self.holders.get(wanted)))
            self.holders[given] = text
        return given


def operation_tag(op: OperationRef) -> str:
    """The tag whose namespace holds `op`: its first tag, else the first literal path segment."""
    tags = op.node.get("tags")
    return str(tags[0]) if isinstance(tags, list) and tags else path_namespace(op.path)


def client_names(document: Document) -> ClientNames:
    """The names build gives `document`'s client; tolerant of malformed nodes, which lint reads too."""
    names = ClientNames()
    grouped: dict[str, list[OperationRef]] = {}
    for op in operations(document, strict=False):
        names.tags[op.key] = operation_tag(op)
        grouped.setdefault(names.tags[op.key], []).append(op)
    spaces = _Scope("namespace", CLIENT_ATTRIBUTES, names.renamed)
    classes: set[str] = set()
    for tag, ops in grouped.items():
        first = ops[0]
        where = first.ptr + "/tags/0" if isinstance(first.node.get("tags"), list) and first.node["tags"] else first.ptr
        names.namespaces[tag] = spaces.name(namespace(tag), tag, tag, where)
        names.resources[tag] = resource_class(names.namespaces[tag], classes)
        methods = _Scope("method", NAMESPACE_ATTRIBUTES, names.renamed)
        for op in ops:
            operation_id = str(op.node.get("operationId") or f"{op.method}_{op.path}")
            where = op.ptr + "/operationId" if "operationId" in op.node else op.ptr
            names.methods[op.key] = methods.name(method_name(operation_id, tag, op.method, op.path), op.key, operation_id, where)
            names.arguments[op.key] = _arguments(document, op, names.renamed)
    _client_arguments(document, names)
    return names


def _arguments(document: Document, op: OperationRef, out: list[Renamed]) -> dict[tuple[str, str], str]:
    """The argument of each parameter of one operation, (location, wire name) -> Python name."""
    scope = _Scope("argument", RUNTIME_NAMES | METHOD_LOCALS, out)
    found: dict[tuple[str, str], str] = {}
    for param, ptr in parameters(document, op, strict=False):
        location, wire = str(param.get("in")), str(param.get("name"))
        where = ptr + "/name" if "name" in param else ptr
        found[(location, wire)] = scope.name(attribute(wire), f"{location}:{wire}", wire, where)
    return found


def _client_arguments(document: Document, names: ClientNames) -> None:
    """Credentials (one per distinct `x-credential`), then the first server's variables, as `Client(...)` arguments."""
    scope = _Scope("credential", RUNTIME_NAMES | CLIENT_ARGUMENTS, names.renamed)
    components = document.data.get("components")
    raw = components.get("securitySchemes") if isinstance(components, dict) else None
    schemes: dict[str, Any] = raw if isinstance(raw, dict) else {}
    for key, node in schemes.items():
        ptr = pointer("components", "securitySchemes", key)
        node, ptr = follow(document, node, ptr)
        if not isinstance(node, dict) or scheme_kind(node) is None:
            continue
        wanted = node.get("x-credential") or ("api_key" if len(schemes) == 1 else attribute(str(key)))
        where = ptr + "/x-credential" if "x-credential" in node else ptr
        names.client_arguments[f"credential:{wanted}"] = scope.name(attribute(str(wanted)), f"credential:{wanted}", str(wanted), where)
    scope.kind = "server variable"
    servers = document.data.get("servers") or [{"url": "/"}]
    server = servers[0] if isinstance(servers, list) and servers and isinstance(servers[0], dict) else {}
    variables = server.get("variables")
    for wire in variables if isinstance(variables, dict) else {}:
        where = pointer("servers", 0, "variables", wire)
        names.client_arguments[f"server:{wire}"] = scope.name(attribute(str(wire)), f"server:{wire}", str(wire), where)
