"""Lint findings as text (optionally coloured), JSON, SARIF 2.1.0 or GitHub workflow commands."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from generator import __version__
from generator.errors import Finding, Severity, printable
from generator.lint.config import CONVENTION_RULES
from generator.lint.registry import RULES

DOCS = "docs/lint-rules.md"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
UNREADABLE = "unreadable"
SRCROOT = "%SRCROOT%"
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(findings: Sequence[Finding], files: int, skipped: int = 0) -> str:
    """`lint: 3 files, 2 errors, 1 warning` (infos and skipped files only when there are some)."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [_count(files, "file"), _count(counts[Severity.ERROR], "error"), _count(counts[Severity.WARNING], "warning")]
    if counts[Severity.INFO]:
        parts.append(_count(counts[Severity.INFO], "info"))
    line = "lint: " + ", ".join(parts)
    return line + (f"; {_count(skipped, 'file')} skipped (not OpenAPI)" if skipped else "")


def as_json(findings: Sequence[Finding]) -> str:
    """A JSON array of findings with file, line, column, pointer, rule, severity and message."""
    rows = [
        {"file": f.location.file, "line": f.location.line, "column": f.location.col, "pointer": f.location.pointer,
         "rule": f.rule, "severity": f.severity.value, "message": f.message}
        for f in findings
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def repository_root(specs: Sequence[Path]) -> Path:
    """The directory that SARIF and annotation paths are relative to, so code scanning maps them from any cwd.

    The git work tree holding the first spec (a `.git` directory, or the `.git` file of a worktree or
    submodule); without git, the nearest directory with a pyproject.toml; else the current directory.
    """
    start = _absolute(specs[0]).parent if specs else _absolute(Path.cwd())
    folders = [start, *start.parents]
    for marker in (".git", "pyproject.toml"):
        for folder in folders:
            if (folder / marker).exists():
                return folder
    return _absolute(Path.cwd())


def _absolute(path: Path) -> Path:
    """`path` made absolute with its directory's symlinks resolved, but not the file itself (a linked spec stays here)."""
    full = path if path.is_absolute() else Path.cwd() / path
    return Path(os.path.realpath(full.parent)) / full.name


def _relative(file: str, root: Path | None) -> str | None:
    """`file` relative to `root` (posix), or None when it lies outside it."""
    if root is None:
        return Path(file).as_posix()
    try:
        return _absolute(Path(file)).relative_to(root).as_posix()
    except ValueError:
        return None


def artifact(file: str, root: Path | None) -> dict[str, str]:
    """A SARIF artifactLocation: relative to %SRCROOT% (the repository root), or an absolute file URI outside it."""
    relative = _relative(file, root)
    if relative is None:
        return {"uri": _absolute(Path(file)).as_uri()}
    if root is None:
        return {"uri": quote(relative)}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def anchor(rule_id: str) -> str:
    """The heading anchor of a rule's section in docs/lint-rules.md (as GitHub renders it)."""
    return "".join(c for c in rule_id.lower() if c.isalnum() or c in "-_")


def _driver_rules() -> list[dict[str, object]]:
    rules: list[dict[str, object]] = []
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        default = None if rule.id in CONVENTION_RULES else rule.severity  # conventions run only where configured
        level = _SARIF_LEVEL[default] if default else "none"
        rules.append({
            "id": rule.id,
            "name": "".join(w.capitalize() for w in rule.id.replace("$", "").replace(".", "-").split("-") if w),
            "shortDescription": {"text": rule.summary},
            "help": {"text": f"{rule.summary} See {DOCS}#{anchor(rule.id)}.",
                     "markdown": f"{rule.summary} See [{rule.id}]({DOCS}#{anchor(rule.id)})."},
            "defaultConfiguration": {"level": level, "enabled": default is not None},
            "properties": {"tags": ["openapi", rule.origin]},
        })
    rules.append({
        "id": UNREADABLE, "name": "Unreadable",
        "shortDescription": {"text": "The spec file can be read and parsed as an OpenAPI document."},
        "help": {"text": "Fix the file so it parses as YAML or JSON and is OpenAPI 3.0 or 3.1."},
        "defaultConfiguration": {"level": "error"},
    })
    return rules


def sarif(findings: Sequence[Finding], root: Path | None = None) -> str:
    """A SARIF 2.1.0 log GitHub code scanning accepts: one run, every rule, one result per finding.

    With a `root` (the repository's), file paths are relative to it and `%SRCROOT%` names it.
    """
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
                    "artifactLocation": artifact(loc.file, root),
                    "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.col, 1)},
                },
                **({"logicalLocations": [{"fullyQualifiedName": loc.pointer, "kind": "member"}]} if loc.pointer else {}),
            }],
        }
        if f.rule in position:
            result["ruleIndex"] = position[f.rule]
        results.append(result)
    run: dict[str, object] = {"tool": {"driver": {"name": "trunkline", "version": __version__, "rules": rules}}}
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}}
    run.update({"columnKind": "unicodeCodePoints", "results": results})
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], root: Path | None = None) -> str:
    """GitHub Actions workflow commands (`::error file=..,line=..,col=..,title=rule::message`), paths relative to `root`."""
    lines = []
    for f in findings:
        loc = f.location
        props = [f"file={_escape_property(_relative(loc.file, root) or _absolute(Path(loc.file)).as_posix())}"]
        if loc.line:
            props += [f"line={loc.line}", f"col={loc.col}"]
        props.append(f"title={_escape_property(f.rule)}")
        where = f" ({loc.pointer})" if loc.pointer else ""
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(f.message + where)}")
    return "".join(line + "\n" for line in lines)
