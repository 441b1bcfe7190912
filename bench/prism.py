"""A second independent validator: Prism's verdict on each request openapi-core refuses.

For one spec, run the conformance harness (tests/conformance/), then hand every request that
openapi-core refused to Prism's validating mock (`@stoplight/prism-cli`, installed once with npm
into `bench/.peers/prism/`), each on a spec cut down to its one operation and the components it
uses, so Prism starts in seconds instead of minutes. Prints one line per request: `valid` or what
Prism refused, and the totals. Needs Node.js and the npm registry on first run.

Run: `python bench/prism.py SPEC [--limit N] [--startup SECONDS]`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conformance.harness import run_spec

PRISM_HOME = Path(__file__).resolve().parent / ".peers" / "prism"
PRISM = PRISM_HOME / "node_modules" / ".bin" / "prism"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def install() -> None:
    """Prism 5 into bench/.peers/prism/, once."""
    if not PRISM.exists():
        PRISM_HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PRISM_HOME),
                        "@stoplight/prism-cli@5"], check=True)


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return dict(json.loads(text)) if path.suffix == ".json" else dict(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/"):
                found.add(value)
            else:
                _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def _at(document: dict[str, Any], ref: str) -> Any:
    node: Any = document
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def cut(document: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    """The document with one operation and every component it uses (security schemes kept)."""
    item = document["paths"][path]
    kept = {k: v for k, v in item.items() if k not in METHODS}
    kept[method] = item[method]
    mini = {k: v for k, v in document.items() if k not in ("paths", "components", "webhooks", "x-webhooks")}
    mini["paths"] = {path: kept}
    components: dict[str, dict[str, Any]] = {}
    todo: set[str] = set()
    seen: set[str] = set()
    _refs(kept, todo)
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        parts = ref[2:].split("/")
        target = _at(document, "#/" + "/".join(parts[:3]))
        components.setdefault(parts[1], {})[parts[2]] = target
        _refs(target, todo)
    schemes = (document.get("components") or {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = schemes
    mini["components"] = components
    return mini


def verdict(spec_file: Path, request: httpx.Request, base_path: str, port: int, startup: float) -> str:
    """Prism's word on one request, its spec given as a file."""
    proc = subprocess.Popen([str(PRISM), "mock", "-p", str(port), "--errors", str(spec_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        started = time.monotonic()
        while time.monotonic() - started < startup:
            line = proc.stdout.readline() if proc.stdout else ""
            if "listening" in line:
                break
            if not line and proc.poll() is not None:
                return "prism did not start"
        else:
            return f"prism did not start within {startup:.0f} s"
        target = request.url.raw_path.decode()
        if base_path and target.startswith(base_path):
            target = target[len(base_path):]  # Prism serves the paths at its root
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        answer = httpx.request(request.method, f"http://127.0.0.1:{port}{target}", headers=headers,
                               content=request.content, timeout=60)
        errors = [v for v in json.loads(answer.headers.get("sl-violations", "[]")) if v.get("severity") == "Error"]
        if not errors and answer.status_code < 400:
            return "valid"
        return f"refused {answer.status_code}: {json.dumps(errors)[:300]}"
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", type=Path)
    parser.add_argument("--limit", type=int, default=100, help="refused requests to check (default 100)")
    parser.add_argument("--startup", type=float, default=240.0, help="seconds Prism may take to start (default 240)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    install()
    document = load(args.spec)
    with tempfile.TemporaryDirectory(prefix="prism-") as work:
        result = run_spec(args.spec, Path(work))
        refused = [r for r in result.operations if r.request is not None and not r.request_ok][: args.limit]
        where = {op["operationId"]: (path, method) for path, item in document["paths"].items()
                 for method, op in item.items() if method in METHODS and isinstance(op, dict) and "operationId" in op}
        server = str(((document.get("servers") or [{"url": ""}])[0]).get("url", ""))
        base_path = httpx.URL(server).path.rstrip("/") if "://" in server else ""
        valid = 0
        for index, r in enumerate(refused):
            mini = Path(work) / f"op{index}.json"
            mini.write_text(json.dumps(cut(document, *where[r.operation_id])), encoding="utf-8")
            assert r.request is not None
            said = verdict(mini, r.request, base_path, 4100 + index % 500, args.startup)
            valid += said == "valid"
            print(f"{r.operation_id}: {said}", flush=True)
    print(f"\n{args.spec.name}: openapi-core refused {len(refused)}; Prism finds {valid} of them valid")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
