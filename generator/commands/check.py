"""`trunkline check`: fail when the output directory is not what `generate` would write."""

from __future__ import annotations

import argparse

from generator.commands.generate import configure as configure  # same arguments as generate
from generator.pipeline import render_all, vendor_targets
from generator.progress import Progress
from generator.write import differences

HELP = "exit 1 if the output directory differs from what generate would write"
DESCRIPTION = "List the generated files that differ from what `trunkline generate` would write now."


def run(args: argparse.Namespace) -> int:
    """0 up to date, 1 differences (listed)."""
    progress = Progress()
    try:
        packages = render_all(vendor_targets(args.specs, args.vendors), progress)
    finally:
        progress.done()
    stale = [f"{args.out}/{name}/{rel}" for name, files in packages.items() for rel in differences(args.out / name, files)]
    if stale:
        print(f"{len(stale)} generated file(s) differ from the specs and templates; run `trunkline generate`:")
        for path in stale:
            print(f"  {path}")
        return 1
    print(f"{args.out}/ is up to date ({len(packages)} package(s))")
    return 0
