"""The intermediate representation: everything the templates need, already Python-safe."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.errors import TrunklineError
from generator.modeling.naming import is_identifier


# -- types ---------------------------------------------------------------------------
# The type of a parameter, body or answer is a small tree, built by `schemas.type_of` and `build`
# and spelled as Python in one place (`rendering.types.source`). Each node checks what it holds
# when it is built, so no spec text can reach generated code as a name.
def _bug(what: str) -> TrunklineError:
    return TrunklineError(f"{what}; this is a Trunkline bug, please report it with the spec")


# (name, format): the scalars a client argument or answer can be; a format only where it changes the Python type
_PRIMITIVES = frozenset({
    ("str", ""), ("str", "date"), ("str", "date-time"), ("int", ""), ("float", ""), ("bool", ""), ("bytes", ""),
})
_FILES = frozenset({"FileContent", "FileInput"})


@dataclass(frozen=True)
class Primitive:
    """A scalar: `str`, `int`, `float`, `bool` or `bytes`; a string's `format` (date, date-time) picks a date type."""

    name: str
    format: str = ""

    def __post_init__(self) -> None:
        """Refuse a scalar the client has no type for."""
        if (self.name, self.format) not in _PRIMITIVES:
            raise _bug(f"no Python type for the scalar {self.name!r} with format {self.format!r}")


@dataclass(frozen=True)
class ModelRef:
    """A class of the models package, by its class name."""

    name: str

    def __post_init__(self) -> None:
        """Refuse a name that is no identifier: it is written into code as it is."""
        if not is_identifier(self.name):
            raise _bug(f"model name {self.name!r} is not a Python identifier")


@dataclass(frozen=True)
class ListOf:
    """A JSON array: `list[item]`."""

    item: Type


@dataclass(frozen=True)
class MapOf:
    """A JSON object without a class: `dict[str, value]`."""

    value: Type


@dataclass(frozen=True, eq=False)
class LiteralOf:
    """Exact values (`enum`, `const`): `Literal[...]`; strings, integers, booleans and None only."""

    values: tuple[str | int | bool | None, ...]

    def __post_init__(self) -> None:
        """Refuse an empty Literal or a value a Literal may not hold (floats, containers)."""
        if not self.values or not all(v is None or isinstance(v, (str, int, bool)) for v in self.values):
            raise _bug(f"Literal of {self.values!r}")

    def _key(self) -> tuple[tuple[str, str | int | bool | None], ...]:
        return tuple((type(v).__name__, v) for v in self.values)

    def __eq__(self, other: object) -> bool:
        """Equal values of equal types: `Literal[1]` is not `Literal[True]`, though `1 == True`."""
        return isinstance(other, LiteralOf) and self._key() == other._key()

    def __hash__(self) -> int:
        """Hash by typed values, as equality compares."""
        return hash(self._key())


@dataclass(frozen=True)
class UnionOf:
    """`A | B | ...`: two or more members, none a union itself; build it with `union`."""

    members: tuple[Type, ...]

    def __post_init__(self) -> None:
        """Refuse a union that `union` would not build."""
        if len(self.members) < 2 or any(isinstance(m, UnionOf) for m in self.members):
            raise _bug(f"malformed union {self.members!r}")


@dataclass(frozen=True)
class AnyType:
    """Any JSON value: `Any`."""


@dataclass(frozen=True)
class NoneType:
    """JSON null, or an answer without a body: `None`."""


@dataclass(frozen=True)
class FileType:
    """A type of the runtime module for files: `FileContent` (a whole binary body), `FileInput` (one multipart file)."""

    name: str

    def __post_init__(self) -> None:
        """Refuse a name the runtime does not define."""
        if self.name not in _FILES:
            raise _bug(f"no runtime file type {self.name!r}")


Type = Primitive | ModelRef | ListOf | MapOf | LiteralOf | UnionOf | AnyType | NoneType | FileType
ANY = AnyType()
NONE = NoneType()


def members(tp: Type) -> tuple[Type, ...]:
    """The members of a union, or the type itself as the one member."""
    return tp.members if isinstance(tp, UnionOf) else (tp,)


def union(parts: Iterable[Type], any_absorbs: bool = True) -> Type:
    """The union of `parts`: nested unions flattened, each member once in first-seen order, None last.

    With `any_absorbs` a member `Any` makes the whole union `Any`; without it, `Any | None` stays
    (an answer that may be anything or nothing).
    """
    seen: list[Type] = []
    for part in parts:
        for member in members(part):
            if member not in seen:
                seen.append(member)
    if any_absorbs and ANY in seen:
        return ANY
    if NONE in seen:
        seen.remove(NONE)
        seen.append(NONE)
    if not seen:
        return ANY
    return seen[0] if len(seen) == 1 else UnionOf(tuple(seen))


@dataclass(frozen=True)
class Param:
    """One operation parameter: its Python name and how it goes on the wire."""

    name: str  # Python keyword argument
    wire: str  # name in the request
    location: str  # path, query, header, cookie
    type: Type
    required: bool
    description: str = ""
    style: str = "simple"
    explode: bool = False
    default: Any = None
    has_default: bool = False
    allow_reserved: bool = False
    content: str = ""  # a `content`-based parameter's media type: the value goes as JSON text
    # a required parameter's valid value built from the schema (default, example, enum, placeholder): the README's fallback
    sample: Any = field(default=None, hash=False, compare=False)


@dataclass(frozen=True)
class BodyField:
    """One field of a flattened JSON request body."""

    name: str
    wire: str
    type: Type
    required: bool
    description: str = ""


@dataclass(frozen=True)
class FieldEncoding:
    """How one form or multipart body field goes on the wire: its `encoding` entry, defaults filled in."""

    wire: str
    style: str = "form"
    explode: bool = True
    allow_reserved: bool = False
    content_type: str = ""  # multipart: the `contentType` (a type, a list or ranges; "" the default); form: a JSON one, else ""
    file: bool = False  # binary (`format: binary`, `contentMediaType`): a file part with a filename


@dataclass(frozen=True)
class Body:
    """The request body: a content type and either flattened fields or one `body` argument."""

    content_type: str
    type: Type
    required: bool
    fields: tuple[BodyField, ...] | None  # None: passed whole as `body`
    kind: str = "json"  # json, form, multipart, binary, text
    description: str = ""
    encoding: tuple[FieldEncoding, ...] = ()  # form and multipart: only fields that differ from the default
    # a valid body built from the schema, every property: where the README takes values the examples lack
    sample: Any = field(default=None, hash=False, compare=False)


@dataclass(frozen=True)
class MediaAnswer:
    """One media type a response is documented in, and how a body of that type reads."""

    media_type: str
    kind: str  # json, binary, text
    type: Type


@dataclass(frozen=True)
class Reading:
    """How bodies of some of a response's media types read: one kind and type for all of them."""

    kind: str
    type: Type
    media_types: tuple[str, ...]


@dataclass(frozen=True)
class Response:
    """One documented response: status, how its body reads, and its Python type."""

    status: str  # "200", "4XX", "default"
    kind: str  # json, binary, text, empty
    type: Type  # NONE when empty
    content_type: str = ""  # the media type the body is read as when the answer's Content-Type is not documented
    media_types: tuple[str, ...] = ()  # every media type it is documented in (none: an empty answer)
    # each documented media type with its own reading (kind and type), in the spec's order
    answers: tuple[MediaAnswer, ...] = ()

    @property
    def readings(self) -> tuple[Reading, ...]:
        """The documented media types grouped by how they read, `content_type`'s first; one when all read alike."""
        groups: dict[tuple[str, Type], list[str]] = {(self.kind, self.type): []}
        for answer in self.answers:
            groups.setdefault((answer.kind, answer.type), []).append(answer.media_type)
        return tuple(Reading(kind, tp, tuple(types)) for (kind, tp), types in groups.items())

    @property
    def types(self) -> tuple[Type, ...]:
        """The types a body of this response may read as, `content_type`'s first."""
        return tuple(dict.fromkeys(reading.type for reading in self.readings))


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages, from `x-pagination`."""

    style: str
    items: tuple[str, ...]
    item_type: Type
    next: tuple[str, ...] = ()
    page_param: str = ""
    size_param: str = ""
    last_page: tuple[str, ...] = ()
    offset_param: str = ""
    limit_param: str = ""
    total: tuple[str, ...] = ()
    cursor_param: str = ""


@dataclass(frozen=True)
class Example:
    """One documented exchange of an operation, for the README and the replay."""

    name: str
    path: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    body: Any
    has_body: bool
    status: str | None
    response: Any
    has_response: bool
    response_headers: dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One API operation as a client method."""

    operation_id: str
    method_name: str
    http_method: str
    path: str
    summary: str
    description: str
    params: tuple[Param, ...]
    body: Body | None
    responses: tuple[Response, ...]
    return_type: Type
    security: tuple[tuple[str, ...], ...]  # alternatives; each a set of scheme keys applied together
    pagination: Pagination | None
    examples: tuple[Example, ...]
    deprecated: bool = False
    undocumented: bool = False
    server: str | None = None  # the operation's own server URL (variables at their defaults), if not the API's
    accept: str = ""  # the media types of its success answers, for the Accept header ("" when none)


@dataclass(frozen=True)
class Namespace:
    """A group of operations, one per tag: `client.calls`."""

    attribute: str
    class_name: str
    description: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class SecurityScheme:
    """How one security scheme puts a credential on a request."""

    key: str  # the scheme's name in the spec
    kind: str  # bearer, basic, apikey
    credential: str  # constructor argument that holds the secret
    location: str = "header"  # header, query, cookie (apikey)
    wire: str = ""  # header, query or cookie name (apikey)
    example: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Credential:
    """A constructor argument holding a secret, and the environment variable behind it."""

    name: str
    env: str
    description: str


@dataclass(frozen=True)
class ServerVariable:
    """A variable in the base URL (`{domain}`), a constructor argument with a default."""

    name: str  # Python argument
    wire: str
    default: str
    description: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Package:
    """One generated client package."""

    vendor: str
    dist_name: str
    module: str
    title: str
    description: str
    api_version: str
    version: str
    source: str
    env_prefix: str
    base_url: str
    server_variables: tuple[ServerVariable, ...]
    schemes: tuple[SecurityScheme, ...]
    credentials: tuple[Credential, ...]
    security: tuple[tuple[str, ...], ...]
    namespaces: tuple[Namespace, ...]
    model_defs: dict[str, Any] = field(hash=False, compare=False)
    # component schema key -> its model's class name, so nothing the spec names is lost
    component_models: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    api_name: str = ""  # the title as a noun phrase ending in "API": "Monica API", "Hipcall API"
    urls: tuple[tuple[str, str], ...] = ()  # Project-URLs from the configuration (label, URL): pyproject and README
    client_prefix: str = ""

    @property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation of every namespace."""
        return tuple(op for ns in self.namespaces for op in ns.operations)

    @property
    def has_operation_servers(self) -> bool:
        """Whether some operation is served from a host of its own."""
        return any(op.server for op in self.operations)
