"""`trunkline lint`: lint spec files and print the findings."""

from __future__ import annotations

import argparse
import glob
import json
from collections.abc import Sequence
from pathlib import Path

from generator.errors import Finding, Location, Severity, TrunklineError
from generator.lint import lint
from generator.load import load

HELP = "check specs: validity, examples, conventions"
DESCRIPTION = "Validate and lint OpenAPI specs. Exit 0 clean, 1 findings, 2 unreadable input or bad usage."


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lint arguments."""
    parser.add_argument("paths", nargs="*", metavar="SPEC", help="spec files, directories or globs (default: specs/)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")


def spec_paths(patterns: Sequence[str]) -> list[Path]:
    """Expand files, directories and globs into spec files, in a stable order."""
    found: list[Path] = []
    for pattern in patterns or ["specs"]:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise TrunklineError(f"{pattern}: no file matches")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json")))
            else:
                found.append(path)
    return list(dict.fromkeys(found))


def run(args: argparse.Namespace) -> int:
    """Lint every spec; 0 clean, 1 errors, 2 unreadable input."""
    findings: list[Finding] = []
    broken = False
    for path in spec_paths(args.paths):
        try:
            findings.extend(lint(load(path)))
        except TrunklineError as exc:
            broken = True
            findings.append(Finding("unreadable", Severity.ERROR, exc.message, exc.location or Location(str(path))))
    if args.format == "json":
        print(json.dumps([_finding_json(f) for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding)
    if broken:
        return 2
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _finding_json(finding: Finding) -> dict[str, object]:
    loc = finding.location
    return {"file": loc.file, "line": loc.line, "column": loc.col, "pointer": loc.pointer,
            "rule": finding.rule, "severity": finding.severity.value, "message": finding.message}
