"""Inline silencing: `x-lint-ignore: {rule-id: reason}` on the offending node or an ancestor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Finding, Severity
from generator.lint.registry import RULES, Context, rule
from generator.lint.walk import IGNORE_KEY, index
from generator.reading.load import escape_token


@rule("lint-ignore-reason", Severity.ERROR, "Every `x-lint-ignore` entry names a known rule and gives a reason.")
def lint_ignore_reason(context: Context) -> Iterator[tuple[str, str]]:
    for owner, value in index(context).ignores:
        ptr = f"{owner}/{IGNORE_KEY}"
        if not isinstance(value, dict):
            yield ptr, "`x-lint-ignore` must be a mapping of rule id to the reason the finding is accepted"
            continue
        for rule_id, reason in value.items():
            where = f"{ptr}/{escape_token(str(rule_id))}"
            if rule_id not in RULES:
                yield where, f"unknown rule {rule_id!r} in `x-lint-ignore`; see docs/lint-rules.md for the rule ids"
            elif not (isinstance(reason, str) and reason.strip()):
                yield where, f"say why {rule_id!r} is silenced here: give the reason as the value (for example the vendor page that documents it)"


@rule("lint-ignore-unused", Severity.WARNING, "Every `x-lint-ignore` entry silences a finding that the rule still reports.")
def lint_ignore_unused(context: Context) -> Iterator[tuple[str, str]]:
    """Computed by `lint` after the other rules ran, from `Silencer.unused`."""
    return iter(())


class Silencer:
    """Finds the `x-lint-ignore` entry that silences a finding and remembers which entries were used."""

    def __init__(self, context: Context) -> None:
        self.entries: dict[str, dict[str, Any]] = {
            owner: value for owner, value in index(context).ignores if isinstance(value, dict)
        }
        self.used: set[tuple[str, str]] = set()

    def silences(self, finding: Finding) -> bool:
        """Whether an entry on the finding's node or an ancestor names its rule."""
        if not self.entries:
            return False
        ptr = finding.location.pointer
        tokens = ptr.split("/")[1:] if ptr else []
        owners = [""] + ["/" + "/".join(tokens[: i + 1]) for i in range(len(tokens))]
        for owner in reversed(owners):
            entry = self.entries.get(owner)
            if entry is not None and finding.rule in entry:
                self.used.add((owner, finding.rule))
                return True
        return False

    def unused(self, ran: set[str]) -> Iterator[tuple[str, str]]:
        """(pointer, message) for each entry of a rule that ran and silenced nothing."""
        for owner, entry in self.entries.items():
            for rule_id in entry:
                if rule_id in ran and (owner, rule_id) not in self.used:
                    yield f"{owner}/{IGNORE_KEY}/{escape_token(str(rule_id))}", (
                        f"{rule_id!r} reports nothing here any more; remove this `x-lint-ignore` entry"
                    )

