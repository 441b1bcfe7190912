"""`trunkline lint`: lint spec files and print the findings in the chosen format."""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Finding, Location, Severity, TrunklineError, UsageError
from generator.lint import lint
from generator.lint.config import Config, discover, read
from generator.lint.output import UNREADABLE, as_json, github, repository_root, sarif, summary, text
from generator.reading.load import complete
from generator.reading.load import read as read_file

HELP = "check specs: validity, Spectral/Redocly rules, generation conventions"
DESCRIPTION = (
    "Validate and lint OpenAPI 3.0/3.1 specs. Exit 0 clean, 1 errors (or warnings with --strict), "
    "2 unreadable input or bad usage. Rules and configuration: docs/lint-rules.md."
)
FORMATS = ("text", "json", "sarif", "github")
SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Source:
    """A file to lint, and whether the user named it (rather than a directory or glob it was found in)."""

    path: Path
    named: bool


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


def spec_paths(patterns: Sequence[str]) -> list[Source]:
    """Expand files, directories and globs into spec files, in a stable order; a file named twice counts once."""
    found: dict[Path, bool] = {}
    for pattern in patterns or ["specs"]:
        magic = glob.has_magic(pattern)
        matches = sorted(glob.glob(pattern, recursive=True)) if magic else [pattern]
        if not matches:
            raise UsageError(f"{pattern}: no file matches")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for child in sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()):
                    found.setdefault(child, False)
            elif magic and path.suffix not in SUFFIXES:
                continue  # `specs/*` also matches a README; only YAML and JSON can be specs
            else:
                found[path] = found.get(path, False) or not magic
    return [Source(path, named) for path, named in found.items()]


def is_openapi(data: Any) -> bool:
    """Whether parsed file content claims to be an OpenAPI (or Swagger) document: a top-level `openapi`/`swagger` key."""
    return isinstance(data, dict) and ("openapi" in data or "swagger" in data)


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


@dataclass
class Outcome:
    """What linting the files gave: the findings, the files linted and skipped, whether one was unreadable."""

    findings: list[Finding]
    linted: list[Path]
    skipped: list[Path]
    broken: bool = False


def lint_sources(sources: Sequence[Source], explicit: Config | None, skip_named: bool) -> Outcome:
    """Lint each source with its configuration; non-OpenAPI files found by a walk (or any, with skip_named) are skipped."""
    outcome = Outcome([], [], [])
    configs: dict[Path, Config] = {}
    for source in sources:
        path = source.path
        try:
            config = explicit or configs.setdefault(path.resolve().parent, discover(path))
            document = read_file(path, str(path))  # bounded: size, nodes, depth, as every spec is read
            if not is_openapi(document.data) and (skip_named or not source.named):
                outcome.skipped.append(path)
                continue
            outcome.linted.append(path)
            outcome.findings.extend(lint(complete(document), config))
        except TrunklineError as exc:
            if exc.location is not None and exc.location.file != str(path) and exc.location.file.endswith(".toml"):
                raise
            if path not in outcome.linted:
                outcome.linted.append(path)
            outcome.broken = True
            outcome.findings.append(Finding(UNREADABLE, Severity.ERROR, exc.message, exc.location or Location(str(path))))
    return outcome


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
