"""`trunkline release VENDOR`: bump a package's version by the spec's changes and regenerate it."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from generator.errors import TrunklineError
from generator.pipeline import LintFailed
from generator.release.release import NothingToRelease, apply, plan, release_date, summary

HELP = "bump a package's version from the spec changes, write its changelog and regenerate it"
DESCRIPTION = (
    "Diff specs/VENDOR.yaml against the spec of the last release (releases/VENDOR/spec.yaml), bump the version "
    "(semantic versioning, 0.x convention), prepend a CHANGELOG.md entry, record the release and regenerate the package."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """The vendor, the directories, the date and --dry-run."""
    parser.add_argument("vendor", metavar="VENDOR", help="the vendor whose package to release")
    parser.add_argument("--dry-run", action="store_true", help="print the new version and changelog entry; write nothing")
    parser.add_argument("--specs", type=Path, default=Path("specs"), help="directory of vendor specs (default specs/)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory (default generated/)")
    parser.add_argument("--set-version", metavar="X.Y.Z", default=None,
                        help="release as this version instead of the computed one (e.g. 1.0.0); not below the computed one")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None,
                        help="release date YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today in UTC)")


def run(args: argparse.Namespace) -> int:
    """Release; 0 released, 1 nothing to release, 2 bad input (nothing written)."""
    today = args.date or release_date()
    try:
        release = plan(args.specs, args.vendor, today, args.set_version)
        if args.dry_run:
            print(f"{summary(release)} [dry run: nothing written]\n")
            print(release.entry, end="")
            return 0
        apply(release, args.specs, args.out, today)
    except NothingToRelease as exc:
        print(f"trunkline: {exc}", file=sys.stderr)
        return 1
    except TrunklineError as exc:  # lint errors (each listed) or an unusable spec (one located line)
        for finding in exc.findings if isinstance(exc, LintFailed) else []:
            print(finding, file=sys.stderr)
        print(f"trunkline: error: {exc}; nothing was released", file=sys.stderr)
        return 2
    print(summary(release))
    print(f"wrote releases/{args.vendor}/ (release.json, CHANGELOG.md, spec.yaml) and {args.out}/{args.vendor}")
    return 0
