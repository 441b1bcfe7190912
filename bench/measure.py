"""Run a command and report its wall time and peak memory, summed over its whole process tree.

Peak memory is sampled from /proc every 20 ms (Linux), adding the resident memory of the
command and all its descendants, so a generator that forks workers is charged for all of them.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measure:
    """One run: seconds on the wall clock, peak resident MiB of the process tree, exit status."""

    seconds: float
    peak_mib: float
    returncode: int
    output: str


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measure:
    """Run `command` to the end, sampling the memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return Measure(seconds, peak[0] / 1024 / 1024, process.returncode, output)


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every descendant alive now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            statm = Path(entry.path, "statm").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(statm.split()[1]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total
