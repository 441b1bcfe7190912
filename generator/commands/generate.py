"""`trunkline generate`: render client packages and swap them into the output directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import LintFailed, Target, render_all, spec_target, vendor_targets
from generator.errors import UsageError
from generator.progress import Progress
from generator.write import write_packages

HELP = "render client packages into the output directory"
DESCRIPTION = "Render one client package per vendor spec into the output directory, all or nothing."


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the vendor selection and the directories."""
    parser.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every spec in --specs)")
    parser.add_argument("--specs", type=Path, default=Path("specs"), help="directory of vendor specs (default specs/)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory; each package goes to OUT/NAME (default generated/)")
    parser.add_argument("--spec", type=Path, metavar="PATH", help="generate from this one OpenAPI 3.0/3.1 file instead of the vendor specs")
    parser.add_argument("--name", metavar="NAME", help="with --spec: the package name (default: the file name), giving trunkline-NAME")


def run(args: argparse.Namespace) -> int:
    """Generate; 0 written, 2 a spec has errors (nothing written)."""
    progress = Progress()
    try:
        packages = render_all(_targets(args), progress)
        progress.stage("all", "writing")
        write_packages(args.out, packages)
    except LintFailed as exc:
        progress.done()
        for finding in exc.findings:
            print(finding, file=sys.stderr)
        print(f"trunkline: error: {exc}", file=sys.stderr)
        return 2
    finally:
        progress.done()
    print(f"generated {', '.join(f'{args.out}/{name}' for name in packages)}")
    return 0


def _targets(args: argparse.Namespace) -> list[Target]:
    """The vendor specs asked for, or the one spec of `--spec`."""
    if args.spec is None:
        if args.name is not None:
            raise UsageError("--name needs --spec")
        return vendor_targets(args.specs, args.vendors)
    if args.vendors:
        raise UsageError("give either VENDOR names or --spec, not both")
    return [spec_target(args.spec, args.name)]
