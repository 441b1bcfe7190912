"""Match a request path against the spec's path templates; literal segments win over variables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from generator.mock.model import MockOperation

_VARIABLE = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class _Template:
    """One path template split into segments, each a compiled matcher."""

    path: str
    segments: tuple[str | re.Pattern[str], ...]  # a literal, or a pattern with groups
    names: tuple[tuple[str, ...], ...]
    rank: tuple[int, ...]  # per segment: 0 literal, 1 literal with a variable, 2 a whole variable
    methods: dict[str, MockOperation]


@dataclass(frozen=True)
class Match:
    """The operation a request reached and its path values as sent (still percent-encoded).

    Encoded: a value's own delimiters (`,` `;` `=` `.`) are told apart from the style's only before decoding.
    """

    operation: MockOperation
    values: dict[str, str]


@dataclass(frozen=True)
class NoMethod:
    """The path exists but not for this method; `allowed` lists the methods it has."""

    allowed: tuple[str, ...]


def _segments(path: str) -> list[str]:
    """Path segments, ignoring one trailing slash (SnapCall documents `/admin/streams/`)."""
    trimmed = path.rstrip("/") if path != "/" else path
    return trimmed.split("/")[1:] if trimmed.startswith("/") else trimmed.split("/")


def _compile(segment: str) -> tuple[str | re.Pattern[str], tuple[str, ...], int]:
    """A segment as a literal or a pattern, its variable names and its rank."""
    names = tuple(_VARIABLE.findall(segment))
    if not names:
        return segment, (), 0
    pattern = "".join(
        "(.+?)" if index % 2 else re.escape(part) for index, part in enumerate(_VARIABLE.split(segment))
    )
    rank = 2 if segment.startswith("{") and segment.endswith("}") and len(names) == 1 else 1
    return re.compile(pattern), names, rank


class Router:
    """Finds the operation of a raw request path and method."""

    def __init__(self, operations: tuple[MockOperation, ...], prefixes: tuple[str, ...]) -> None:
        """Group operations by path template, templates with earlier literals first."""
        by_path: dict[str, dict[str, MockOperation]] = {}
        for op in operations:
            by_path.setdefault(op.path, {})[op.method] = op
        self.templates: list[_Template] = []
        for path, methods in by_path.items():
            compiled = [_compile(s) for s in _segments(path)]
            self.templates.append(
                _Template(
                    path,
                    tuple(c[0] for c in compiled),
                    tuple(c[1] for c in compiled),
                    tuple(c[2] for c in compiled),
                    methods,
                )
            )
        self.templates.sort(key=lambda t: t.rank)
        self.prefixes = prefixes

    def find(self, method: str, raw_path: str) -> Match | NoMethod | None:
        """The match for `raw_path` (still percent-encoded): under a server prefix first, then as is."""
        candidates = [raw_path[len(p):] or "/" for p in self.prefixes if p and _under(raw_path, p)]
        candidates.append(raw_path)
        allowed: set[str] = set()
        for path in candidates:
            found = self._find(method.upper(), path, allowed)
            if found is not None:
                return found
        return NoMethod(tuple(sorted(allowed))) if allowed else None

    def _find(self, method: str, path: str, allowed: set[str]) -> Match | None:
        """The first template (by rank) that fits and has the method; collects the methods of the others."""
        raw_segments = _segments(path)
        for template in self.templates:
            if len(template.segments) != len(raw_segments):
                continue
            values = _match(template, raw_segments)
            if values is None:
                continue
            operation = template.methods.get(method)
            if operation is None:
                allowed.update(template.methods)
                continue
            return Match(operation, values)
        return None


def _under(path: str, prefix: str) -> bool:
    """Whether `path` is `prefix` or lies below it."""
    return path == prefix or path.startswith(prefix + "/")


def _match(template: _Template, raw_segments: list[str]) -> dict[str, str] | None:
    """The path values when the segments fit the template, else None."""
    values: dict[str, str] = {}
    for pattern, names, raw in zip(template.segments, template.names, raw_segments):
        if isinstance(pattern, str):
            if unquote(raw) != pattern:
                return None
            continue
        found = pattern.fullmatch(raw)
        if found is None:
            return None
        for name, value in zip(names, found.groups()):
            values[name] = value
    return values
