"""Call every operation of a generated client and check the requests with openapi-core.

For each operation: synthesize schema-valid arguments for every parameter and every top-level
body field, call the generated (sync) method over an httpx.MockTransport, validate the captured
request with openapi-core's request unmarshaller (a validator the project does not write), check
every value passed arrives on the wire as passed, and answer with a synthesized schema-valid
response (and each documented example openapi-core accepts) that the client must parse.
"""

from __future__ import annotations

import base64
import datetime
import importlib
import json
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, Literal
from urllib.parse import parse_qsl, urljoin

import httpx
import pydantic
import yaml
from openapi_core import OpenAPI
from openapi_core.configurations import Config
from openapi_core.exceptions import OpenAPIError
from openapi_core.templating.paths.finders import APICallPathFinder

from generator.mock.app import MOCK_HEADER, MockApp
from generator.mock.model import mock_spec
from generator.modeling import ir
from generator.pipeline import package_ir
from generator.reading.load import load
from generator.rendering.layout import unmarked
from generator.rendering.render import model_files, render
from generator.rendering.type_source import source
from generator.targets import Target
from tests.conformance.adapter import HttpxOpenAPIRequest, HttpxOpenAPIResponse
from tests.conformance.styles import style_deserializers_factory
from tests.conformance.synth import Resolver, Synth

SECRET = "conformance-token"
RELATIVE_HOST = "https://api.example.test"
CONVERTED_FORMATS = {"date", "date-time", "uuid", "byte", "binary"}  # openapi-core turns these into objects
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class OperationResult:
    """What one operation's call showed: request valid, answers parsed, the first failure of each."""

    operation_id: str
    request_ok: bool = False
    response_ok: bool = False
    request_error: str = ""
    response_error: str = ""
    request: httpx.Request | None = None
    examples_used: int = 0  # documented examples answered with
    examples_skipped: int = 0  # documented examples openapi-core itself refuses: not the client's to parse
    media_types_answered: int = 0  # (status, media type) pairs answered: each documented media type in turn
    mock_error: str = ""  # why `trunkline mock` refused the request ("" when it accepted it)
    validator_ok: bool = False  # openapi-core found nothing wrong with the request (values arriving aside)
    ambiguous_with: str = ""  # the path template openapi-core matched instead of the operation's own
    passed: dict[str, Any] = field(default_factory=dict)  # the values passed, by location: for arrival checks elsewhere

    @property
    def mock_agrees(self) -> bool:
        """Whether `trunkline mock` and openapi-core give the request the same verdict.

        openapi-core's verdict is whether it finds the request valid. Whether every value passed
        came back out of its unmarshalling (the rest of `request_ok`) is the harness's own check,
        which the mock cannot make: it does not know what was passed.
        """
        return self.request is not None and self.validator_ok == (not self.mock_error)


@dataclass(frozen=True)
class Answer:
    """One answer to give a call, and how the IR says the client reads a body of its media type."""

    label: str  # `synthesized application/json`, `example 'csv' (text/csv)`
    media_type: str  # the Content-Type answered ("" for an answer without a body)
    synthesized: bool  # made from the schema, not a documented example
    make: Callable[[httpx.Request], httpx.Response]
    reading: ir.MediaAnswer | None = None  # the documented media type's reading (None: no body)
    body: bytes = b""


@dataclass
class SpecResult:
    """Every operation's result for one spec."""

    name: str
    operations: list[OperationResult] = field(default_factory=list)

    @property
    def requests_valid(self) -> int:
        """How many operations sent a valid request carrying every value passed."""
        return sum(r.request_ok for r in self.operations)

    @property
    def responses_parsed(self) -> int:
        """How many operations parsed every answer."""
        return sum(r.response_ok for r in self.operations)

    @property
    def mock_agreements(self) -> int:
        """How many requests `trunkline mock` judged as openapi-core did."""
        return sum(r.mock_agrees for r in self.operations)

    def summary(self) -> str:
        """`name: requests valid R/N, responses parsed P/N, mock agrees M/N`."""
        n = len(self.operations)
        return (f"{self.name}: requests valid {self.requests_valid}/{n}, responses parsed {self.responses_parsed}/{n},"
                f" mock agrees {self.mock_agreements}/{n}")

    def disagreements(self) -> list[str]:
        """One line per request the mock judged otherwise than openapi-core."""
        lines = []
        for r in self.operations:
            if r.request is not None and not r.mock_agrees:
                verdict = f"mock refused: {r.mock_error}" if r.mock_error else "mock accepted it"
                lines.append(f"  {r.operation_id}: openapi-core {'accepted' if r.validator_ok else 'refused'}; {verdict}")
        return lines

    def failures(self) -> list[str]:
        """One line per failing operation: its id and first failure message."""
        lines = []
        for r in self.operations:
            if not r.request_ok:
                lines.append(f"  {r.operation_id}: request: {r.request_error}")
            if not r.response_ok:
                lines.append(f"  {r.operation_id}: response: {r.response_error}")
        return lines


def load_document(spec: Path) -> dict[str, Any]:
    """The spec as plain data (JSON or YAML)."""
    text = spec.read_text(encoding="utf-8")
    if spec.suffix == ".json":
        return dict(json.loads(text))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return dict(yaml.load(text, Loader=loader))


def generate(spec: Path, out: Path, name: str) -> tuple[ir.Package, Path]:
    """Generate `spec`'s package under `out/name` (unformatted: black changes no behaviour) and its IR."""
    package = package_ir(Target(name, spec, strict=False))
    files = {**{path: unmarked(text) for path, text in render(package).items()}, **model_files(package)}
    root = out / name
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return package, root / "src"


@contextmanager
def imported(package: ir.Package, src: Path) -> Iterator[ModuleType]:
    """The generated package imported from `src`; forgotten afterwards."""
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(package.module)
    finally:
        sys.path.remove(str(src))
        for loaded in [m for m in sys.modules if m == package.module or m.startswith(package.module + ".")]:
            del sys.modules[loaded]


def run_spec(spec: Path, workdir: Path, name: str | None = None, seed: int = 18) -> SpecResult:
    """Generate `spec`, call every operation and check each request and answer."""
    name = name or spec.stem.replace("-", "_").replace(".", "_")
    document = load_document(spec)
    package, src = generate(spec, workdir, name)
    validator = validator_for(document)
    result = SpecResult(name)
    with imported(package, src) as module:
        caller = Caller(document, package, module, validator, seed)
        for op in package.operations:
            result.operations.append(caller.check(op))
    ask_the_mock(spec, result)
    return result


def ask_the_mock(spec: Path, result: SpecResult) -> None:
    """Send every captured request to `trunkline mock`'s application in-process and record its verdict.

    The mock refuses with a problem document and no `X-Trunkline-Mock` header; any answer of its
    spec's (an example or a generated body) means it accepted the request.
    """
    app = MockApp(mock_spec(load(spec)))
    with httpx.Client(transport=httpx.WSGITransport(app=app)) as http:
        for r in result.operations:
            if r.request is None:
                continue
            answer = http.send(r.request)
            if MOCK_HEADER not in answer.headers:
                problem = answer.json() if answer.headers.get("content-type", "").endswith("json") else {}
                details = [f"{p.get('location', '')}: {p.get('message', '')}" for p in problem.get("errors", [])[:2]]
                r.mock_error = f"{answer.status_code} {problem.get('detail', '')} {'; '.join(details)}".strip()


def validator_for(document: dict[str, Any], formats: set[str] | None = None) -> OpenAPI:
    """openapi-core over `document`, reading deepObject's bracket convention and label/matrix path parameters (see styles.py).

    `formats`: every format the document names, when already known (a walk of GitHub's spec takes a second).
    """
    _parameter_schemas_writable(document)
    factory = style_deserializers_factory(str(document.get("openapi", "3.0")))
    config = Config(
        spec_validator_cls=None,
        style_deserializers_factory=factory,
        # openapi-core raises on a format it does not know (its issue #515); OpenAPI says to ignore one
        extra_format_unmarshallers={f: _same for f in formats or _formats(document) if f not in CONVERTED_FORMATS},
        # a raw body as text, so a 3.1 `type: string` schema (which knows no bytes) can hold it
        extra_media_type_deserializers={"application/octet-stream": _raw_text},
    )
    return OpenAPI.from_dict(document, config=config)


def _same(value: Any) -> Any:
    return value


def _raw_text(value: bytes, **parameters: str) -> str:
    return value.decode("utf-8", "surrogateescape")


def _formats(node: Any) -> set[str]:
    """Every `format` named anywhere in the document."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("format"), str):
                found.add(item["format"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _parameter_schemas_writable(document: dict[str, Any]) -> None:
    """Drop `readOnly` from the top of parameter schemas, in place.

    OpenAPI gives `readOnly` a meaning only on properties; openapi-core also applies it to a
    parameter's own schema (GitHub's `alert_number` refers to a readOnly schema) and refuses every
    value. The parameter gets its own copy of the schema without the flag; nothing else changes.
    """
    resolver = Resolver(document)
    items = [resolver.resolve(i) for i in (document.get("paths") or {}).values()]
    parameters = list(((document.get("components") or {}).get("parameters") or {}).values())
    for item in items:
        parameters += item.get("parameters") or []
        parameters += [p for m in METHODS if isinstance(item.get(m), dict) for p in item[m].get("parameters") or []]
    for parameter in parameters:
        if isinstance(parameter, dict) and "$ref" not in parameter and isinstance(parameter.get("schema"), dict):
            schema = resolver.resolve(parameter["schema"])
            if isinstance(schema, dict) and schema.get("readOnly"):
                parameter["schema"] = {k: v for k, v in schema.items() if k != "readOnly"}


class Caller:
    """Calls one generated client's operations and checks what goes over the wire."""

    def __init__(self, document: dict[str, Any], package: ir.Package, module: ModuleType,
                 validator: OpenAPI, seed: int) -> None:
        self.document = document
        self.module = module
        self.resolver = Resolver(document)
        self.package = package
        self.validator = validator
        self.seed = seed
        self.answer: Callable[[httpx.Request], httpx.Response] = lambda r: httpx.Response(500)
        self.sent: list[httpx.Request] = []
        self.answered: list[httpx.Response] = []
        self.validator_accepted = False  # openapi-core's verdict on the last request checked
        self.matched_instead = ""  # the template openapi-core matched instead of the operation's own
        self.own_path_validators: dict[str, OpenAPI] = {}
        self.formats = _formats(document)
        transport = httpx.MockTransport(self._handle)
        credentials = {c.name: SECRET for c in package.credentials}
        base = self._base_url()
        kwargs: dict[str, Any] = {"base_url": base} if base else {}
        self.client = module.Client(
            **credentials, **kwargs, max_retries=0, strict=True, http_client=httpx.Client(transport=transport)
        )

    def _base_url(self) -> str | None:
        """The first server's URL with its variables' defaults, on a made-up host when it is relative."""
        servers = self.document.get("servers") or [{"url": "/"}]
        server = servers[0]
        url = str(server.get("url", "/"))
        for key, var in (server.get("variables") or {}).items():
            url = url.replace("{" + key + "}", str(var.get("default", "")))
        if url.startswith("/"):
            return RELATIVE_HOST + url.rstrip("/")
        return None

    def _handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent.append(request)
        response = self.answer(request)
        # a copy: the client streams the original, after which its content cannot be read again
        self.answered.append(httpx.Response(response.status_code, headers=response.headers, content=response.content))
        return response

    # -- one operation ---------------------------------------------------------------------
    def check(self, op: ir.Operation) -> OperationResult:
        """Call `op` once per answer; check the first request and every parse."""
        result = OperationResult(op.operation_id)
        spec_op, path_params = self._spec_operation(op)
        try:
            kwargs, expected = self._arguments(op, spec_op, path_params)
        except Exception as exc:  # noqa: BLE001 - a harness failure is reported, not raised
            result.request_error = result.response_error = f"harness could not synthesize arguments: {exc!r}"
            return result
        answers = self._answers(op, spec_op)
        method = getattr(getattr(self.client, self._namespace(op)), op.method_name)
        parse_errors: list[str] = []
        result.media_types_answered = sum(a.synthesized for a in answers if a.media_type)
        for index, answer in enumerate(answers):
            self.sent.clear()
            self.answered.clear()
            self.answer = answer.make
            try:
                got = method(**kwargs)
            except Exception as exc:  # noqa: BLE001 - the failure is the finding
                if not self.sent:
                    result.request_error = f"raised before sending: {type(exc).__name__}: {exc}"
                    result.response_error = "no request was sent"
                    return result
                if not answer.synthesized and self._refused_by_validator():
                    result.examples_skipped += 1
                    continue
                if not self._typed_error(exc):
                    parse_errors.append(f"{answer.label}: {type(exc).__name__}: {exc}")
                elif problem := self._error_as_documented(answer, exc):
                    parse_errors.append(f"{answer.label}: {problem}")
            else:
                problem = self._read_as_documented(answer, got.response if op.pagination is not None else got)
                if problem:
                    parse_errors.append(f"{answer.label}: {problem}")
            result.examples_used += not answer.synthesized
            if index == 0 and self.sent:
                result.request, result.passed = self.sent[0], expected
                result.request_error = self._check_request(self.sent[0], expected, op.path)
                result.request_ok = not result.request_error
                result.validator_ok, result.ambiguous_with = self.validator_accepted, self.matched_instead
        result.response_ok = not parse_errors
        result.response_error = parse_errors[0] if parse_errors else ""
        return result

    def _typed_error(self, exc: Exception) -> bool:
        """Whether `exc` is the typed error of the error status answered (an operation documenting only errors)."""
        status_error = self.module.errors.APIStatusError
        answered = self.answered[-1].status_code if self.answered else 0
        return answered >= 400 and isinstance(exc, status_error) and exc.status_code == answered

    def _refused_by_validator(self) -> bool:
        """Whether openapi-core refuses the last answer (a documented example that breaks its own schema)."""
        if not self.sent or not self.answered:
            return False
        response = self.answered[-1]
        try:
            checked = self.validator.unmarshal_response(HttpxOpenAPIRequest(self.sent[-1]), HttpxOpenAPIResponse(response))
        except Exception:  # noqa: BLE001 - cannot tell: count the failure
            return False
        return bool(checked.errors)

    def _namespace(self, op: ir.Operation) -> str:
        return next(ns.attribute for ns in self.package.namespaces if op in ns.operations)

    def _spec_operation(self, op: ir.Operation) -> tuple[dict[str, Any], list[Any]]:
        item = self.resolver.resolve(self.document["paths"][op.path])
        return self.resolver.resolve(item[op.http_method.lower()]), list(item.get("parameters") or [])

    def _parameters(self, spec_op: dict[str, Any], path_params: list[Any]) -> dict[tuple[str, str], dict[str, Any]]:
        """The operation's parameters by (location, name), its own overriding the path item's."""
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in path_params + list(spec_op.get("parameters") or []):
            param = self.resolver.resolve(raw)
            found[(param["in"], param["name"])] = param
        return found

    def _arguments(self, op: ir.Operation, spec_op: dict[str, Any],
                   path_params: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Keyword arguments for every parameter and body field, and what should arrive, by location."""
        synth = Synth(self.resolver, self.seed, request=True)
        params = self._parameters(spec_op, path_params)
        kwargs: dict[str, Any] = {}
        expected: dict[str, Any] = {"path": {}, "query": {}, "header": {}, "cookie": {}, "form_exploded": set()}
        for index, param in enumerate(op.params):
            spec_param = params.get((param.location, param.wire)) or next(
                (p for (loc, n), p in params.items() if loc == param.location and n.lower() == param.wire.lower()), {}
            )
            schema = spec_param.get("schema")
            if schema is None and spec_param.get("content"):
                schema = next(iter(spec_param["content"].values())).get("schema", {})
            value = synth.value(schema or {"type": "string"}, 0, index)
            kwargs[param.name] = value
            wire = spec_param.get("name", param.wire)
            expected[param.location][wire] = value
            style = spec_param.get("style", "form")
            if param.location == "query" and style == "form" and spec_param.get("explode", True):
                expected["form_exploded"].add(wire)
        if op.body is not None:
            body = self.resolver.resolve(spec_op.get("requestBody") or {})
            media = (body.get("content") or {}).get(op.body.content_type) or {}
            synth.files = op.body.kind in ("multipart", "binary")
            value = synth.value(media.get("schema") or {}, 0, 0)
            if op.body.kind == "text" and not isinstance(value, str):
                value = str(value)
            if op.body.kind == "binary" and not isinstance(value, bytes):
                value = value.encode() if isinstance(value, str) else json.dumps(value).encode()
            if op.body.fields is not None and isinstance(value, dict):
                by_wire = {f.wire: f.name for f in op.body.fields}
                kwargs.update({by_wire[k]: v for k, v in value.items() if k in by_wire})
                value = {k: v for k, v in value.items() if k in by_wire}
            else:
                kwargs["body"] = value
            expected["body"] = _defined(value) if op.body.kind in ("form", "multipart") else value
        return kwargs, expected

    # -- the request -------------------------------------------------------------------------
    def _check_request(self, request: httpx.Request, expected: dict[str, Any], path: str | None = None) -> str:
        """'' when openapi-core accepts the request and every value passed arrived; else the first problem.

        Sets `validator_accepted` (openapi-core's own verdict) and `matched_instead`: when a path
        parameter of the operation (its template `path`) did not arrive because openapi-core matched
        the request to another template of the same shape, the request is checked again on the spec
        with only the operation's own path (see `_own_path`).
        """
        self.validator_accepted, self.matched_instead = False, ""
        adapted = HttpxOpenAPIRequest(request)
        try:
            unmarshalled = self.validator.unmarshal_request(adapted)
        except Exception as exc:  # noqa: BLE001 - a validator crash is a finding too
            return f"openapi-core raised {type(exc).__name__}: {exc}"
        arrived_path = unmarshalled.parameters.path or {}
        if path and any(wire not in arrived_path for wire in expected["path"]):
            matched = self._matched_template(adapted)
            if matched not in (None, path):
                self.matched_instead = str(matched)
                # a fresh adapter: openapi-core keeps the path values it found in the request's parameters
                unmarshalled = self._own_path(path).unmarshal_request(HttpxOpenAPIRequest(request))
        if unmarshalled.errors:
            return describe(next(iter(unmarshalled.errors)))
        self.validator_accepted = True
        got = unmarshalled.parameters
        for location in ("path", "query", "header", "cookie"):
            arrived = getattr(got, location) or {}
            for wire, value in expected[location].items():
                if wire not in arrived and wire in expected["form_exploded"] and isinstance(value, dict):
                    problem = _exploded_object(request, value, wire)  # openapi-core does not read these
                    if problem:
                        return problem
                    continue
                if wire not in arrived:
                    return f"{location} parameter {wire!r} did not arrive (sent {_wire(request)})"
                problem = mismatch(value, arrived[wire], f"{location} parameter {wire!r}")
                if problem:
                    return f"{problem} (sent {_wire(request)})"
        if "body" in expected and not (expected["body"] == {} and unmarshalled.body is None):  # {}: no fields
            problem = mismatch(expected["body"], unmarshalled.body, "body")
            if problem:
                return f"{problem} (sent {request.content[:300]!r})"
        return ""

    def _matched_template(self, adapted: HttpxOpenAPIRequest) -> str | None:
        """The path template openapi-core matches the request to (None when it matches none)."""
        try:
            found = APICallPathFinder(self.validator.spec).find(adapted.method, urljoin(adapted.host_url, adapted.path))
        except OpenAPIError:
            return None
        return str(found.path_result.pattern)

    def _own_path(self, path: str) -> OpenAPI:
        """openapi-core over the spec with only `path` among its paths (components and the rest kept).

        Two templates can match one request (GitHub's `/compare/{basehead}` and `/compare/{base}...{head}`);
        OpenAPI 3.0 leaves the choice to the tool, and openapi-core picks the one with fewer
        variables. The request was sent for this operation, so it is judged by this operation.
        """
        if path not in self.own_path_validators:
            document = {**self.document, "paths": {path: self.document["paths"][path]}}
            self.own_path_validators[path] = validator_for(document, self.formats)
        return self.own_path_validators[path]

    # -- the answers -------------------------------------------------------------------------
    def _answers(self, op: ir.Operation, spec_op: dict[str, Any]) -> list[Answer]:
        """The answer given (first 2xx...) in each documented media type, then each other response documented in several.

        For the answer given: a synthesized body per media type and each documented example
        openapi-core accepts; for the others (GitHub's 415s in JSON and scim+json): a synthesized
        body per media type, so every media type a response documents is read at least once.
        """
        responses = {str(k): v for k, v in (spec_op.get("responses") or {}).items()}
        status, response = _documented(responses)
        response = self.resolver.resolve(response or {})
        headers = self._response_headers(response)
        code = 200 if status in ("default", "2XX") else int(status)
        if response.get("content"):
            answers = self._media_answers(op, status, code, response, headers, examples=True)
        else:
            answers = [Answer("synthesized", "", True, lambda r: httpx.Response(code, headers=headers, request=r))]
        for other, node in responses.items():
            other_code = _code(other)
            node = self.resolver.resolve(node)
            if other != status and other_code and isinstance(node, dict) and len(node.get("content") or {}) > 1:
                answers += self._media_answers(op, other, other_code, node, self._response_headers(node), examples=False)
        return answers

    def _media_answers(self, op: ir.Operation, status: str, code: int, response: dict[str, Any],
                       headers: dict[str, str], examples: bool) -> list[Answer]:
        """One documented response answered in each of its media types: synthesized, then (`examples`) its examples."""
        readings = next((r.answers for r in op.responses if r.status == status), ())
        answers: list[Answer] = []
        for documented, media in (response.get("content") or {}).items():
            reading = next((a for a in readings if a.media_type == documented), None)
            media_type = _concrete(documented, reading)
            media = media if isinstance(media, dict) else {}
            synth = Synth(self.resolver, self.seed, request=False, files=not _is_json(media_type))
            value = synth.value(media.get("schema") or {}, 0, 0)
            prefix = "synthesized" if examples else f"synthesized {status}"
            answers.append(self._answer(f"{prefix} {media_type}", code, headers, media_type, value, reading, True))
            for label, example in self._examples(media) if examples else ():
                answers.append(self._answer(f"{label} ({media_type})", code, headers, media_type, example, reading, False))
        return answers

    def _examples(self, media: dict[str, Any]) -> list[tuple[str, Any]]:
        """A media type's documented example values: `example`, then each of `examples`."""
        found = [("example", media["example"])] if "example" in media else []
        for key, example in (media.get("examples") or {}).items():
            example = self.resolver.resolve(example)
            if isinstance(example, dict) and "value" in example:
                found.append((f"example {key!r}", example["value"]))
        return found

    def _answer(self, label: str, code: int, headers: dict[str, str], media_type: str, value: Any,
                reading: ir.MediaAnswer | None, synthesized: bool) -> Answer:
        """An answer of `value` in `media_type`: JSON types as JSON, text as text, anything else as bytes."""
        if isinstance(value, bytes):
            body = value
        elif _is_json(media_type):
            body = json.dumps(value, default=str).encode()
        elif isinstance(value, str):
            body = value.encode()
        else:  # a structured value in a type that is neither JSON nor text (XML, say): its JSON text, as bytes
            body = json.dumps(value, default=str).encode()
        all_headers = {**headers, "Content-Type": media_type}
        return Answer(label, media_type, synthesized,
                      lambda r: httpx.Response(code, headers=all_headers, content=body, request=r), reading, body)

    def _read_as_documented(self, answer: Answer, got: Any) -> str:
        """'' when the call returned what the IR says a body of the answer's media type reads as; else what it returned."""
        reading = answer.reading
        if reading is None or not answer.body:
            return ""
        if reading.kind == "binary":
            return "" if got == answer.body else f"read as {_shown(got)}, not the {len(answer.body)} bytes sent"
        if reading.kind == "text":
            text = answer.body.decode("utf-8", "replace")
            return "" if got == text else f"read as {_shown(got)}, not the text sent"
        expression = source(reading.type)
        try:
            pydantic.TypeAdapter(eval(expression, self._type_names())).validate_python(got)  # the text of our own IR's type
        except pydantic.ValidationError as exc:
            return f"read as {_shown(got)}, not {expression}: {exc.errors()[0]['msg']}"
        return ""

    def _error_as_documented(self, answer: Answer, exc: Exception) -> str:
        """'' when a typed error's `parsed` body is what the IR says its media type reads as (JSON), or its bytes (others)."""
        reading = answer.reading
        if reading is None or not answer.body:
            return ""
        if reading.kind != "json":
            content = getattr(exc, "response", None)
            got = content.content if isinstance(content, httpx.Response) else None
            return "" if got == answer.body else f"the error holds {_shown(got)}, not the {len(answer.body)} bytes sent"
        expression = source(reading.type)
        parsed = getattr(exc, "parsed", None)
        try:
            pydantic.TypeAdapter(eval(expression, self._type_names())).validate_python(parsed)  # the text of our own IR's type
        except pydantic.ValidationError as error:
            return f"the error's body read as {_shown(parsed)}, not {expression}: {error.errors()[0]['msg']}"
        return ""

    def _type_names(self) -> dict[str, Any]:
        """What a type expression of the generated package (`models.X | None`, `datetime.date`) names."""
        return {"models": self.module.models, "datetime": datetime, "Any": Any, "Literal": Literal}

    def _response_headers(self, response: dict[str, Any]) -> dict[str, str]:
        """Every documented response header, synthesized as a simple-style value."""
        synth = Synth(self.resolver, self.seed, request=False)
        out = {}
        for name, header in (response.get("headers") or {}).items():
            header = self.resolver.resolve(header)
            if name.lower() == "content-type" or not isinstance(header, dict):
                continue
            value = synth.value(header.get("schema") or {"type": "string"})
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            out[name] = json.dumps(value) if isinstance(value, dict) else _plain(value)
        return out


def _code(status: str) -> int:
    """The status code to answer a documented status with: `404` -> 404, `4XX` -> 400; 0 for `default`."""
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0].isdigit() and status[1:].upper() == "XX":
        return int(status[0]) * 100
    return 0


def _documented(responses: dict[str, Any]) -> tuple[str, Any]:
    """The answer to give: the first 2xx, else the first 3xx, else the first documented, else `default`."""
    for prefix in ("2", "3", "1", "4", "5"):
        codes = sorted(k for k in responses if k.startswith(prefix) and k[1:].isdigit())
        if codes:
            return codes[0], responses[codes[0]]
    if "2XX" in responses:
        return "2XX", responses["2XX"]
    return "default", responses.get("default")


RANGES = {"text/*": "text/plain", "image/*": "image/png", "audio/*": "audio/mpeg", "video/*": "video/mp4"}


def _concrete(documented: str, reading: ir.MediaAnswer | None) -> str:
    """A media type to answer with for a documented one: itself, or a member of its range.

    `*/*` is read as JSON by the generated client (the IR's reading says so), so it is answered
    as JSON then; any other range gets its usual member, or application/octet-stream.
    """
    if "*" not in documented:
        return documented
    if reading is not None and reading.kind == "json":
        return "application/json"
    return RANGES.get(documented.split(";")[0].strip().lower(), "application/octet-stream")


def _is_json(media_type: str) -> bool:
    """Whether a media type is in the JSON family: `application/json` and any `+json` type."""
    return media_type.split(";")[0].strip().lower().endswith(("/json", "+json"))


def _shown(value: Any) -> str:
    """A value's type and the start of its text, for a failure message."""
    return f"{type(value).__name__} {str(value)[:80]!r}"


def _plain(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _wire(request: httpx.Request) -> str:
    """The request's target and its parameter headers, shortened, for a failure message."""
    headers = {k: v for k, v in request.headers.items() if k.lower() not in ("accept", "accept-encoding", "connection",
                                                                            "user-agent", "host", "content-length",
                                                                            "authorization")}
    return f"{request.method} {request.url.raw_path.decode()[:300]} {headers}"


def _exploded_object(request: httpx.Request, value: dict[str, Any], wire: str) -> str:
    """'' when each property of a form-exploded query object arrived as its own `key=value` pair."""
    pairs = parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
    for key, item in value.items():
        got = [v for k, v in pairs if k == key]
        want = [_plain(v) for v in item] if isinstance(item, list) else [_plain(item)]
        if isinstance(item, dict) or got != want:
            return f"query parameter {wire!r}[{key!r}]: sent {item!r}, arrived {got!r} (sent {_wire(request)})"
    return ""


def describe(error: BaseException) -> str:
    """openapi-core's error with the schema errors under it, on one line."""
    parts = [f"{type(error).__name__}: {error}"]
    cause = error.__cause__
    while cause is not None and len(parts) < 4:
        parts.append(f"{type(cause).__name__}: {cause}")
        details = getattr(cause, "schema_errors", None)
        if details:
            parts.append("; ".join(str(getattr(d, "message", d)) for d in list(details)[:2]))
        cause = cause.__cause__
    return " <- ".join(p.replace("\n", " ")[:400] for p in parts)


def normal(value: Any) -> Any:
    """A value as plain JSON-like data: dates and UUIDs as their text."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def _defined(value: Any) -> Any:
    """A form value without its empty objects and arrays, which RFC 6570 (section 2.3), and so
    OpenAPI's styles, call undefined: they put nothing on the wire, so nothing should arrive."""
    if isinstance(value, dict):
        kept = {k: _defined(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v != {} and v != []}
    if isinstance(value, list):
        return [item for item in map(_defined, value) if item != {} and item != []]
    return value


def mismatch(expected: Any, actual: Any, where: str) -> str:
    """'' when `actual` holds everything `expected` does (objects may hold more); else where they differ."""
    actual = normal(actual)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: sent {expected!r}, arrived {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{where}[{key!r}] did not arrive (arrived {actual!r})"[:500]
            problem = mismatch(value, actual[key], f"{where}[{key!r}]")
            if problem:
                return problem
        return ""
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{where}: sent {expected!r}, arrived {actual!r}"[:500]
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            problem = mismatch(want, got, f"{where}[{index}]")
            if problem:
                return problem
        return ""
    if isinstance(expected, str) and isinstance(actual, bytes | str):
        raw = actual if isinstance(actual, bytes) else actual.encode()
        if raw in (expected.encode(), _b64(expected)):  # format: byte arrives decoded
            return ""
    if isinstance(expected, bytes) and isinstance(actual, str):  # openapi-core hands binary parts over as text
        actual = actual.encode("utf-8", "surrogateescape")
    if hasattr(actual, "read"):
        actual = actual.read()
    if expected == actual and type(expected) is not bool or expected is actual:
        return ""
    if isinstance(expected, float | int) and not isinstance(expected, bool) and expected == actual:
        return ""
    return f"{where}: sent {expected!r}, arrived {actual!r}"[:500]


def _b64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None
