"""Black's share of generating a corpus spec, before and after the format stage's "needs black" decision.

For each spec, renders the package in memory (the Python files as they reach the format stage;
the static runtime modules, which never go to black, left out), then measures on one core:
- before: every file through black whole, as the format stage did;
- after: the decision (`fmt.settled`) on every file, and black on the statements of the others
  that need it (`fmt.format_statements`), as the format stage does now;
and prints files and characters handed to black and the CPU seconds of each, and checks that
both give the same bytes. Run: `python bench/format_stage.py [SPEC_NAME or VENDOR ...]` (default: github).
(Not `bench/black.py`: run as a script, that name would shadow the black package.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from generator.formatting import fmt
from generator.formatting.layout import layout_files
from generator.pipeline import package_ir
from generator.rendering.render import model_files, render, static_paths
from generator.targets import spec_target, vendor_targets

CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = {"petstore": "petstore.yaml", "stripe": "stripe.yaml", "telnyx": "telnyx.yml", "github": "github.json"}
VENDORS = ("agendize", "hipcall", "monica", "snapcall", "voipnow")


def unformatted(name: str) -> dict[str, str]:
    """The Python files of the spec's package as the format stage receives them."""
    target = vendor_targets(ROOT / "specs", [name])[0] if name in VENDORS else spec_target(CORPUS / SPECS[name], name)
    package = package_ir(target)
    files = {**layout_files(render(package)), **model_files(package)}  # as the pipeline hands them over
    static = static_paths(package)
    return {path: text for path, text in files.items() if path.endswith(".py") and path not in static}


def measure(name: str) -> str:
    """One table row: the spec's files, and black's work before and after."""
    files = unformatted(name)
    started = time.process_time()
    before = {path: fmt.format_source(path, text) for path, text in files.items()}
    before_cpu = time.process_time() - started

    handed: list[int] = []
    real = fmt.format_source

    def counting(path: str, text: str) -> str:
        handed.append(len(text))
        return real(path, text)

    fmt.format_source = counting  # format_statements calls it for each piece black gets
    try:
        started = time.process_time()
        kept = {path for path, text in files.items() if fmt.settled(path, text)}
        decision_cpu = time.process_time() - started
        started = time.process_time()
        after = {path: text if path in kept else fmt.format_statements(path, text) for path, text in files.items()}
        after_cpu = time.process_time() - started
    finally:
        fmt.format_source = real
    sent = [path for path in files if path not in kept]
    differ = sum(before[path] != after[path] for path in files)
    total = sum(len(text) for text in files.values())
    return (
        f"| {name} | {len(files):,} files, {total / 1e6:.1f} MB | {before_cpu:.1f} s | "
        f"{len(sent):,} files, {sum(len(files[p]) for p in sent) / 1e6:.2f} MB | "
        f"{len(handed):,} pieces, {sum(handed) / 1e6:.2f} MB | {decision_cpu:.1f} s + {after_cpu:.1f} s | "
        f"{'same' if differ == 0 else f'{differ} files DIFFER'} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="*", metavar="SPEC", help=f"corpus specs ({', '.join(SPECS)}) or vendors; default github")
    args = parser.parse_args()
    unknown = set(args.specs) - set(SPECS) - set(VENDORS)
    if unknown:
        parser.error(f"unknown spec(s) {', '.join(sorted(unknown))}; choose from {', '.join([*SPECS, *VENDORS])}")
    os.environ.setdefault("TRUNKLINE_CACHE_DIR", tempfile.mkdtemp(prefix="trunkline-bench-black-"))
    print("## Black's share of a cold run, on one core\n")
    print("| spec | Python files to format | before: black on all, CPU | after: files black must see | "
          "after: pieces black gets | after: decision + black, CPU | output |")
    print("|---|---|---|---|---|---|---|")
    for name in args.specs or ["github"]:
        print(measure(name), flush=True)


if __name__ == "__main__":
    main()
