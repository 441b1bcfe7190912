"""The `trunkline` command: lint specs, generate clients, check that generated/ is current."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.errors import Finding, Location, Severity, TrunklineError
from generator.lint import lint
from generator.load import load
from generator.pipeline import LintFailed, render_all, vendor_targets
from generator.progress import Progress
from generator.write import differences, write_packages

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line on bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_INPUT, f"trunkline: error: {message} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = _Parser(prog="trunkline", description="Typed Python clients from checked OpenAPI specs.")
    top.add_argument("--version", action="version", version=f"trunkline {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    lint_cmd = commands.add_parser("lint", help="check specs: validity, examples, conventions",
                                   description="Validate and lint OpenAPI specs. Exit 0 clean, 1 findings, 2 unreadable input.")
    lint_cmd.add_argument("paths", nargs="*", metavar="SPEC", help="spec files, directories or globs (default: specs/)")
    lint_cmd.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")

    for name, text in (("generate", "render client packages into the output directory"),
                       ("check", "exit 1 if the output directory differs from what generate would write")):
        cmd = commands.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        cmd.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every spec in --specs)")
        cmd.add_argument("--specs", type=Path, default=Path("specs"), help="directory of vendor specs (default specs/)")
        cmd.add_argument("--out", type=Path, default=Path("generated"), help="output directory (default generated/)")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; the exit status."""
    args = parser().parse_args(argv)
    try:
        if args.command == "lint":
            return _lint(args)
        if args.command == "generate":
            return _generate(args)
        return _check(args)
    except LintFailed as exc:
        for finding in exc.findings:
            print(finding, file=sys.stderr)
        print(f"trunkline: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except TrunklineError as exc:
        print(f"trunkline: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("trunkline: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line unless asked for the traceback
        if os.environ.get("TRUNKLINE_DEBUG"):
            raise
        print(f"trunkline: internal error: {type(exc).__name__}: {exc} (set TRUNKLINE_DEBUG=1 for a traceback)", file=sys.stderr)
        return 3


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


def _lint(args: argparse.Namespace) -> int:
    findings: list[Finding] = []
    broken = False
    for path in spec_paths(args.paths):
        try:
            findings.extend(lint(load(path)))
        except TrunklineError as exc:
            broken = True
            findings.append(Finding("unreadable", Severity.ERROR, exc.message, exc.location or _nowhere(path)))
    if args.format == "json":
        print(json.dumps([_finding_json(f) for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding)
    if broken:
        return EXIT_INPUT
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _nowhere(path: Path) -> Location:
    return Location(str(path))


def _finding_json(finding: Finding) -> dict[str, object]:
    loc = finding.location
    return {"file": loc.file, "line": loc.line, "column": loc.col, "pointer": loc.pointer,
            "rule": finding.rule, "severity": finding.severity.value, "message": finding.message}


def _generate(args: argparse.Namespace) -> int:
    progress = Progress()
    try:
        packages = render_all(vendor_targets(args.specs, args.vendors), progress)
        progress.stage("all", "writing")
        write_packages(args.out, packages)
    finally:
        progress.done()
    print(f"generated {', '.join(f'{args.out}/{name}' for name in packages)}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    progress = Progress()
    targets = vendor_targets(args.specs, args.vendors)
    try:
        packages = render_all(targets, progress)
    finally:
        progress.done()
    stale = [f"{args.out}/{name}/{rel}" for name, files in packages.items() for rel in differences(args.out / name, files)]
    if stale:
        print(f"{len(stale)} generated file(s) differ from the specs and templates; run `trunkline generate`:")
        for path in stale:
            print(f"  {path}")
        return EXIT_FINDINGS
    print(f"{args.out}/ is up to date ({len(packages)} package(s))")
    return EXIT_OK
