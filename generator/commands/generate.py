"""`trunkline generate`: render client packages and swap them into the output directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import UsageError
from generator.progress import Progress
from generator.rendering.model_worker import prestarted
from generator.targets import Target, inputs_digest, spec_target, vendor_targets
from generator.writing.manifest import drift

HELP = "render client packages into the output directory"
DESCRIPTION = (
    "Render one client package per vendor spec (or for one --spec file) into the output directory, all or nothing. "
    "Packages whose spec, templates and generator are unchanged since the last run are skipped."
)


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """The vendor selection and the directories, shared with `check`."""
    parser.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every spec in --specs)")
    parser.add_argument("--specs", type=Path, default=Path("specs"), help="directory of vendor specs (default specs/)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="output directory; each package goes to OUT/NAME (default generated/)")
    parser.add_argument(
        "--spec", type=Path, metavar="PATH",
        help="generate from this one OpenAPI 3.0/3.1 file instead of the vendor specs; it must be usable, not lint-clean (run `trunkline lint` for that)",
    )
    parser.add_argument("--name", metavar="NAME", help="with --spec: the package name (default: the file name), giving trunkline-NAME")


def configure(parser: argparse.ArgumentParser) -> None:
    """The shared arguments plus `--force`."""
    add_target_arguments(parser)
    parser.add_argument("--force", action="store_true", help="regenerate even the packages that are up to date")


def run(args: argparse.Namespace) -> int:
    """Generate; 0 written (or nothing to do), 2 a spec has errors (nothing written)."""
    targets = targets_of(args)
    stale = [t for t in targets if args.force or drift(args.out / t.name, inputs_digest(t))]
    if not stale:
        print(f"{args.out}/ is up to date ({len(targets)} package(s)); nothing to generate")
        return 0
    # one package renders here: its models' library is imported in a worker meanwhile
    with prestarted(wanted=len(stale) == 1):
        from generator.pipeline import LintFailed, render_all  # heavy: only when there is work
        from generator.writing.write import write_packages

        progress = Progress()
        try:
            packages = render_all(stale, progress)
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
    skipped = len(targets) - len(stale)
    print(f"generated {', '.join(f'{args.out}/{name}' for name in packages)}" + (f" ({skipped} up to date)" if skipped else ""))
    return 0


def targets_of(args: argparse.Namespace) -> list[Target]:
    """The vendor specs asked for, or the one spec of `--spec`."""
    if args.spec is None:
        if args.name is not None:
            raise UsageError("--name needs --spec")
        return vendor_targets(args.specs, args.vendors)
    if args.vendors:
        raise UsageError("give either VENDOR names or --spec, not both")
    return [spec_target(args.spec, args.name)]
