"""`trunkline generate`: render client packages and swap them into the output directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import LintFailed, render_all, vendor_targets
from generator.progress import Progress
from generator.write import write_packages

HELP = "render client packages into the output directory"
DESCRIPTION = "Render one client package per vendor spec into the output directory, all or nothing."


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the vendor selection and the directories."""
    parser.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every spec in --specs)")
    parser.add_argument("--specs", type=Path, default=Path("specs"), help="directory of vendor specs (default specs/)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory (default generated/)")


def run(args: argparse.Namespace) -> int:
    """Generate; 0 written, 2 a spec has errors (nothing written)."""
    progress = Progress()
    try:
        packages = render_all(vendor_targets(args.specs, args.vendors), progress)
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
