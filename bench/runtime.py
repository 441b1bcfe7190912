"""Runtime figures of generated clients: import time, per-call overhead, parsing throughput.

- import time of each generated package (the five vendors, plus any package under the
  directories given with --packages, e.g. a GitHub client from `generate --spec`), best of 5
  fresh interpreters; target under 0.2 s. Measured twice: in the project's environment, where
  httpx also loads the click and rich its command line uses (black and datamodel-code-generator
  bring them), and in `bench/.runtime/`, a virtual environment holding only what a generated
  package depends on (httpx and pydantic at the versions the project uses), as a user has;
- per-call overhead: Monica's `calls.get` against a bare httpx GET + `.json()` over the same
  mock transport; target under 1.3x;
- parsing a 10,000-item Monica call list into models against `json.loads` of the same bytes;
  target within 3x. Side by side, with the collector running (as a user gets it) and paused,
  since every model instance (and every parsed datetime's tzinfo, which pydantic-core makes
  per value) is an object the collector tracks and `json.loads`'s plain dicts mostly are not:
  pydantic's `validate_json` alone, and the client's own reading of an answer (what a call
  returns: it pauses the collector itself for a large body). One more row reads a list whose
  every item drifts from its schema, leniently: what tolerance costs when it is needed.
Run: `python bench/runtime.py [--packages DIR ...]`.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
RUNTIME_ENV = Path(__file__).resolve().parent / ".runtime"
CALL = {
    "id": 1, "object": "call", "called_at": "2017-01-22T17:51:10Z", "content": "He called about the invoice.",
    "contact": {"id": 3, "object": "contact", "first_name": "Ada", "last_name": "Lovelace", "is_partial": False},
    "account": {"id": 1}, "created_at": "2017-01-22T17:51:10Z", "updated_at": "2017-01-22T17:51:10Z",
}


def import_seconds(src: Path, module: str, python: str = sys.executable) -> float:
    """Best of five fresh interpreters importing `module` from `src`."""
    script = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([python, "-c", script], env={"PYTHONPATH": str(src)}, capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return min(runs)


def runtime_python() -> str:
    """The interpreter of `bench/.runtime/`: httpx and pydantic alone, created on first use."""
    marker = RUNTIME_ENV / ".installed"
    pins = [f"{name}=={version(name)}" for name in ("httpx", "pydantic")]
    if not marker.exists() or marker.read_text() != " ".join(pins):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(RUNTIME_ENV)], check=True)
        subprocess.run([str(RUNTIME_ENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *pins], check=True)
        marker.write_text(" ".join(pins))
    return str(RUNTIME_ENV / "bin" / "python")


def packages(extra: list[Path]) -> list[tuple[str, Path, str]]:
    found = []
    for root in [GENERATED, *extra]:
        for package in sorted(p for p in root.iterdir() if (p / "src").is_dir()):
            module = next(m.name for m in (package / "src").iterdir() if m.is_dir() and m.name.startswith("trunkline_"))
            found.append((package.name, package / "src", module))
    return found


def best_per_call(call: Callable[[], object], calls: int = 2000, rounds: int = 5) -> float:
    """Best seconds per call over several rounds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter() - started) / calls)
    return best


def overhead() -> tuple[float, float]:
    sys.path.insert(0, str(GENERATED / "monica" / "src"))
    import trunkline_monica

    body = json.dumps({"data": CALL}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    bare = httpx.Client(transport=transport, base_url="https://app.monicahq.com/api")
    client = trunkline_monica.Client(api_key="k", http_client=httpx.Client(transport=transport))
    client.calls.get(id=1)  # warm: build the type adapters once
    ours = best_per_call(lambda: client.calls.get(id=1))
    theirs = best_per_call(lambda: bare.get("/calls/1", headers={"Authorization": "Bearer k"}).json())
    return ours, theirs


def parsing() -> list[tuple[str, float, float]]:
    """Best of 7 per reader, with the collector running and paused, taken in turns: (label, running, paused)."""
    import pydantic
    import trunkline_monica
    from trunkline_monica.resources.calls import _LIST

    body = json.dumps({"data": [CALL] * 10_000, "links": {}, "meta": {"current_page": 1}}).encode()
    drifted = json.dumps({"data": [{**CALL, "id": "c-1"}] * 10_000, "links": {}, "meta": {"current_page": 1}}).encode()
    adapter = pydantic.TypeAdapter(trunkline_monica.models.CallList)
    client = trunkline_monica.Client(api_key="k", strict=False)
    request = httpx.Request("GET", "https://app.monicahq.com/api/calls")
    answer = httpx.Response(200, content=body, headers={"content-type": "application/json"}, request=request)
    drift = httpx.Response(200, content=drifted, headers={"content-type": "application/json"}, request=request)
    readers: list[tuple[str, Callable[[], object]]] = [
        ("json.loads", lambda: json.loads(body)),
        ("pydantic validate_json", lambda: adapter.validate_json(body)),
        ("client, as documented", lambda: client._parse(_LIST, answer)),
        ("client, every item drifted (lenient)", lambda: client._parse(_LIST, drift)),
    ]
    logging.getLogger("trunkline_monica").setLevel(logging.ERROR)  # the drift warning, once
    for _, read in readers:
        read()
    best = {label: [float("inf"), float("inf")] for label, _ in readers}
    for _ in range(7):
        for label, read in readers:
            for slot, collector in enumerate((True, False)):
                best[label][slot] = min(best[label][slot], _timed(read, collector))
    return [(label, running, paused) for label, (running, paused) in best.items()]


def _timed(call: Callable[[], object], collector: bool) -> float:
    gc.collect()  # each run starts from the same heap
    if not collector:
        gc.disable()
    try:
        started = time.perf_counter()
        call()
        return time.perf_counter() - started
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packages", type=Path, nargs="*", default=[], metavar="DIR", help="more output directories of `generate`")
    args = parser.parse_args()
    print("## Import time (best of 5 fresh interpreters; target under 0.2 s)\n")
    clean = runtime_python()
    print("| package | project environment | httpx and pydantic only |\n|---|---|---|")
    for name, src, module in packages(args.packages):
        print(f"| {name} | {import_seconds(src, module):.3f} s | {import_seconds(src, module, clean):.3f} s |")
    ours, theirs = overhead()
    print(f"\n## Per call (Monica calls.get over a mock transport)\n\n- generated client: {ours * 1e6:.0f} us; bare httpx + .json(): {theirs * 1e6:.0f} us; ratio {ours / theirs:.2f}x (target under 1.3x)")
    print("\n## Parsing a 10,000-item list (target within 3x of json.loads as a user gets it)\n")
    rows = parsing()
    base = rows[0][1]
    print("| reader | collector running | collector paused | ratio to json.loads (running) |\n|---|---|---|---|")
    for label, running, paused in rows:
        print(f"| {label} | {running * 1e3:.1f} ms | {paused * 1e3:.1f} ms | {running / base:.2f}x |")


if __name__ == "__main__":
    main()
