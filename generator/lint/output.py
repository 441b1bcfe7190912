"""Lint findings as text (optionally coloured), JSON, SARIF 2.1.0 or GitHub workflow commands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.errors import Finding, Severity, printable
from generator.lint.registry import RULES

DOCS = "docs/lint-rules.md"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
UNREADABLE = "unreadable"
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def text(findings: Sequence[Finding], colour: bool) -> str:
    """One line per finding: `file:line:col pointer severity [rule] message`."""
    lines = []
    for f in findings:
        if colour:
            code = _COLOURS[f.severity]
            lines.append(f"\033[1m{f.location}\033[0m \033[{code}m{f.severity.value}\033[0m \033[2m[{f.rule}]\033[0m {printable(f.message)}")
        else:
            lines.append(str(f))
    return "".join(line + "\n" for line in lines)


def summary(findings: Sequence[Finding], files: int) -> str:
    """`2 errors, 1 warning, 0 infos in 3 files`."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}" for s in Severity]
    return f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'}"


def as_json(findings: Sequence[Finding]) -> str:
    """A JSON array of findings with file, line, column, pointer, rule, severity and message."""
    rows = [
        {"file": f.location.file, "line": f.location.line, "column": f.location.col, "pointer": f.location.pointer,
         "rule": f.rule, "severity": f.severity.value, "message": f.message}
        for f in findings
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.resolve().as_uri()
    return path.as_posix()


def anchor(rule_id: str) -> str:
    """The heading anchor of a rule's section in docs/lint-rules.md (as GitHub renders it)."""
    return "".join(c for c in rule_id.lower() if c.isalnum() or c in "-_")


def _driver_rules() -> list[dict[str, object]]:
    rules: list[dict[str, object]] = []
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        level = _SARIF_LEVEL[rule.severity] if rule.severity else "none"
        rules.append({
            "id": rule.id,
            "name": "".join(w.capitalize() for w in rule.id.replace("$", "").replace(".", "-").split("-") if w),
            "shortDescription": {"text": rule.summary},
            "help": {"text": f"{rule.summary} See {DOCS}#{anchor(rule.id)}.",
                     "markdown": f"{rule.summary} See [{rule.id}]({DOCS}#{anchor(rule.id)})."},
            "defaultConfiguration": {"level": level, "enabled": rule.severity is not None},
            "properties": {"tags": ["openapi", rule.origin]},
        })
    rules.append({
        "id": UNREADABLE, "name": "Unreadable",
        "shortDescription": {"text": "The spec file can be read and parsed as an OpenAPI document."},
        "help": {"text": "Fix the file so it parses as YAML or JSON and is OpenAPI 3.0 or 3.1."},
        "defaultConfiguration": {"level": "error"},
    })
    return rules


def sarif(findings: Sequence[Finding]) -> str:
    """A SARIF 2.1.0 log GitHub code scanning accepts: one run, every rule, one result per finding."""
    rules = _driver_rules()
    position = {str(r["id"]): i for i, r in enumerate(rules)}
    results = []
    for f in findings:
        loc = f.location
        result: dict[str, object] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" ({loc.pointer})" if loc.pointer else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(loc.file)},
                    "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.col, 1)},
                },
                **({"logicalLocations": [{"fullyQualifiedName": loc.pointer, "kind": "member"}]} if loc.pointer else {}),
            }],
        }
        if f.rule in position:
            result["ruleIndex"] = position[f.rule]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "trunkline", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands (`::error file=..,line=..,col=..,title=rule::message`)."""
    lines = []
    for f in findings:
        loc = f.location
        props = [f"file={_escape_property(_uri(loc.file))}"]
        if loc.line:
            props += [f"line={loc.line}", f"col={loc.col}"]
        props.append(f"title={_escape_property(f.rule)}")
        where = f" ({loc.pointer})" if loc.pointer else ""
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(f.message + where)}")
    return "".join(line + "\n" for line in lines)
