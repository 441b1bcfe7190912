"""Where a cold `generate --spec` of one small spec spends its CPU, stage by stage, imports apart.

Each run is a fresh interpreter with an empty cache that goes through the stages of
`pipeline.render_target` in one process (no models worker), timing each with the CPU clock; the
figures are the medians of several runs, so other load on the machine moves them little. Then the
same command as `trunkline generate --spec` measured whole (wall and CPU of the process tree).
Run: `python bench/startup.py [SPEC ...] [--runs N]` (default: specs/monica.yaml, 5 runs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(Path(__file__).resolve().parent)]
from measure import run

# One run, printed as JSON: stage -> CPU seconds.
_STAGES = r"""
import json, sys, time
times, last = {}, [time.process_time()]
def mark(stage):
    now = time.process_time(); times[stage] = now - last[0]; last[0] = now
import generator.cli, generator.commands.generate; mark("import cli and generate")
from pathlib import Path
from generator.targets import inputs_digest, spec_target
target = spec_target(Path(sys.argv[1])); inputs_digest(target); mark("target and inputs digest")
import generator.pipeline; mark("import the stages")
from dataclasses import replace
from generator.reading.load import load
from generator.reading.preflight import preflight
from generator.modeling.build import build
document = load(target.spec); preflight(document); mark("load and preflight")
package = replace(build(document, target.name, target.version), urls=target.urls); mark("build")
from generator.rendering.render import model_files, render, static_paths
files = render(package); mark("render templates (jinja2)")
from generator.formatting.layout import layout_files
files = layout_files(files); mark("lay out long lines")
from generator.formatting.fmt import Formatter
with Formatter(False) as formatter:
    formatter.start(files, formatted=static_paths(package))(); mark("format templates")
    import datamodel_code_generator.config, datamodel_code_generator.parser.jsonschema  # what `generate` loads first
    mark("import datamodel-code-generator")
    models = model_files(package, False); mark("models")
    formatter.start(models)(); mark("format models")
mark("black imported" if "black" in sys.modules else "black not imported")
print(json.dumps(times))
"""


def stages(spec: Path, runs: int) -> None:
    """Median CPU of each stage over `runs` fresh interpreters."""
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUNKLINE_CACHE_DIR": tmp}
            out = subprocess.run([sys.executable, "-c", _STAGES, str(spec)], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        for stage, seconds in json.loads(out.stdout.strip().splitlines()[-1]).items():
            found.setdefault(stage, []).append(seconds)
    print(f"## {spec.name}: CPU by stage, one process, median of {runs}\n\n| stage | CPU ms |\n|---|---|")
    for stage, values in found.items():
        print(f"| {stage} | {1000 * statistics.median(values):.0f} |")
    total = sum(statistics.median(values) for values in found.values())
    print(f"| total (stages only; interpreter start not included) | {1000 * total:.0f} |\n")


def whole(spec: Path, runs: int) -> None:
    """The real command, with its models worker where there is one: median wall and CPU."""
    measured = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "TRUNKLINE_CACHE_DIR": f"{tmp}/cache"}
            command = [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", f"{tmp}/out", "--force"]
            measured.append(run(command, env=env, cwd=ROOT))
    wall = statistics.median(m.seconds for m in measured)
    cpu = statistics.median(m.cpu_seconds for m in measured)
    print(f"- `trunkline generate --spec {spec.name}`, cold: wall {wall:.2f} s, CPU {cpu:.2f} s (medians of {runs})\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("specs", nargs="*", type=Path, default=[ROOT / "specs" / "monica.yaml"], metavar="SPEC")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for spec in args.specs:
        stages(spec.resolve(), args.runs)
        whole(spec.resolve(), args.runs)


if __name__ == "__main__":
    main()
