"""The lint rule type and the registry every rule module adds itself to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Finding, Location, Severity
from generator.load import Document


@dataclass
class Context:
    """What a rule sees: the document, its OpenAPI version, and a way to report."""

    document: Document
    version: str
    cache: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """A lint rule: an id, a default severity, a one-line summary and its check."""

    id: str
    severity: Severity
    summary: str
    check: Callable[[Context], Iterable[tuple[str, str]]]

    def run(self, context: Context) -> list[Finding]:
        """The findings of this rule; the check yields (pointer, message) pairs."""
        return [
            Finding(self.id, self.severity, message, context.document.locate(ptr))
            for ptr, message in self.check(context)
        ]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[Callable[[Context], Iterable[tuple[str, str]]]], Rule]:
    """Register a check function as a rule."""

    def register(check: Callable[[Context], Iterable[tuple[str, str]]]) -> Rule:
        made = Rule(rule_id, severity, summary, check)
        RULES[rule_id] = made
        return made

    return register


def unlocated(file: str, message: str, rule_id: str) -> Finding:
    """A finding that concerns the whole file."""
    return Finding(rule_id, Severity.ERROR, message, Location(file))
