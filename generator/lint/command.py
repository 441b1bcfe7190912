"""`trunkline lint`: lint spec files and print the findings in the chosen format."""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import Finding, Location, Severity, TrunklineError, UsageError
from generator.lint import lint
from generator.lint.config import Config, discover, read
from generator.lint.output import UNREADABLE, as_json, github, sarif, summary, text
from generator.load import load

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


def spec_paths(patterns: Sequence[str]) -> list[Path]:
    """Expand files, directories and globs into spec files, in a stable order."""
    found: list[Path] = []
    for pattern in patterns or ["specs"]:
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise UsageError(f"{pattern}: no file matches")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml", ".json")))
            else:
                found.append(path)
    return list(dict.fromkeys(found))


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def run(args: argparse.Namespace) -> int:
    """Lint every spec; 0 clean, 1 errors (or warnings with --strict), 2 unreadable input."""
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    explicit = read(args.config) if args.config is not None else None
    findings: list[Finding] = []
    broken = False
    paths = spec_paths(args.paths)
    configs: dict[Path, Config] = {}
    for path in paths:
        try:
            config = explicit or configs.setdefault(path.resolve().parent, discover(path))
            findings.extend(lint(load(path), config))
        except TrunklineError as exc:
            if exc.location is not None and exc.location.file != str(path) and exc.location.file.endswith(".toml"):
                raise
            broken = True
            findings.append(Finding(UNREADABLE, Severity.ERROR, exc.message, exc.location or Location(str(path))))
    if args.format == "json":
        sys.stdout.write(as_json(findings))
    elif args.format == "sarif":
        sys.stdout.write(sarif(findings))
    elif args.format == "github":
        sys.stdout.write(github(findings))
    else:
        sys.stdout.write(text(findings, _colour(sys.stdout)))
        if findings:
            print(summary(findings, len(paths)), file=sys.stderr)
    if broken:
        return 2
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0
