"""Prism adjudicates every request the conformance harness's openapi-core check refused.

openapi-core is one validator with its own limits. For each request it refused (or accepted while
a value passed did not come back out of its reading), this module asks a second independent
validator, Prism 5's validating mock (`@stoplight/prism-cli`, installed once with npm into
`bench/.peers/prism/`, needs Node.js), and checks on its own that every value passed is on the wire
as passed (bench/adjudicate_wire.py, which reads the wire by the spec's styles, not the runtime's).

Prism gets one cut-down document per spec: the request side of every refused operation (its
parameters, request body and security; its answers one bare `200`; callbacks and servers gone)
and the components those reach, so it starts in seconds even on Stripe. Two operations whose
templates both match one of the requests go to separate documents (Prism would pick one). Prism
serves the paths at its root: each request's server path (the operation's, its path item's or the
document's servers, variables set to their defaults as the client sets them) is taken off first.

Used by bench/conformance.py and bench/unseen.py (`--prism`) and bench/prism.py.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import httpx
import yaml

from bench.adjudicate_wire import arrival, template_regex

PRISM_HOME = Path(__file__).resolve().parent / ".peers" / "prism"
PRISM = PRISM_HOME / "node_modules" / ".bin" / "prism"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ANSWER = {"200": {"description": "ok"}}  # the one answer a request-side cut keeps
WORKERS = 2  # Prism processes at once: the machines have two cores


def install() -> None:
    """Prism 5 into bench/.peers/prism/, once (npm registry)."""
    if not PRISM.exists():
        PRISM_HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PRISM_HOME),
                        "@stoplight/prism-cli@5"], check=True)


def load(path: Path) -> dict[str, Any]:
    """The spec as plain data (JSON or YAML)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return dict(json.loads(text))
    return dict(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


# -- cutting a document down ---------------------------------------------------------------------
def _refs(node: Any, found: set[str]) -> None:
    """Every local `$ref` under `node`, into `found`."""
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
    """The node a local JSON pointer names."""
    node: Any = document
    for token in ref[2:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _inline_outside(document: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """`node` with each `$ref` that points outside `components` (`#/paths/...`) replaced by its target."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and not ref.startswith("#/components/") and depth < 20:
            return _inline_outside(document, _at(document, ref), depth + 1)
        return {k: _inline_outside(document, v, depth) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_outside(document, v, depth) for v in node]
    return node


def request_side(document: dict[str, Any], operations: list[tuple[str, str]]) -> dict[str, Any]:
    """The document with only the request side of `operations` ((path, method) pairs) and what they reach.

    Each operation keeps its parameters, request body and security; its answers become one bare
    `200` (Prism still validates the request); callbacks and every `servers` go (Prism is
    addressed at its root). Components are kept whole where any part of them is reached.
    """
    paths: dict[str, Any] = {}
    for path, method in operations:
        item = document["paths"][path]
        if isinstance(item.get("$ref"), str):
            item = _at(document, item["$ref"])
        kept = paths.setdefault(path, {k: v for k, v in item.items() if k in ("parameters", "summary")})
        operation = {k: v for k, v in item[method].items() if k not in ("responses", "callbacks", "servers")}
        kept[method] = {**operation, "responses": ANSWER}
    paths = _inline_outside(document, paths)
    mini = {k: v for k, v in document.items() if k not in ("paths", "components", "webhooks", "x-webhooks", "servers")}
    mini["paths"] = paths
    components: dict[str, dict[str, Any]] = {}
    todo: set[str] = set()
    _refs(paths, todo)
    seen: set[str] = set()
    while todo:
        ref = todo.pop()
        parts = ref[2:].split("/")
        if ref in seen or len(parts) < 3 or parts[0] != "components":
            continue
        seen.add(ref)
        name = parts[2].replace("~1", "/").replace("~0", "~")
        target = (document.get("components") or {}).get(parts[1], {}).get(name)
        if target is not None and name not in components.get(parts[1], {}):
            components.setdefault(parts[1], {})[name] = target
            _refs(target, todo)
    schemes = (document.get("components") or {}).get("securitySchemes")
    if schemes:
        components["securitySchemes"] = schemes
    mini["components"] = components
    return mini


# -- servers: the path Prism does not serve --------------------------------------------------------
def _server_paths(document: dict[str, Any], path: str, method: str) -> list[str]:
    """The path part of every server the operation may be sent to, variables set to their defaults, most specific first."""
    item = document["paths"][path]
    operation = item.get(method) if isinstance(item.get(method), dict) else {}
    found: list[str] = []
    for holder in (operation, item, document):
        for server in holder.get("servers") or []:
            if not isinstance(server, dict):
                continue
            url = str(server.get("url") or "/")
            for name, variable in (server.get("variables") or {}).items():
                if isinstance(variable, dict) and "default" in variable:
                    url = url.replace("{" + str(name) + "}", str(variable["default"]))
            if "://" in url:
                url = "/" + url.split("://", 1)[1].partition("/")[2]
            found.append("/" + url.strip("/") if url.strip("/") else "")
    return found


def served_path(document: dict[str, Any], path: str, method: str, raw_path: str) -> str:
    """`raw_path` with its server's path taken off, so it matches `path` at Prism's root.

    The operation's own servers come first, then its path item's, then the document's (the
    client sends to the first of the most specific); failing those (a base URL given by hand),
    the shortest prefix at a segment boundary whose rest matches the template.
    """
    pattern = template_regex(path)
    for base in _server_paths(document, path, method):
        if raw_path.startswith(base) and pattern.fullmatch(raw_path[len(base):].split("?")[0]):
            return raw_path[len(base):]
    target = raw_path.split("?")[0]
    for index in [i for i, c in enumerate(target) if c == "/"]:
        if pattern.fullmatch(target[index:]):
            return raw_path[index:]
    return raw_path


# -- Prism -----------------------------------------------------------------------------------------
@dataclass
class Verdict:
    """Prism's answer to one request."""

    status: int
    problems: list[str] = field(default_factory=list)  # `place: message`, Error severity only

    @property
    def accepted(self) -> bool:
        """Whether Prism accepted the request: below 400 and no Error-severity violation."""
        return self.status < 400 and not self.problems

    def __str__(self) -> str:
        return "accepted" if self.accepted else f"refused {self.status}: {'; '.join(self.problems)[:300]}"


def _place(violation: dict[str, Any]) -> str:
    """A violation as `body.a.0.b: message` (Prism prefixes `request.` when it answers with the spec's error)."""
    location = [str(x) for x in violation.get("location", [])]
    place = ".".join(location[1:] if location[:1] == ["request"] else location)
    return f"{place}: {violation.get('message', '')}" if place else str(violation.get("message", ""))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Prism:
    """One Prism validating mock on one document, started and stopped by this process."""

    def __init__(self, spec_file: Path, startup: float) -> None:
        self.port = _free_port()
        self.log = spec_file.with_suffix(".log")
        started = time.monotonic()
        with self.log.open("w") as log:
            self.proc = subprocess.Popen([str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(self.port), "--errors",
                                          str(spec_file)], stdout=log, stderr=subprocess.STDOUT, text=True)
        self.startup: float | None = None
        while time.monotonic() - started < startup and self.proc.poll() is None:
            if "is listening" in self.log.read_text(errors="replace"):
                self.startup = time.monotonic() - started
                break
            time.sleep(0.1)
        self.http = httpx.Client(timeout=60)

    def close(self) -> None:
        """Stop this Prism."""
        self.http.close()
        self.proc.kill()
        self.proc.wait()

    def why_not_started(self) -> str:
        """The last lines Prism logged (why it did not start or answer)."""
        lines = [line.strip() for line in self.log.read_text(errors="replace").splitlines() if line.strip()]
        errors = [line for line in lines if "Error" in line and not line.startswith("at ")]
        return " | ".join(errors[:2] or lines[-2:])[:300] or "no output"

    def send(self, request: httpx.Request, target: str) -> Verdict:
        """Prism's verdict on `request`, sent to `target` (its path at Prism's root)."""
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in ("host", "content-length")]
        answer = self.http.request(request.method, f"http://127.0.0.1:{self.port}{target}", headers=headers,
                                   content=request.content)
        problems = [_place(v) for v in json.loads(answer.headers.get("sl-violations", "[]")) if v.get("severity") == "Error"]
        if answer.status_code >= 400 and not problems:
            try:
                body = answer.json()
            except ValueError:
                body = {"detail": answer.text[:200]}
            body = body if isinstance(body, dict) else {"detail": str(body)[:200]}
            found = [v for v in body.get("validation") or [] if isinstance(v, dict)]
            problems = [_place(v) for v in found if v.get("severity", "Error") == "Error"] or [
                f"{body.get('title', '')}: {body.get('detail', '')}"]
        return Verdict(answer.status_code, problems)


# -- one spec's refused requests ----------------------------------------------------------------------
@dataclass
class Case:
    """One refused request: what openapi-core said, what Prism said, and whether the values arrived."""

    operation_id: str
    path: str
    method: str
    request: httpx.Request
    openapi_core: str  # the harness's first problem with it
    validator_ok: bool = False  # openapi-core accepted it; the harness's arrival check, on openapi-core's reading, failed
    arrival: str = ""  # '' every value passed is on the wire as passed; `unchecked: ...`; else what differs
    prism: Verdict | None = None
    prism_error: str = ""  # Prism could not be asked (did not start, crashed)
    retry: str = ""  # after a 415 for arrays of objects in a form body: Prism's verdict on the request without them
    mock_ok: bool = False  # `trunkline mock` accepted it

    @property
    def outcome(self) -> str:
        """`valid` (Prism accepts, every value arrived), `unchecked`, `not arrived`, `refused` or `not asked`."""
        if self.prism is None:
            return "not asked"
        if not self.prism.accepted:
            return "refused"
        if self.arrival.startswith("unchecked"):
            return "unchecked"
        return "valid" if not self.arrival else "not arrived"


@dataclass
class Adjudication:
    """Prism's word on one spec's refused requests."""

    name: str
    total: int  # requests the harness checked
    valid: int  # of those, openapi-core valid (its verdict and the harness's arrival check)
    cases: list[Case] = field(default_factory=list)
    documents: int = 0  # cut-down documents Prism was started on
    startups: list[float] = field(default_factory=list)
    seconds: float = 0.0
    controls: list[str] = field(default_factory=list)  # the wire reader on requests the harness found valid: '' agrees
    mock_refused_valid: list[str] = field(default_factory=list)  # operations the harness found valid that the mock refused

    def mock_disagrees(self) -> list[str]:
        """Operations where `trunkline mock` and the adjudicated verdict (openapi-core's, else Prism's
        with every value arrived) differ."""
        return self.mock_refused_valid + [c.operation_id for c in self.cases if (c.outcome == "valid") != c.mock_ok]

    def count(self, outcome: str) -> int:
        """How many cases came out as `outcome`."""
        return sum(c.outcome == outcome for c in self.cases)

    def lines(self) -> list[str]:
        """The figures, then one line per request not shown valid by Prism, with both validators' reasons."""
        k = len(self.cases)
        out = [f"{self.name}: requests valid {self.valid}/{self.total} (openapi-core)",
               (f"  refused by openapi-core: {k}; Prism accepts {self.count('valid')} of them;"
                f" refused by both: {self.count('refused')}")]
        others = [f"{self.count(o)} {label}" for o, label in (("unchecked", "Prism accepts, arrival unchecked"),
                                                               ("not arrived", "Prism accepts, a value did not arrive"),
                                                               ("not asked", "Prism could not be asked")) if self.count(o)]
        if others:
            out.append("  also: " + "; ".join(others))
        if self.controls:
            agreed = sum(not c for c in self.controls)
            out.append(f"  wire reader agrees every value arrived on {agreed}/{len(self.controls)} requests openapi-core"
                       " found valid" + "".join(f"\n    control: {c[:300]}" for c in self.controls if c)[:1500])
        if self.cases or self.mock_refused_valid:
            differ = self.mock_disagrees()
            out.append(f"  mock agrees with the adjudicated verdict on {self.total - len(differ)}/{self.total}"
                       + (f" (differs: {', '.join(differ)})" if differ else ""))
        if self.documents:
            startup = f", start-up {min(self.startups):.1f}-{max(self.startups):.1f} s" if self.startups else ""
            out.append(f"  (Prism on {self.documents} cut-down document(s){startup}; {self.seconds:.1f} s)")
        for case in self.cases:
            if case.outcome == "valid":
                continue
            prism = case.prism_error if case.prism is None else str(case.prism)
            retry = f" | {case.retry}" if case.retry else ""
            arrival = case.arrival[:200] if case.arrival else "every value passed is on the wire"
            said = "accepted, but on its reading" if case.validator_ok else "refused"
            out.append(f"    [{case.outcome}] {case.operation_id}: openapi-core {said}: {case.openapi_core[:220]}"
                       f" | Prism: {prism}{retry} | arrival: {arrival}")
        return out


def _locate(document: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Each operation's id and its (path, method) pairs: several where a spec repeats an id (Telnyx does)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict) and isinstance(item.get("$ref"), str):
            item = _at(document, item["$ref"])
        for method, operation in (item or {}).items():
            if method in METHODS and isinstance(operation, dict):  # no operationId: named as the generator names it
                found.setdefault(str(operation.get("operationId") or f"{method}_{path}"), []).append((path, method))
    return found


def operation_of(document: dict[str, Any], places: list[tuple[str, str]], request: httpx.Request) -> tuple[str, str]:
    """Of an operationId's (path, method) pairs, the one `request` was sent for ('', '' when none fits)."""
    raw = request.url.raw_path.decode()
    for path, method in places:
        if method == request.method.lower() and template_regex(path).fullmatch(served_path(document, path, method, raw).split("?")[0]):
            return path, method
    return places[0] if len(places) == 1 else ("", "")


def batches(cases: list[Case], targets: dict[int, str]) -> list[list[Case]]:
    """The cases in groups where no request matches another operation's template of its method (Prism picks one)."""
    groups: list[list[Case]] = []
    for case in cases:
        path = targets[id(case)].split("?")[0]
        for group in groups:
            clash = any(other.method == case.method and (other.path, other.method) != (case.path, case.method) and (
                template_regex(other.path).fullmatch(path)
                or template_regex(case.path).fullmatch(targets[id(other)].split("?")[0])) for other in group)
            if not clash:
                group.append(case)
                break
        else:
            groups.append([case])
    return groups


OBJECT_ARRAYS = "Cannot deserialize JSON object array"  # Prism reads no array of objects in a form body


def _without_object_arrays(prism: Prism, case: Case, target: str) -> str:
    """Prism's verdict on a form body without its arrays of objects (`a[0][b]=v`), which Prism cannot read at all.

    Prism 5 (prism-http validators/body.js) wants each item of such an array as JSON text and answers
    415 to anything else, so it judged nothing else in the body. Sent again without those fields,
    the rest is judged; the fields left out are named.
    """
    pairs = case.request.content.decode("ascii", "replace").split("&")
    dropped = sorted({unquote_plus(p.split("=")[0]).split("[")[0] for p in pairs
                      if re.match(r"[^=\[]+\[\d+\]\[", unquote_plus(p.split("=")[0]))})
    if not dropped:
        return ""
    kept = "&".join(p for p in pairs if unquote_plus(p.split("=")[0]).split("[")[0] not in dropped)
    request = httpx.Request(case.request.method, case.request.url, headers=case.request.headers, content=kept.encode())
    return f"without the arrays of objects {', '.join(dropped)}: {prism.send(request, target)}"


def _ask(document: dict[str, Any], group: list[Case], targets: dict[int, str], work: Path, index: int,
         startup: float) -> float | None:
    """Start one Prism on the request side of `group`'s operations and record its verdict on each case."""
    operations = list(dict.fromkeys((c.path, c.method) for c in group))
    spec_file = work / f"cut{index}.json"
    spec_file.write_text(json.dumps(request_side(document, operations)), encoding="utf-8")
    prism = Prism(spec_file, startup)
    try:
        if prism.startup is None:
            for case in group:
                case.prism_error = f"Prism did not start within {startup:.0f} s: {prism.why_not_started()}"
            return None
        for case in group:
            if prism.proc.poll() is not None:  # it crashed on an earlier request: a fresh one for the rest
                prism.close()
                prism = Prism(spec_file, startup)
            try:
                case.prism = prism.send(case.request, targets[id(case)])
                if case.prism.status == 415 and OBJECT_ARRAYS in str(case.prism):
                    case.retry = _without_object_arrays(prism, case, targets[id(case)])
            except httpx.HTTPError as exc:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    prism.proc.wait(timeout=5)  # let a crashing Prism finish dying, so the next case gets a fresh one
                case.prism_error = f"Prism did not answer: {type(exc).__name__}: {exc}; its log: {prism.why_not_started()}"
        return prism.startup
    finally:
        prism.close()


def adjudicate(spec: Path, result: Any, startup: float = 120.0, workers: int = WORKERS, controls: bool = True) -> Adjudication:
    """Prism's verdict and the wire-side arrival check on every request of `result` (a SpecResult) openapi-core refused.

    `controls`: also read every request the harness found valid back from the wire, to show the
    wire reader agrees with the harness where both can look.
    """
    started = time.perf_counter()
    document = load(spec)  # afresh: the harness adjusts its own copy for openapi-core
    where = _locate(document)
    verdict = Adjudication(result.name, len(result.operations), result.requests_valid)
    for r in result.operations:
        if r.request is not None and r.request_ok and controls:
            path, method = operation_of(document, where.get(r.operation_id, []), r.request)
            target = served_path(document, path, method, r.request.url.raw_path.decode()) if path else ""
            problem = arrival(document, path, method, r.request, r.passed, target) if path else "operation not found"
            verdict.controls.append(f"{r.operation_id}: {problem}" if problem else "")
        if r.request is not None and r.request_ok and r.mock_error:
            verdict.mock_refused_valid.append(r.operation_id)
        if r.request_ok or r.request is None:
            continue
        path, method = operation_of(document, where.get(r.operation_id, []), r.request)
        case = Case(r.operation_id, path, method, r.request, r.request_error, r.validator_ok, mock_ok=not r.mock_error)
        if not path:
            case.prism_error = "operation not found in the document"
        else:
            case.arrival = arrival(document, path, method, r.request, r.passed, served_path(document, path, method,
                                                                                         r.request.url.raw_path.decode()))
        verdict.cases.append(case)
    asked = [c for c in verdict.cases if c.path]
    if asked:
        install()
        targets = {id(c): served_path(document, c.path, c.method, c.request.url.raw_path.decode()) for c in asked}
        groups = batches(asked, targets)
        with tempfile.TemporaryDirectory(prefix="prism-") as work, ThreadPoolExecutor(max_workers=workers) as pool:
            startups = list(pool.map(lambda pair: _ask(document, pair[1], targets, Path(work), pair[0], startup),
                                     enumerate(groups)))
        verdict.documents = len(groups)
        verdict.startups = [s for s in startups if s is not None]
    verdict.seconds = time.perf_counter() - started
    return verdict


def totals(verdicts: list[Adjudication]) -> str:
    """The Prism figures summed over specs."""
    count = sum(len(v.cases) for v in verdicts)
    others = ", ".join(f"{label} {sum(v.count(o) for v in verdicts)}" for o, label in (
        ("unchecked", "Prism accepts, arrival unchecked"), ("not arrived", "Prism accepts, a value did not arrive"),
        ("not asked", "Prism could not be asked")))
    agreed = sum(not c for v in verdicts for c in v.controls)
    controls = sum(len(v.controls) for v in verdicts)
    mock = sum(v.total - len(v.mock_disagrees()) for v in verdicts)
    return (f"all: refused by openapi-core {count}; Prism accepts {sum(v.count('valid') for v in verdicts)} of them;"
            f" refused by both {sum(v.count('refused') for v in verdicts)}; {others};"
            f" wire reader agrees on {agreed}/{controls} openapi-core found valid;"
            f" mock agrees with the adjudicated verdict on {mock}/{sum(v.total for v in verdicts)}")

