"""Every name the generated code uses: Python-safe, readable, collision-free, stable.

Spec text (tags, operationIds, parameter, property and schema names, enum values) never
reaches generated code as an identifier except through these functions, so every name is
an ASCII identifier that is no keyword and shadows nothing the generated code relies on.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from generator.errors import TrunklineError

_RESERVED_ATTRS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
# Names generated modules import or define at module level, or method bodies use (`dict[str, Any]`);
# a parameter may not shadow them.
RUNTIME_NAMES = frozenset(
    {"models", "httpx", "typing", "datetime", "Any", "Literal", "NotGiven", "NOT_GIVEN", "RequestOptions",
     "Page", "AsyncPage", "AsyncPager", "request_options", "annotations", "builtins", "cast", "cached_property",
     "str", "dict"}
)
# Keyword arguments of `Client(...)`: a credential or server variable may not take them.
CLIENT_ARGUMENTS = frozenset(
    {"base_url", "timeout", "max_retries", "retry", "retry_non_idempotent", "auth_scheme", "max_response_size",
     "default_headers", "http_client", "sleep", "clock"}
)
# Attributes of `Client` and `AsyncClient` besides namespaces: a tag may not take them.
CLIENT_ATTRIBUTES = frozenset(
    {"with_raw_response", "close", "aclose", "base_url", "timeout", "retry", "retry_non_idempotent", "models",
     "with_options", "copy", "is_closed", "auth_scheme", "max_response_size"}
)
# Arguments and locals of a generated method besides its parameters.
METHOD_LOCALS = frozenset({"self", "request_options", "body"})
# Attributes of a namespace class besides its methods.
NAMESPACE_ATTRIBUTES = frozenset({"with_raw_response", "close", "aclose"})
_CLASS_RESERVED = frozenset(
    {"BaseModel", "RootModel", "Field", "ConfigDict", "Enum", "IntEnum", "StrEnum", "Any", "Literal", "Annotated",
     "AwareDatetime", "NaiveDatetime", "date", "datetime", "time", "timedelta", "UUID", "Decimal", "Optional",
     "Union", "List", "Dict", "Type", "TypeAdapter", "models", "AnyUrl", "AnyHttpUrl", "EmailStr", "Unused",
     "PastDate", "FutureDate", "Base64Str", "Base64Bytes", "Json", "SecretStr", "StringConstraints"}
) | frozenset(dir(builtins))
# Public attributes of pydantic's BaseModel (v2); a model field may not shadow them.
MODEL_ATTRIBUTES = frozenset(
    {"construct", "copy", "dict", "from_orm", "json", "model_computed_fields", "model_config", "model_construct",
     "model_copy", "model_dump", "model_dump_json", "model_extra", "model_fields", "model_fields_set",
     "model_json_schema", "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
     "model_validate_json", "model_validate_strings", "parse_file", "parse_obj", "parse_raw", "schema",
     "schema_json", "update_forward_refs", "validate", "root"}
)
_VERSION_SEGMENT = re.compile(r"(?i)v\d+(\.\d+)*|api")
_VENDOR = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
# File names: a module name derived from spec text is at most this long (with `.py` and a `_2`
# suffix still far below the 255 bytes filesystems allow, and any path component below 100).
MAX_MODULE = 80
MAX_PATH_COMPONENT = 100
MAX_VENDOR = 64
# Device names Windows reserves whatever the extension (`con.py`, `Aux.txt`): a file so named cannot be written.
_DEVICE = re.compile(r"(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)")


def words(text: str) -> list[str]:
    """Split any text into lowercase ASCII words: `StartTime<` -> ['start', 'time', 'lt']."""
    return list(_words(text))


@functools.lru_cache(maxsize=65536)  # a big spec names the same keys tens of thousands of times
def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    for symbol, word in (("<=", " le "), (">=", " ge "), ("<", " lt "), (">", " gt "), ("=", " eq ")):
        text = text.replace(symbol, word)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return tuple(w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w)


def _signed(text: str) -> str:
    """Give a leading sign a word so `+1` and `-1` stay distinct."""
    stripped = text.strip()
    if stripped[:1] == "+":
        return "plus " + stripped[1:]
    if stripped[:1] == "-":
        return "minus " + stripped[1:]
    return text


def snake(text: str) -> str:
    """snake_case identifier for any text; never empty, never starting with a digit."""
    name = "_".join(words(_signed(text))) or "value"
    return "_" + name if name[0].isdigit() else name


def pascal(text: str) -> str:
    """PascalCase identifier for any text."""
    name = "".join(w[:1].upper() + w[1:] for w in words(_signed(text))) or "Value"
    return "_" + name if name[0].isdigit() else name


def upper_snake(text: str) -> str:
    """UPPER_SNAKE_CASE identifier for any text."""
    return snake(text).upper()


def attribute(text: str) -> str:
    """A snake_case name safe as a parameter or attribute: keywords get a trailing underscore."""
    name = snake(text)
    return name + "_" if name in _RESERVED_ATTRS or name in RUNTIME_NAMES else name


def class_name(text: str) -> str:
    """A PascalCase class name that shadows no builtin or typing name and is public (`0` is `Model0`)."""
    name = pascal(text)
    if name.startswith("_"):
        return "Model" + name[1:]
    return name + "Model" if name in _CLASS_RESERVED else name


def field_name(text: str) -> str:
    """A model field name: snake_case, public (pydantic hides `_x`), clear of BaseModel's attributes and `model_`."""
    name = snake(text)
    if name.startswith("_"):
        name = "field" + name
    elif name.startswith("model_"):  # pydantic < 2.10 reserves the whole `model_` prefix
        name = "field_" + name
    if keyword.iskeyword(name) or name in MODEL_ATTRIBUTES:
        name += "_"
    return name


def enum_member(text: str) -> str:
    """An enum member name: UPPER_SNAKE_CASE, never `_sunder_` or private."""
    name = upper_snake(text)
    return "V" + name if name.startswith("_") else name


def field_names(keys: Iterable[str]) -> dict[str, str]:
    """Python names of the properties of one model, distinct and in property order."""
    names = Namer(MODEL_ATTRIBUTES)
    return {key: names.unique(field_name(key), key=key) for key in keys}


def enum_members(values: Sequence[Any], given: Sequence[Any] | None = None) -> list[str]:
    """Member names of one enum: the spec's `x-enum-varnames` made safe, else the values."""
    names = Namer({"MRO"})
    sources = list(given) if given is not None and len(given) == len(values) else [None] * len(values)
    result = []
    for value, wanted in zip(values, sources):
        text = str(wanted) if wanted is not None else (value if isinstance(value, str) else _value_words(value))
        result.append(names.unique(enum_member(text), key=repr(value)))
    return result


def _value_words(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, (int, float)):
        return ("minus " if value < 0 else "") + "number " + str(abs(value)).replace(".", " point ")
    return str(value)


def namespace(tag: str) -> str:
    """The client attribute of a tag (before collisions are resolved); it names the tag's module too."""
    return module_name(attribute(tag))


def module_name(name: str) -> str:
    """`name` safe as a module's file name everywhere: at most `MAX_MODULE` characters (a longer
    one is cut and ends in a stable hash of the whole) and no Windows device name (`con_`)."""
    if len(name) > MAX_MODULE:
        tail = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
        name = f"{name[: MAX_MODULE - len(tail) - 1]}_{tail}"
    return name + "_" if is_device_name(name) else name


def is_device_name(file_name: str) -> bool:
    """True for a name Windows keeps for a device (`con`, `NUL.py`, `com1.tar.gz`)."""
    return bool(_DEVICE.fullmatch(file_name.split(".", 1)[0].rstrip(" ")))


def check_file_names(paths: Iterable[str]) -> None:
    """Raise unless every path's parts are short and no device name, and no two paths differ in case alone."""
    seen: dict[str, str] = {}
    for path in paths:
        for part in path.split("/"):
            if len(part.encode("utf-8")) > MAX_PATH_COMPONENT or is_device_name(part):
                raise TrunklineError(f"generated file name {part[:120]!r} is too long or a device name; this is a Trunkline bug")
        other = seen.setdefault(path.casefold(), path)
        if other != path:
            raise TrunklineError(f"generated files {other!r} and {path!r} differ only in case; this is a Trunkline bug")


def resource_class(attribute_name: str, taken: set[str]) -> str:
    """The class of a namespace, `<Name>Resource`, distinct from `taken` with its `Async` twin; both are taken."""
    base = pascal(attribute_name)
    candidate, n = base + "Resource", 2
    while candidate in taken or "Async" + candidate in taken:
        candidate, n = f"{base}{n}Resource", n + 1
    taken.update({candidate, "Async" + candidate})
    return candidate


def path_namespace(path: str) -> str:
    """The namespace of an untagged operation: the first literal path segment after any version."""
    for part in path.split("/"):
        if part and not part.startswith("{") and not _VERSION_SEGMENT.fullmatch(part):
            return part
    return "default"


def method_name(operation_id: str, tag: str, http_method: str, path: str) -> str:
    """A readable method name for an operation in the namespace of `tag` (before collisions).

    The tag is dropped where the operationId repeats it, first or after a leading verb:
    `repos/get` under `repos` is `get`; `ListVerifiedNumbers` under `Verified Numbers` is
    `list`; Stripe's `GetCustomersCustomer` under `customers` is `get_customer`, and its
    `GetCustomers` and `PostCustomers` (the collection itself) are `list` and `create`. An
    opaque operationId (`547636a6f9...`, no word of letters) is named by method and path; one
    that starts with a digit gets the HTTP method in front, so the method stays public.
    """
    parts = words(_signed(operation_id)) or ["value"]
    if not any(part.isalpha() for part in parts):
        parts = words(_signed(f"{http_method} {path}")) or ["value"]
    tag_words = words(tag)
    size = len(tag_words)
    if tag_words and parts[:size] == tag_words and len(parts) > size:
        parts = parts[size:]
    elif tag_words and len(parts) > size and parts[1 : 1 + size] == tag_words:
        parts = parts[:1] + parts[1 + size:]
        if len(parts) == 1 and parts[0] == http_method.lower() and _is_collection(path, tag_words):
            parts = ["list" if parts[0] == "get" else "create" if parts[0] == "post" else parts[0]]
    name = "_".join(parts)
    name = f"{snake(http_method)}_{name}" if name[0].isdigit() else name
    return name + "_" if name in _RESERVED_ATTRS or name in RUNTIME_NAMES else name


def _is_collection(path: str, tag_words: list[str]) -> bool:
    """True when the path ends in the plural collection the tag names (`/v1/customers`, not `/v1/balance`)."""
    last = [part for part in path.rstrip("/").split("/") if part][-1:] or [""]
    return words(last[0]) == tag_words and tag_words[-1].endswith("s")


def vendor_names(vendor: str) -> tuple[str, str, str]:
    """(distribution name, import name, environment prefix) of a vendor's package; error if unusable."""
    if not _VENDOR.fullmatch(vendor):
        raise TrunklineError(
            f"{vendor!r} cannot name a package; name the spec file with lowercase letters, digits, '-' or '_'"
        )
    if len(vendor) > MAX_VENDOR or is_device_name(vendor):
        raise TrunklineError(
            f"{vendor[:MAX_VENDOR]!r} cannot name a package directory (longer than {MAX_VENDOR} characters, or a name "
            "Windows keeps for a device); rename the spec file or pass --name"
        )
    return "trunkline-" + vendor.replace("_", "-"), "trunkline_" + snake(vendor), upper_snake(vendor)


def is_identifier(name: str) -> bool:
    """True for an ASCII Python identifier that is no keyword."""
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


class Namer:
    """Hands out unique names in one scope; the same request always gets the same answer.

    Snake-case names get `_2`, `_3`...; class names (`separator=""`) get `2`, `3`..., the only
    suffix datamodel-code-generator keeps as given. With `fold_case` names that differ in case
    alone collide (file names, on case-insensitive filesystems).
    """

    def __init__(self, taken: frozenset[str] | set[str] = frozenset(), separator: str = "_", fold_case: bool = False) -> None:
        self._fold: Callable[[str], str] = str.casefold if fold_case else str
        self._taken: set[str] = {self._fold(name) for name in taken}
        self._given: dict[str, str] = {}
        self._next: dict[str, int] = {}  # the suffix to try first per name, so n collisions cost n steps, not n**2
        self._separator = separator

    def unique(self, name: str, key: str | None = None) -> str:
        """`name`, or `name_2`, `name_3`... if taken; stable per `key`."""
        key = key if key is not None else name
        if key in self._given:
            return self._given[key]
        candidate, n = name, self._next.get(name, 2)
        while self._fold(candidate) in self._taken:
            candidate = f"{name}{self._separator}{n}" if name[-1:].isalnum() else f"{name}{n}"
            n += 1
        if candidate != name:
            self._next[name] = n
        self._taken.add(self._fold(candidate))
        self._given[key] = candidate
        return candidate

    def __contains__(self, name: str) -> bool:
        return self._fold(name) in self._taken
