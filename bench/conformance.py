"""Conformance figures: every operation called, every request checked by openapi-core, every answer parsed.

Prints `requests valid R/N, responses parsed P/N, mock agrees M/N` per spec (the mock compared
with openapi-core's own verdict on each request), how many documented media types were answered
(each in turn, each read as its own type), the operations judged on their own path because
openapi-core matched another template, and the first failure of each failing operation (with --failures). Specs: specs/*.yaml, the corpus (petstore, Stripe, Telnyx, GitHub)
and the project's styles spec; `--spec` picks some. Stripe and GitHub take about a minute each.

`--prism`: a second independent validator adjudicates what openapi-core refuses (bench/adjudicate.py).
Every request the harness did not find valid goes to Prism's validating mock, one Prism per spec
on the request side of those operations, and is read back from the wire to check every value
passed arrived as passed. Per spec: `refused by openapi-core: K; Prism accepts A of them; refused
by both: B` (A counts only requests Prism accepts and whose values all arrived; the others are
counted apart), one line per request not shown valid with both validators' reasons, and how often
the wire reader agrees with the harness on the requests openapi-core found valid. Prism is
installed once with npm into `bench/.peers/prism/` (needs Node.js).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.adjudicate import Adjudication, adjudicate, totals
from tests.conformance import run_spec

CORPUS = ROOT.parent / "shared" / "corpus"


def default_specs() -> list[Path]:
    """The vendor specs, the corpus specs present on this machine and the styles spec."""
    corpus = [CORPUS / name for name in ("petstore.yaml", "stripe.yaml", "telnyx.yml", "github.json")]
    return sorted((ROOT / "specs").glob("*.yaml")) + [p for p in corpus if p.exists()] + [
        ROOT / "tests" / "fixtures" / "styles.yaml"
    ]


def failure_class(message: str) -> str:
    """The kind of a failure message, without its values: what to count."""
    if message == "no request was sent":
        return "answer not parsed: no request was sent"
    if message.startswith("raised before sending"):
        return ": ".join(message.split(": ")[:2])
    if message.startswith(("synthesized: ", "example")):
        return "answer not parsed: " + message.split(": ")[1].split(" ")[0]
    words = message.split(" ")
    if " did not arrive" in message:
        return "body field did not arrive" if words[0].startswith("body") else f"{words[0]} parameter did not arrive"
    if ", arrived " in message:
        return f"{words[0].split('[')[0]} value changed on the wire"
    kinds = [part.split(":")[0] for part in message.split(" <- ")]
    return " <- ".join(k for k in kinds if k.isidentifier())


def _cpu() -> float:
    """CPU seconds of this process and its finished children (generation renders models in worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> int:
    """Run the harness on each spec and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spec", action="append", type=Path, help="a spec to check (repeatable); default: all")
    parser.add_argument("--failures", type=int, default=5, help="failing operations to print per spec")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--prism", action="store_true", help="Prism adjudicates every request openapi-core refuses")
    parser.add_argument("--prism-startup", type=float, default=120.0, help="seconds Prism may take to start (default 120)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # openapi-core warns once per scheme type it does not check
    total_n = total_r = total_p = total_m = 0
    verdicts: list[Adjudication] = []
    for spec in args.spec or default_specs():
        started, cpu = time.perf_counter(), _cpu()
        with tempfile.TemporaryDirectory(prefix="conformance-") as work:
            result = run_spec(spec, Path(work), seed=args.seed)
        n = len(result.operations)
        total_n, total_r, total_p = total_n + n, total_r + result.requests_valid, total_p + result.responses_parsed
        total_m += result.mock_agreements
        used = sum(r.examples_used for r in result.operations)
        skipped = sum(r.examples_skipped for r in result.operations)
        media = sum(r.media_types_answered for r in result.operations)
        several = sum(r.media_types_answered > 1 for r in result.operations)
        print(f"{result.summary()}  ({time.perf_counter() - started:.1f} s, {_cpu() - cpu:.1f} s CPU;"
              f" documented examples answered {used},"
              f" {skipped} more skipped as openapi-core refuses them; (status, media type) pairs answered {media},"
              f" {several} operations with more than one)", flush=True)
        for r in result.operations:
            if r.ambiguous_with:
                print(f"    {r.operation_id}: openapi-core matched {r.ambiguous_with}; checked on its own path")
        classes = Counter(failure_class(r.request_error) for r in result.operations if not r.request_ok)
        classes.update(failure_class(r.response_error) for r in result.operations if not r.response_ok)
        for kind, count in classes.most_common():
            print(f"    {count:4d} x {kind}")
        for line in result.failures()[: args.failures]:
            print("  " + line[:400])
        for line in result.disagreements()[: args.failures]:
            print("  " + line[:400])
        if args.prism:
            verdicts.append(adjudicate(spec, result, args.prism_startup))
            print("\n".join(verdicts[-1].lines()), flush=True)
    print(f"all: requests valid {total_r}/{total_n}, responses parsed {total_p}/{total_n}, mock agrees {total_m}/{total_n}")
    if args.prism:
        print(totals(verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
