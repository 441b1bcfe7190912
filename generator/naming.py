"""Every name the generated code uses: Python-safe, readable, collision-free, stable."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_RESERVED_ATTRS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
# Names generated modules import or define at module level; a parameter may not shadow them.
RUNTIME_NAMES = frozenset(
    {"models", "httpx", "typing", "datetime", "Any", "Literal", "NotGiven", "NOT_GIVEN", "RequestOptions",
     "Page", "AsyncPage", "AsyncPager", "request_options", "annotations"}
)
_CLASS_RESERVED = frozenset(
    {"BaseModel", "RootModel", "Field", "ConfigDict", "Enum", "IntEnum", "StrEnum", "Any", "Literal", "Annotated",
     "AwareDatetime", "NaiveDatetime", "date", "datetime", "time", "timedelta", "UUID", "Decimal", "Optional",
     "Union", "List", "Dict", "Type", "TypeAdapter", "models"}
) | frozenset(dir(builtins))


def words(text: str) -> list[str]:
    """Split any text into lowercase ASCII words: `StartTime<` -> ['start', 'time', 'lt']."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    for symbol, word in (("<=", " le "), (">=", " ge "), ("<", " lt "), (">", " gt "), ("=", " eq ")):
        text = text.replace(symbol, word)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w]


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
    """A PascalCase class name that shadows no builtin or typing name."""
    name = pascal(text)
    return name + "Model" if name in _CLASS_RESERVED else name


class Namer:
    """Hands out unique names in one scope; the same request always gets the same answer."""

    def __init__(self, taken: frozenset[str] | set[str] = frozenset(), joiner: str = "_") -> None:
        self._taken: set[str] = set(taken)
        self._joiner = joiner
        self._given: dict[str, str] = {}

    def unique(self, name: str, key: str | None = None) -> str:
        """`name`, or `name_2`, `name_3`... if taken; stable per `key`."""
        key = key if key is not None else name
        if key in self._given:
            return self._given[key]
        candidate, n = name, 2
        while candidate in self._taken:
            candidate = f"{name}{self._joiner}{n}" if name[-1:].isalnum() or name.endswith("_") else f"{name}{n}"
            n += 1
        self._taken.add(candidate)
        self._given[key] = candidate
        return candidate

    def __contains__(self, name: str) -> bool:
        return name in self._taken
