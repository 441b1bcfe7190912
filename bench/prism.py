"""A second independent validator on one spec: Prism's verdict on each request openapi-core refuses.

Runs the conformance harness (tests/conformance/) on SPEC, then hands every request it did not
find valid to Prism's validating mock (`@stoplight/prism-cli` 5, installed once with npm into
`bench/.peers/prism/`, needs Node.js) and reads each back from the wire to check every value
passed arrived as passed: bench/adjudicate.py, which `bench/conformance.py --prism` and
`bench/unseen.py --prism` use too. Prints the figures and one line per request Prism does not
show valid, with both validators' reasons.

Run: `python bench/prism.py SPEC [--startup SECONDS] [--seed S]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.adjudicate import adjudicate
from tests.conformance import run_spec


def main() -> int:
    """Run the harness on one spec and Prism on what openapi-core refused."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", type=Path)
    parser.add_argument("--startup", type=float, default=120.0, help="seconds Prism may take to start (default 120)")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # openapi-core warns once per scheme type it does not check
    with tempfile.TemporaryDirectory(prefix="prism-") as work:
        result = run_spec(args.spec, Path(work), seed=args.seed)
    print("\n".join(adjudicate(args.spec, result, args.startup).lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
