"""Drift reports as text, JSON (for tools), Markdown (for a pull-request comment) or SARIF 2.1.0 (for code scanning)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.drift.findings import Finding, Report
from generator.drift.kinds import KINDS, SEVERITY, SUMMARY
from generator.errors import Severity, printable
from generator.lint.output import SARIF_SCHEMA, SRCROOT, artifact

FORMATS = ("text", "json", "markdown", "sarif")
DOCS = "docs/drift.md"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def text(report: Report) -> str:
    """One line per finding: `file:line:col pointer severity [kind] METHOD /path: seen (N times); fix: ...`."""
    lines = []
    for f in report.findings():
        d = f.first
        lines.append(f"{d.location} {d.severity.value} [{d.kind}] {d.operation}: {d.seen} ({_times(f.count)}); fix: {d.todo}")
    return "".join(printable(line) + "\n" for line in lines)


def as_json(report: Report) -> str:
    """An object with the number of exchanges checked and the findings, each with its place, kind, count and example."""
    rows = [
        {"file": f.location.file, "line": f.location.line, "column": f.location.col, "pointer": f.location.pointer,
         "kind": f.kind, "severity": f.first.severity.value, "operation": f.first.operation, "count": f.count,
         "seen": f.first.seen, "fix": f.first.todo}
        for f in report.findings()
    ]
    return json.dumps({"exchanges": report.exchanges, "findings": rows}, indent=2, ensure_ascii=False) + "\n"


def _cell(value: str) -> str:
    """Text fit for a Markdown table cell: pipes escaped, no line breaks, code spans kept closed."""
    return printable(value).replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def markdown(report: Report) -> str:
    """A Markdown summary and table, for a pull-request comment."""
    findings = report.findings()
    head = f"### Spec drift: {len(findings)} finding{'s' if len(findings) != 1 else ''} in {report.exchanges} exchanges\n\n"
    if not findings:
        return head + "The traffic matches the spec.\n"
    rows = ["| Where | Kind | Operation | Seen | Count | Fix |", "|---|---|---|---|---|---|"]
    for f in findings:
        loc = f.location
        where = f"`{_cell(loc.file)}:{loc.line}:{loc.col}` `{_cell(loc.pointer)}`"
        rows.append(f"| {where} | {f.kind} ({f.first.severity.value}) | {_cell(f.first.operation)} | {_cell(f.first.seen)} | {f.count} | {_cell(f.first.todo)} |")
    return head + "\n".join(rows) + "\n"


def _rules() -> list[dict[str, object]]:
    return [
        {"id": kind, "shortDescription": {"text": SUMMARY[kind]},
         "help": {"text": f"{SUMMARY[kind]} See {DOCS}."},
         "defaultConfiguration": {"level": _SARIF_LEVEL[SEVERITY[kind]]}}
        for kind in KINDS
    ]


def _result(f: Finding, root: Path | None, index: int) -> dict[str, object]:
    loc = f.location
    message = f"{f.first.operation}: {f.first.seen} ({_times(f.count)}); fix: {f.first.todo} ({loc.pointer})"
    return {
        "ruleId": f.kind, "ruleIndex": index, "level": _SARIF_LEVEL[f.first.severity],
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {"artifactLocation": artifact(loc.file, root),
                                 "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.col, 1)}},
            "logicalLocations": [{"fullyQualifiedName": loc.pointer, "kind": "member"}],
        }],
        "properties": {"count": f.count, "operation": f.first.operation},
    }


def sarif(report: Report, root: Path | None = None) -> str:
    """A SARIF 2.1.0 log: one run, a rule per kind, one result per finding (paths relative to `root`)."""
    position = {kind: i for i, kind in enumerate(KINDS)}
    results = [_result(f, root, position[f.kind]) for f in report.findings()]
    run: dict[str, object] = {"tool": {"driver": {"name": "trunkline-drift", "version": __version__, "rules": _rules()}}}
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}}
    run.update({"columnKind": "unicodeCodePoints", "results": results})
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"


def render(report: Report, fmt: str, specs: Sequence[Path]) -> str:
    """The report in format `fmt`."""
    if fmt == "json":
        return as_json(report)
    if fmt == "markdown":
        return markdown(report)
    if fmt == "sarif":
        from generator.lint.output import repository_root

        return sarif(report, repository_root(list(specs)))
    return text(report)


def failing(report: Report, fail_on: Sequence[str]) -> bool:
    """Whether the report fails a CI run: any finding of a named kind, or at the named severity or worse."""
    wanted = set(fail_on) or {"error"}
    for f in report.findings():
        severity = f.first.severity
        if f.kind in wanted or ("error" in wanted and severity is Severity.ERROR):
            return True
        if "warning" in wanted and severity in (Severity.ERROR, Severity.WARNING):
            return True
    return False


def write_report(report: Report, fmt: str, specs: list[Path], target: Path) -> None:
    """Write the report to `target` atomically (a reader never sees half of it)."""
    text = render(report, fmt, specs)
    directory = target.resolve().parent
    fd, temporary = tempfile.mkstemp(prefix=".trunkline-report-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
