"""Helpers for the lint tests: write a spec to a temporary file and lint it."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Finding, Severity
from generator.lint import RULES, lint
from generator.lint.config import Config
from generator.reading.load import load

ALL_ON = Config(Path("/nonexistent/trunkline-lint.toml"), {r.id: r.severity or Severity.WARNING for r in RULES.values()})


def lint_text(tmp_path: Path, text: str, name: str = "spec.yaml", config: Config | None = ALL_ON) -> list[Finding]:
    """Write `text` as a spec file and lint it (every rule on by default)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return lint(load(path), config)


def marker_line(text: str) -> int:
    """The 1-based line that carries the `#!` marker (1 when there is none)."""
    for number, line in enumerate(text.splitlines(), 1):
        if "#!" in line:
            return number
    return 1
