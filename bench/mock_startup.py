"""Print how long `trunkline mock` takes, per vendor spec, from process start to its first line (the URL)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


COMMANDS = {
    "trunkline mock": ["-m", "generator", "mock"],
    "python -m generator.mock": ["-m", "generator.mock"],
}


def startup_seconds(spec: Path, command: list[str]) -> tuple[float, float]:
    """Wall seconds from spawning the mock of `spec` to the base URL it prints when ready, and the CPU
    seconds the process used in all (start-up, then idle until SIGTERM)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *command, str(spec), "--port", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.send_signal(signal.SIGTERM)
    process.wait(10)
    process.stdout.close()
    if not line.startswith(b"http://"):
        raise SystemExit(f"{spec.name}: the mock did not start")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    """Three runs per spec: best and worst wall time to ready, and the best CPU time (robust on a busy machine)."""
    for name, command in COMMANDS.items():
        print(name)
        for spec in sorted((ROOT / "specs").glob("*.yaml")):
            runs = [startup_seconds(spec, command) for _ in range(3)]
            walls = [wall for wall, _ in runs]
            cpu = min(c for _, c in runs)
            print(f"  {spec.stem:10} wall best {min(walls) * 1000:5.0f} ms  worst {max(walls) * 1000:5.0f} ms  cpu {cpu * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
