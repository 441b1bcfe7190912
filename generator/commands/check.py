"""`trunkline check`: fail when the output directory is not what `generate` would write."""

from __future__ import annotations

import argparse

from generator.commands.generate import add_target_arguments, targets_of
from generator.progress import Progress
from generator.rendering.model_worker import prestarted
from generator.targets import inputs_digest
from generator.writing.manifest import MANIFEST, drift

HELP = "exit 1 if the output directory differs from what generate would write"
DESCRIPTION = (
    "List the generated files that differ from what `trunkline generate` would write now: "
    "packages whose inputs changed are rendered and compared, hand edits are found by their hashes."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """The same vendor and directory arguments as `generate`."""
    add_target_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """0 up to date, 1 differences (listed)."""
    targets = targets_of(args)
    reasons = {t.name: drift(args.out / t.name, inputs_digest(t)) for t in targets}
    changed = [t for t in targets if any(r.startswith(MANIFEST) for r in reasons[t.name])]
    stale = [f"{args.out}/{name}/{reason}" for name, found in reasons.items() for reason in found if not reason.startswith(MANIFEST)]
    if changed:
        with prestarted(wanted=len(changed) == 1):  # see `generate`
            from generator.pipeline import render_all  # heavy: only when inputs changed
            from generator.writing.write import differences

            progress = Progress()
            try:
                packages = render_all(changed, progress)
            finally:
                progress.done()
        stale = [s for s in stale if not any(s.startswith(f"{args.out}/{t.name}/") for t in changed)]
        stale += [f"{args.out}/{name}/{rel}" for name, files in packages.items() for rel in differences(args.out / name, files)]
    if stale:
        print(f"{len(stale)} generated file(s) differ from the specs and templates; run `trunkline generate`:")
        for path in sorted(stale):
            print(f"  {path}")
        return 1
    print(f"{args.out}/ is up to date ({len(targets)} package(s))")
    return 0
