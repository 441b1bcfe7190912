"""`trunkline verify SPEC TRAFFIC...`: check recorded traffic (HAR files, drift logs) against a spec."""

from __future__ import annotations

import argparse
import sys

from generator.commands.mock import spec_path
from generator.drift.checker import DriftChecker
from generator.drift.kinds import KINDS
from generator.drift.output import FORMATS, failing, render
from generator.drift.verify import verify
from generator.reading.load import load

HELP = "check recorded traffic (HAR files, client drift logs) against a spec"
DESCRIPTION = (
    "Find where the real API departs from the spec in recorded traffic: HAR 1.2 files (browser devtools, "
    "mitmproxy, Charles) and the drift logs generated clients write with <VENDOR>_DRIFT_LOG=PATH. Each finding "
    "names the spec file, line and JSON pointer to fix. Exit 0 clean, 1 findings at the --fail-on level, "
    "2 unreadable input or bad usage. See docs/drift.md."
)
FAIL_LEVELS = ("error", "warning")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the spec, the traffic files and the output options."""
    parser.add_argument("spec", metavar="SPEC", help="spec file, or a vendor name of specs/ (e.g. hipcall)")
    parser.add_argument("traffic", nargs="+", metavar="TRAFFIC", help="HAR files (.har) and drift logs (.jsonl)")
    add_report_options(parser)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """--format and --fail-on, shared with `trunkline proxy`."""
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default text)")
    parser.add_argument(
        "--fail-on", action="append", default=[], metavar="LEVEL|KIND", choices=(*FAIL_LEVELS, *KINDS),
        help="exit 1 on findings at this severity or worse (error, the default, or warning), or of this kind; repeatable",
    )


def run(args: argparse.Namespace) -> int:
    """Check every file; 0 clean, 1 findings at the --fail-on level, 2 unreadable input."""
    spec = spec_path(args.spec)
    checker = DriftChecker(load(spec))
    report = verify(checker, args.traffic)
    sys.stdout.write(render(report, args.format, [spec]))
    count = len(report.findings())
    print(f"verify: {report.exchanges} exchanges, {count} finding{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if failing(report, args.fail_on) else 0
