"""The lint rule type and the registry every rule module adds itself to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Finding, Location, Severity
from generator.load import Document

Check = Callable[["Context"], Iterable[tuple[str, str]]]


@dataclass
class Context:
    """What a rule sees: the document, its OpenAPI version, whether validation failed, a cache."""

    document: Document
    version: str
    broken: bool = False
    cache: dict[str, Any] = field(default_factory=dict)


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
        for ptr, message in self.check(context):
            if (ptr, message) not in seen:
                seen.add((ptr, message))
                found.append(Finding(self.id, level, message, context.document.locate(ptr)))
        return found


RULES: dict[str, Rule] = {}


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
