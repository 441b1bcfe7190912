"""`trunkline diff OLD NEW`: list and classify the changes between two specs."""

from __future__ import annotations

import argparse

from generator.release import report
from generator.release.diff import Level, compare
from generator.release.source import read_side

HELP = "list and classify the changes between two specs"
DESCRIPTION = (
    "Compare two OpenAPI specs, each a file or PATH@GITREF (e.g. specs/hipcall.yaml@HEAD~1), and classify every change "
    "for callers of the generated client as breaking, non-breaking or documentation-only."
)
FAIL_LEVELS = {"breaking": {Level.BREAKING}, "non-breaking": {Level.BREAKING, Level.NON_BREAKING}, "any": set(Level)}


def configure(parser: argparse.ArgumentParser) -> None:
    """The two sides, the output format and the CI gate."""
    parser.add_argument("old", metavar="OLD", help="the earlier spec: a file, or PATH@GITREF")
    parser.add_argument("new", metavar="NEW", help="the later spec: a file, or PATH@GITREF")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default text)")
    parser.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default=None,
                        help="exit 1 when there is a change of this level or worse (non-breaking includes breaking)")


def run(args: argparse.Namespace) -> int:
    """Print the changes; 1 when --fail-on is met, 2 when a side cannot be read."""
    old, new = read_side(args.old), read_side(args.new)
    changes = compare(old, new)
    if args.format == "json":
        print(report.as_json(changes, old, new), end="")
    elif args.format == "markdown":
        print(report.markdown(changes, old, new), end="")
    else:
        print(report.text(changes, old, new), end="")
    if args.fail_on and any(c.level in FAIL_LEVELS[args.fail_on] for c in changes):
        return 1
    return 0
