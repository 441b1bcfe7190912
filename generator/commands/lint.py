"""`trunkline lint`: lint spec files and print the findings in the chosen format."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.errors import Severity, UsageError
from generator.lint.config import read
from generator.lint.output import as_json, github, repository_root, sarif, summary, text
from generator.lint.sources import lint_sources, spec_paths

HELP = "check specs: validity, Spectral/Redocly rules, generation conventions"
DESCRIPTION = (
    "Validate and lint OpenAPI 3.0/3.1 specs. Exit 0 clean, 1 errors (or warnings with --strict), "
    "2 unreadable input or bad usage. Rules and configuration: docs/lint-rules.md."
)
FORMATS = ("text", "json", "sarif", "github")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the lint arguments."""
    parser.add_argument("paths", nargs="*", metavar="SPEC", help="spec files, directories or globs (default: specs/)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file (default: the nearest trunkline-lint.toml, .trunkline.toml or pyproject.toml)")
    parser.add_argument("--skip-non-openapi", action="store_true",
                        help="skip named YAML/JSON files that are not OpenAPI documents too, as directories and globs always do "
                             "(for pre-commit and other tools that pass every changed file)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print the findings only: no summary line, no notes about skipped files")


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def run(args: argparse.Namespace) -> int:
    """Lint every spec; 0 clean, 1 errors (or warnings with --strict), 2 unreadable input."""
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    explicit = read(args.config) if args.config is not None else None
    sources = spec_paths(args.paths)
    outcome = lint_sources(sources, explicit, args.skip_non_openapi)
    findings = outcome.findings
    if not args.quiet:
        for path in outcome.skipped:
            print(f"{path}: info: skipped, not an OpenAPI document (no top-level `openapi` or `swagger` key)", file=sys.stderr)
    if args.format in ("sarif", "github"):
        root = repository_root([s.path for s in sources])
        sys.stdout.write(sarif(findings, root) if args.format == "sarif" else github(findings, root))
    elif args.format == "json":
        sys.stdout.write(as_json(findings))
    else:
        sys.stdout.write(text(findings, _colour(sys.stdout)))
    if not args.quiet:
        sys.stdout.flush()
        print(summary(findings, len(outcome.linted), len(outcome.skipped)), file=sys.stderr)
    if outcome.broken:
        return 2
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0
