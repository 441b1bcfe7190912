"""Every rule: a failing spec gives the rule's findings at the right pointer and line; a passing one none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lint import RULES
from tests.lint.cases import CASES, Case
from tests.lint.conftest import lint_text, marker_line


def test_every_rule_has_a_case() -> None:
    assert sorted(RULES) == sorted(c.rule for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_fails(case: Case, tmp_path: Path) -> None:
    found = [f for f in lint_text(tmp_path, case.fail) if f.rule == case.rule]
    assert len(found) == case.count, [str(f) for f in found]
    first = found[0]
    assert first.location.pointer == case.pointer
    expected = 1 if case.pointer == "" else marker_line(case.fail)
    assert first.location.line == expected, str(first)
    assert first.location.col >= 1
    assert first.severity is (RULES[case.rule].severity or first.severity)
    assert first.message and first.message[0].islower() or first.message[0] in "`'\"", first.message


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_passes(case: Case, tmp_path: Path) -> None:
    found = [str(f) for f in lint_text(tmp_path, case.passing) if f.rule == case.rule]
    assert found == []
