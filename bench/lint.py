"""Benchmark: time to load and lint each vendor spec and the GitHub REST spec; prints a table.

Run from anywhere: `python bench/lint.py [--corpus DIR]`. The GitHub spec is read from
`../shared/corpus/github.json` relative to the project root (or from `--corpus`), and skipped with
a message when it is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.errors import Severity
from generator.lint import lint
from generator.lint.config import Config
from generator.reading.load import load


def measure(path: Path) -> tuple[float, float, int, int, int]:
    """(load seconds, lint seconds, errors, warnings, infos) for one spec at default severities."""
    started = time.perf_counter()
    document = load(path)
    loaded = time.perf_counter()
    findings = lint(document, Config())
    done = time.perf_counter()
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return loaded - started, done - loaded, count[Severity.ERROR], count[Severity.WARNING], count[Severity.INFO]


def main() -> int:
    """Print one row per spec."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus", help="directory holding github.json")
    args = parser.parse_args()
    specs = sorted((ROOT / "specs").glob("*.yaml"))
    github = args.corpus / "github.json"
    header = f"{'spec':<22}{'size':>10}{'load s':>9}{'lint s':>9}{'total s':>9}{'errors':>8}{'warnings':>10}{'infos':>7}"
    print(header)
    print("-" * len(header))
    total = 0.0
    for path in [*specs, github]:
        if not path.is_file():
            print(f"{path.name:<22}skipped: {path} is absent (pass --corpus DIR)")
            continue
        load_s, lint_s, errors, warnings, infos = measure(path)
        total += load_s + lint_s
        size = f"{path.stat().st_size / 1024:.0f} KiB"
        print(f"{path.name:<22}{size:>10}{load_s:>9.2f}{lint_s:>9.2f}{load_s + lint_s:>9.2f}{errors:>8}{warnings:>10}{infos:>7}")
    print("-" * len(header))
    print(f"{'all':<22}{'':>10}{'':>9}{'':>9}{total:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
