"""The lint rule type and the registry every rule module adds itself to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Finding, Location, Severity
from generator.reading.load import Document, unescape_token

# A check yields (pointer, message), or (pointer, message, line, column) when it knows better
# than the pointer where the problem is (a duplicated key, whose pointer names the surviving one).
Check = Callable[["Context"], Iterable[tuple[str, str] | tuple[str, str, int, int]]]


@dataclass
class Context:
    """What a rule sees: the document, its OpenAPI version, whether validation failed, a cache."""

    document: Document
    version: str
    broken: bool = False
    cache: dict[str, Any] = field(default_factory=dict)

    def locate(self, ptr: str) -> Location:
        """Where `ptr` is, at its key when the value is a block mapping or list that starts below it."""
        return key_location(self.document, ptr, self.cache)


@dataclass(frozen=True)
class Rule:
    """A lint rule: id, default severity (None: off unless configured), summary, origin and check."""

    id: str
    severity: Severity | None
    summary: str
    check: Check
    origin: str = "trunkline"

    def run(self, context: Context, severity: Severity | None = None) -> list[Finding]:
        """The findings of this rule; the check yields (pointer, message) pairs."""
        level = severity or self.severity or Severity.WARNING
        seen: set[tuple[str, str]] = set()
        found: list[Finding] = []
        for item in self.check(context):
            ptr, message = item[0], item[1]
            if (ptr, message) not in seen:
                seen.add((ptr, message))
                where = context.locate(ptr) if len(item) == 2 else Location(context.document.display, ptr, item[2], item[3])
                found.append(Finding(self.id, level, message, where))
        return found


RULES: dict[str, Rule] = {}


def key_location(document: Document, ptr: str, cache: dict[str, Any]) -> Location:
    """`document.locate(ptr)`, moved up to the line of the key for a YAML block value.

    In `info:\n  title: t` the value of `/info` starts on the line after its key; editors, Spectral
    and people point at the key, so the finding does too.
    """
    loc = document.locate(ptr)
    if not ptr or loc.line <= 1 or document.path.suffix.lower() == ".json":
        return loc
    lines = cache.get("lines")
    if lines is None:
        lines = cache["lines"] = document.text.splitlines()
    token = unescape_token(ptr.rsplit("/", 1)[1])
    if loc.line > len(lines):
        return loc
    if lines[loc.line - 1][: loc.col - 1].rstrip().endswith(":"):
        return loc  # the key is on this line (`key: value` or `key: {flow}`)
    keys = (f"{token}:", f'"{token}":', f"'{token}':", f"- {token}:")
    for number in range(loc.line - 1, max(loc.line - 50, 0), -1):
        text = lines[number - 1]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(text) - len(stripped)
        if depth < loc.col - 1 and stripped.startswith(keys):
            return Location(loc.file, ptr, number, depth + (3 if stripped.startswith("- ") else 1))
        break
    return loc


def rule(rule_id: str, severity: Severity | None, summary: str, origin: str = "trunkline") -> Callable[[Check], Rule]:
    """Register a check function as a rule; `origin` names the linter whose rule it mirrors."""

    def register(check: Check) -> Rule:
        made = Rule(rule_id, severity, summary, check, origin)
        RULES[rule_id] = made
        return made

    return register


def unlocated(file: str, message: str, rule_id: str) -> Finding:
    """A finding that concerns the whole file."""
    return Finding(rule_id, Severity.ERROR, message, Location(file))
