"""Run a command and report its wall time, CPU time and peak memory, over its whole process tree.

Peak memory is sampled from /proc every 20 ms (Linux), adding the resident memory of the
command and all its descendants, so a generator that forks workers is charged for all of them.
CPU time (user + system) is what the kernel accounts to the command and every descendant: this
process is made a subreaper (Linux), so a descendant left behind by its parent (a forkserver
whose parent exited) is still waited for and counted. On a shared machine CPU time is the
steadier figure; wall time is what a user waits.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Measure:
    """One run: seconds on the wall clock, peak resident MiB of the process tree, exit status,
    and CPU seconds (user + system) of the process tree."""

    seconds: float
    peak_mib: float
    returncode: int
    output: str
    cpu_seconds: float = 0.0


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measure:
    """Run `command` to the end, sampling the memory of its process tree."""
    _become_subreaper()
    _reap_orphans()  # what an earlier run left must not be charged to this one
    before = _children_cpu()
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
    _reap_orphans()  # descendants that outlived the command: their CPU time is the command's
    return Measure(seconds, peak[0] / 1024 / 1024, process.returncode, output, _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _become_subreaper() -> None:
    """Orphaned descendants become this process's children (Linux); elsewhere nothing."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap_orphans() -> None:
    """Wait for every child this process has (`run` is called with no other child running)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0)
        except ChildProcessError:
            return
        if pid == 0:
            return


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
