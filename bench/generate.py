"""Generation figures: Trunkline against openapi-python-client and datamodel-code-generator.

For each corpus spec, prints wall time and peak memory (whole process tree) of Trunkline with an
empty cache (cold), with the cache of that run (warm), and with that cache after one component
schema got one more property (as a vendor's spec update often does); of openapi-python-client
and of datamodel-code-generator; and the ratios. Then the least time black alone can take on
Trunkline's output (one pass over files already formatted), a floor under any cold run that
keeps black as the formatter of record; then each vendor spec cold against
openapi-python-client, all five cold in one run, and the no-op and one-spec-changed
regeneration of the five vendor clients. The peers are installed once into `bench/.peers/` (needs the package
registry). The one-property run is repeated `--runs` times, each from a copy of the cache and
output the warm run left (so each is the first run after the change); its wall and CPU seconds
(user + system of the whole process tree) are printed per run.
Run: `python bench/generate.py [SPEC_NAME ...] [--skip-peers] [--runs N] [--vendors-only | --corpus-only]`.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]
from measure import Measure, run

from generator.formatting.fmt import format_source

CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = {"petstore": "petstore.yaml", "stripe": "stripe.yaml", "telnyx": "telnyx.yml", "github": "github.json"}
PEERS = Path(__file__).resolve().parent / ".peers"
PEER_PACKAGES = ["openapi-python-client==0.29.*", "datamodel-code-generator==0.89.*"]


def peers() -> Path:
    """The virtual environment with the peer generators, created on first use."""
    marker = PEERS / ".installed"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(PEERS / "bin" / "python"), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
        marker.touch()
    return PEERS / "bin"


def compiled() -> None:
    """Compile the generator's modules to bytecode, as installing a wheel does: with
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI), a checkout would otherwise compile
    every module from source on every run, which the peers, installed by pip, never do."""
    compileall.compile_dir(ROOT / "generator", quiet=1)


# Every Trunkline command runs in ROOT: `python -m` puts the working directory first on sys.path,
# so run elsewhere it would measure whatever `generator` package that directory holds.
def trunkline(spec: Path, out: Path, cache: Path) -> Measure:
    return timed(spec, out, cache)[0]


def timed(spec: Path, out: Path, cache: Path) -> tuple[Measure, float]:
    """One Trunkline run and its CPU seconds (user + system of its whole process tree)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUNKLINE_CACHE_DIR": str(cache)}
    measure = run([sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out), "--force"], env=env, cwd=ROOT)
    return measure, measure.cpu_seconds


def one_property_runs(spec: Path, work: Path, runs: int) -> list[tuple[Measure, float]]:
    """`runs` one-property runs, each from a copy of the cache and output the warm run left."""
    changed = one_property_added(spec, work)
    results = []
    for _ in range(runs):
        for name in ("cache", "out"):
            shutil.rmtree(work / f"{name}-run", ignore_errors=True)
            shutil.copytree(work / name, work / f"{name}-run", symlinks=True)
        results.append(timed(changed, work / "out-run", work / "cache-run"))
    return results


def openapi_python_client(spec: Path, out: Path) -> Measure:
    return run([str(peers() / "openapi-python-client"), "generate", "--path", str(spec), "--output-path", str(out / "opc"), "--overwrite"])


def datamodel_code_generator(spec: Path, out: Path) -> Measure:
    command = [
        str(peers() / "datamodel-codegen"), "--input", str(spec), "--input-file-type", "openapi",
        "--output-model-type", "pydantic_v2.BaseModel", "--output", str(out / "dmcg"),  # a directory when modular
    ]
    return run(command)


def one_property_added(spec: Path, work: Path) -> Path:
    """A JSON copy of `spec`, under the same name (which names the package), in which the first
    component schema with properties has one more: what a vendor's spec update often is."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(spec.read_text(encoding="utf-8"), Loader=loader)  # JSON is YAML too
    schema = next(s for s in document["components"]["schemas"].values() if isinstance(s.get("properties"), dict))
    schema["properties"]["added_by_the_benchmark"] = {"type": "string", "description": "A field the vendor added."}
    changed = work / "changed" / spec.name
    changed.parent.mkdir()
    changed.write_text(json.dumps(document), encoding="utf-8")
    return changed


def black_floor(out: Path) -> float:
    """CPU seconds black spends on the Python files under `out`, which are formatted already:
    one pass each, the least a run that formats them all can spend."""
    started = time.process_time()
    for path in sorted(out.rglob("*.py")):
        format_source(str(path), path.read_text(encoding="utf-8"))  # what `generate` runs on each file
    return time.process_time() - started


def cell(m: Measure | None) -> str:
    if m is None:
        return "skipped"
    flag = "" if m.returncode == 0 else f" (exit {m.returncode})"
    return f"{m.seconds:7.1f} s {m.peak_mib:6.0f} MiB{flag}"


def ratio(ours: Measure, theirs: Measure | None, attr: str) -> str:
    if theirs is None or theirs.returncode != 0:
        return "  -  "
    return f"{getattr(ours, attr) / getattr(theirs, attr):.2f}x"


def corpus(names: list[str], skip_peers: bool, runs: int = 1) -> None:
    print("## Generating the corpus specs (wall time, peak memory of the process tree)\n")
    print("| spec | trunkline cold | trunkline warm | warm, one property added | openapi-python-client | datamodel-code-generator | time vs opc (cold) | memory vs opc (cold) |")
    print("|---|---|---|---|---|---|---|---|")
    floors: dict[str, tuple[float, Measure | None]] = {}
    repeated: dict[str, list[tuple[Measure, float]]] = {}
    for name in names:
        spec = CORPUS / SPECS[name]
        if not spec.is_file():
            print(f"| {name} | corpus file {spec} absent | | | | | | |")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            cold = trunkline(spec, work / "out", work / "cache")
            warm = trunkline(spec, work / "out", work / "cache")
            repeated[name] = one_property_runs(spec, work, runs)
            changed = min((m for m, _ in repeated[name]), key=lambda m: m.seconds)
            opc = None if skip_peers else openapi_python_client(spec, work)
            dmcg = None if skip_peers else datamodel_code_generator(spec, work)
            if cold.returncode == 0:
                floors[name] = (black_floor(work / "out"), opc)
        print(f"| {name} | {cell(cold)} | {cell(warm)} | {cell(changed)} | {cell(opc)} | {cell(dmcg)} | {ratio(cold, opc, 'seconds')} | {ratio(cold, opc, 'peak_mib')} |", flush=True)
        for label, m in (("trunkline", cold), ("openapi-python-client", opc), ("datamodel-code-generator", dmcg)):
            if m is not None and m.returncode != 0:
                print(f"|   {label} said: {m.output.strip().splitlines()[-1][:200] if m.output.strip() else '(nothing)'} ||||||||")
    print("\n### One property added, each run from the warm run's cache (wall / CPU seconds)\n")
    for name, results in repeated.items():
        cells = ", ".join(f"{m.seconds:.2f} / {cpu:.2f}" for m, cpu in results)
        print(f"- {name}: {cells}")
    cores = os.cpu_count() or 1
    print(f"\n### Black alone on Trunkline's output, at the least (one pass over formatted files; {cores} cores)\n")
    print("| spec | black CPU time | shared by all cores | half of openapi-python-client's time |\n|---|---|---|---|")
    for name, (cpu, opc) in floors.items():
        half = f"{opc.seconds / 2:.1f} s" if opc is not None and opc.returncode == 0 else "-"
        print(f"| {name} | {cpu:.1f} s | {cpu / cores:.1f} s | {half} |")
    print()


def vendor_specs(skip_peers: bool) -> None:
    """Each vendor spec cold against openapi-python-client, then all five cold in one run."""
    print("## Generating each vendor spec, empty caches (CPU: user + system of the process tree)\n")
    print("| spec | trunkline cold | openapi-python-client | time vs opc | trunkline CPU | opc CPU | CPU vs opc |")
    print("|---|---|---|---|---|---|---|")
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            ours = trunkline(spec, work / "out", work / "cache")
            opc = None if skip_peers else openapi_python_client(spec, work)
        cpu = f"{opc.cpu_seconds:.2f} s" if opc is not None else "-"
        print(
            f"| {spec.stem} | {cell(ours)} | {cell(opc)} | {ratio(ours, opc, 'seconds')} | {ours.cpu_seconds:.2f} s | {cpu} | "
            f"{ratio(ours, opc, 'cpu_seconds')} |", flush=True,
        )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUNKLINE_CACHE_DIR": str(work / "cache")}
        command = [sys.executable, "-m", "generator", "generate", "--specs", str(ROOT / "specs"), "--out", str(work / "out")]
        five = run(command, env=env, cwd=ROOT)
    print(f"\n- all five vendors, one run, empty cache: {five.seconds:.2f} s, {five.peak_mib:.0f} MiB, CPU {five.cpu_seconds:.2f} s (target: 3 s)\n")


def vendors() -> None:
    print("## Regenerating the five vendor clients\n")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "specs", work / "specs")
        shutil.copytree(ROOT / "generated", work / "generated")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUNKLINE_CACHE_DIR": str(work / "cache")}
        command = [sys.executable, "-m", "generator", "generate", "--specs", str(work / "specs"), "--out", str(work / "generated")]
        noop = min((run(command, env=env, cwd=ROOT) for _ in range(3)), key=lambda m: m.seconds)
        spec = work / "specs" / "monica.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace("What the call was about.", "What the call was about!"), encoding="utf-8")
        one = run(command, env=env, cwd=ROOT)
        print(f"- no-op regeneration (best of 3): {noop.seconds:.2f} s, {noop.peak_mib:.0f} MiB (target: under 1 s)")
        print(f"- one spec changed (monica), empty format cache: {one.seconds:.2f} s, {one.peak_mib:.0f} MiB; {one.output.strip()}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("specs", nargs="*", metavar="SPEC", help=f"corpus specs ({', '.join(SPECS)}; default all)")
    parser.add_argument("--skip-peers", action="store_true", help="measure Trunkline only")
    parser.add_argument("--vendors-only", action="store_true", help="only the vendor specs (each cold, all five, regeneration)")
    parser.add_argument("--runs", type=int, default=1, help="one-property runs per spec, each from the warm run's cache (default 1)")
    parser.add_argument("--corpus-only", action="store_true", help="leave out the vendor specs' sections")
    args = parser.parse_args()
    unknown = set(args.specs) - set(SPECS)
    if unknown:
        parser.error(f"unknown spec(s) {', '.join(sorted(unknown))}; choose from {', '.join(SPECS)}")
    compiled()
    if not args.vendors_only:
        corpus(args.specs or list(SPECS), args.skip_peers, max(1, args.runs))
    if not args.corpus_only:
        vendor_specs(args.skip_peers)
        vendors()


if __name__ == "__main__":
    main()
