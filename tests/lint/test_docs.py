"""docs/lint-rules.md documents every rule with its default severity and a failing and a passing snippet."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.lint import RULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "lint-rules.md"


def _sections() -> dict[str, str]:
    parts = re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


def test_every_rule_has_a_section_with_its_severity_and_snippets() -> None:
    sections = _sections()
    assert sorted(sections) == sorted(RULES)
    for rule_id, text in sections.items():
        default = RULES[rule_id].severity
        assert f"Severity: **{default.value if default else 'off'}**" in text, rule_id
        snippets = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
        assert len(snippets) == 2, rule_id
        for snippet in snippets:
            assert isinstance(yaml.safe_load(snippet), dict), rule_id
        assert "# <- reported here" in snippets[0] or rule_id in ("openapi-tags", "oas3-api-servers"), rule_id


def test_page_is_up_to_date() -> None:
    from tests.lint.rules_doc import FAMILIES, render

    assert sorted(r for _, ids in FAMILIES for r in ids) == sorted(RULES)
    assert DOCS.read_text(encoding="utf-8") == render(), "run: PYTHONPATH=. python -m tests.lint.rules_doc > docs/lint-rules.md"
