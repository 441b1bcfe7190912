"""Lint a loaded spec: structural validation plus Trunkline's own rules."""

from __future__ import annotations

from generator.errors import Finding
from generator.lint import examples as _examples  # noqa: F401  (registers its rules)
from generator.lint.registry import RULES, Context, Rule
from generator.load import Document
from generator.validate import spec_version, validate

__all__ = ["RULES", "Rule", "lint"]


def lint(document: Document) -> list[Finding]:
    """All findings for one document, sorted by position; structural ones first."""
    findings = validate(document)
    if not findings:
        context = Context(document, spec_version(document))
        for rule in RULES.values():
            findings.extend(rule.run(context))
    return sorted(findings, key=lambda f: (f.location.line, f.location.col, f.rule))
