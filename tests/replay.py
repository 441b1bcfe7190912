"""Shared pieces of the replay: cases derived from the specs, and the checks of one exchange."""

from __future__ import annotations

import builtins
import dataclasses
import datetime
import enum
import importlib
import json
import sys
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import httpx
import pydantic
import yaml

from generator.modeling import ir
from generator.modeling.build import build
from generator.reading.load import load
from generator.reading.spec import HTTP_METHODS
from generator.rendering.type_source import source

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
PATH_SAFE = "!$&'()*+,;=:@"


@dataclass(frozen=True)
class Case:
    """One documented exchange of one operation."""

    vendor: str
    package: ir.Package
    namespace: str
    operation: ir.Operation
    example: ir.Example

    @property
    def id(self) -> str:
        return f"{self.vendor}-{self.operation.operation_id}-{self.example.name}"


def vendors() -> list[str]:
    return sorted(p.stem for p in SPECS.glob("*.yaml"))


_IR: dict[str, ir.Package] = {}


def package_ir(vendor: str) -> ir.Package:
    if vendor not in _IR:
        _IR[vendor] = build(load(SPECS / f"{vendor}.yaml"), vendor)
    return _IR[vendor]


_RAW: dict[str, dict[str, Any]] = {}


def raw_operations(vendor: str) -> dict[str, dict[str, Any]]:
    """The operations of `vendor`'s spec as written in the YAML, by operationId."""
    if vendor not in _RAW:
        doc = yaml.safe_load((SPECS / f"{vendor}.yaml").read_text(encoding="utf-8"))
        _RAW[vendor] = {
            op["operationId"]: op
            for item in doc["paths"].values()
            for method, op in item.items()
            if method in HTTP_METHODS and isinstance(op, dict)
        }
    return _RAW[vendor]


def bare_examples(vendor: str, operation_id: str) -> list[str]:
    """Names in `x-bare-examples`: exchanges documented without a value for any slot."""
    return [str(name) for name in raw_operations(vendor).get(operation_id, {}).get("x-bare-examples", [])]


def cases() -> list[Case]:
    found = []
    for vendor in vendors():
        package = package_ir(vendor)
        for ns in package.namespaces:
            for op in ns.operations:
                for example in op.examples:
                    found.append(Case(vendor, package, ns.attribute, op, example))
                named = {example.name for example in op.examples}
                for name in bare_examples(vendor, op.operation_id):
                    if name not in named:
                        bare = ir.Example(name, {}, {}, {}, None, False, None, None, False, {})
                        found.append(Case(vendor, package, ns.attribute, op, bare))
    return found


def client_module(vendor: str) -> Any:
    """The committed generated package of `vendor`, imported from generated/."""
    src = str(GENERATED / vendor / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    return importlib.import_module(f"trunkline_{vendor}")


def python_type(module: Any, tp: ir.Type) -> Any:
    """Evaluate an IR type, spelled as the generated code spells it, in the generated package's terms."""
    namespace = {"models": module.models, "datetime": datetime, "Literal": Literal, "Any": Any, "builtins": builtins}
    return eval(source(tp), namespace)


def typed(module: Any, tp: ir.Type, value: Any) -> Any:
    """A documented JSON value turned into the Python value a user would pass."""
    return pydantic.TypeAdapter(python_type(module, tp)).validate_python(value)


def requirement(case: Case) -> tuple[str, ...]:
    """The security alternative the documented request uses.

    None where the operation accepts an unauthenticated call (its samples send no key), else the first.
    """
    security = case.operation.security
    if not security or () in security:
        return ()
    return security[0]


def credentials(case: Case) -> dict[str, str]:
    """Credential arguments for the security alternative the documented request uses."""
    schemes = {s.key: s for s in case.package.schemes}
    values: dict[str, str] = {}
    for key in requirement(case):
        scheme = schemes[key]
        values[scheme.credential] = scheme.example or f"test-{scheme.credential}"
    return values


def placeholder(tp: Any) -> Any:
    """A minimal valid value of a Python type, for a required input the docs give no value for."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return placeholder(next(a for a in args if a is not type(None)))
    if origin is Literal:
        return args[0]
    if origin is list or tp is list:
        return []
    if origin is dict or tp is dict:
        return {}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    if isinstance(tp, type) and issubclass(tp, pydantic.RootModel):
        return tp(placeholder(tp.model_fields["root"].annotation))
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        return tp(**{name: placeholder(f.annotation) for name, f in tp.model_fields.items() if f.is_required()})
    simple = {str: "string", int: 0, float: 0.0, bool: False, bytes: b"",
              datetime.date: datetime.date(2000, 1, 1), datetime.datetime: datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)}
    return simple.get(tp, "string")


def _json(value: Any) -> Any:
    return pydantic.TypeAdapter(Any).dump_python(value, mode="json", by_alias=True, exclude_unset=True)


def effective(module: Any, case: Case) -> ir.Example:
    """The documented exchange, with placeholders for required inputs the docs leave out."""
    op, example = case.operation, case.example
    values = {"path": dict(example.path), "query": dict(example.query), "header": dict(example.headers)}
    for param in op.params:
        bucket = values.get(param.location)
        if bucket is not None and param.required and param.wire not in bucket:
            bucket[param.wire] = _json(placeholder(python_type(module, param.type)))
    body, has_body = example.body, example.has_body
    if op.body is not None and op.body.fields is not None:
        missing = [f for f in op.body.fields if f.required and not (has_body and f.wire in body)]
        if missing:
            body = {**(body if has_body else {}), **{f.wire: _json(placeholder(python_type(module, f.type))) for f in missing}}
            has_body = True
    elif op.body is not None and op.body.required and not has_body:
        body, has_body = _json(placeholder(python_type(module, op.body.type))), True
    return dataclasses.replace(example, path=values["path"], query=values["query"], headers=values["header"], body=body, has_body=has_body)


def call_arguments(module: Any, case: Case) -> dict[str, Any]:
    """Keyword arguments of the documented request, typed as the client's signature says."""
    op, example = case.operation, effective(module, case)
    kwargs: dict[str, Any] = {}
    sources = {"path": example.path, "query": example.query, "header": example.headers}
    for param in op.params:
        values = sources.get(param.location, {})
        if param.wire in values:
            kwargs[param.name] = typed(module, param.type, values[param.wire])
        elif param.required:
            raise AssertionError(f"example {example.name!r} has no value for required {param.location} parameter {param.wire!r}")
    if example.has_body:
        assert op.body is not None, "an example body for an operation without one"
        if op.body.fields is not None:
            by_wire = {f.wire: f for f in op.body.fields}
            unknown = set(example.body) - set(by_wire)
            assert not unknown, f"example body fields not in the schema: {sorted(unknown)}"
            for wire, value in example.body.items():
                kwargs[by_wire[wire].name] = typed(module, by_wire[wire].type, value)
        else:
            kwargs["body"] = typed(module, op.body.type, example.body)
    return kwargs


def expected_url(case: Case, example: ir.Example) -> str:
    """The documented request URL, built from the spec alone."""
    package, op = case.package, case.operation
    base = package.base_url
    for var in package.server_variables:
        base = base.replace("{" + var.wire + "}", var.default)
    path = op.path
    for wire, value in example.path.items():
        path = path.replace("{" + wire + "}", quote(_wire_text(value), safe=PATH_SAFE))
    pairs: list[tuple[str, str]] = []
    for param in op.params:
        if param.location == "query" and param.wire in example.query:
            value = example.query[param.wire]
            if isinstance(value, list):
                if param.explode:
                    pairs.extend((param.wire, _wire_text(v)) for v in value)
                else:
                    pairs.append((param.wire, ",".join(_wire_text(v) for v in value)))
            else:
                pairs.append((param.wire, _wire_text(value)))
    for scheme in package.schemes:
        if scheme.key in requirement(case) and scheme.location == "query":
            pairs.append((scheme.wire, credentials(case)[scheme.credential]))
    return str(httpx.URL(base + path, params=pairs) if pairs else httpx.URL(base + path))


def _wire_text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def expected_auth_headers(case: Case) -> dict[str, str]:
    """The headers the documented request authenticates with; cookie schemes make one Cookie header in requirement order."""
    import base64

    values = credentials(case)
    schemes = {s.key: s for s in case.package.schemes}
    headers: dict[str, str] = {}
    cookies: list[str] = []
    for key in requirement(case):
        scheme = schemes[key]
        secret = values[scheme.credential]
        if scheme.kind == "bearer":
            headers["authorization"] = f"Bearer {secret}"
        elif scheme.kind == "basic":
            headers["authorization"] = "Basic " + base64.b64encode(f"{secret}:".encode()).decode()
        elif scheme.location == "header":
            headers[scheme.wire.lower()] = secret
        elif scheme.location == "cookie":
            cookies.append(f"{scheme.wire}={secret}")
    if cookies:
        headers["cookie"] = "; ".join(cookies)
    return headers


def documented_response(case: Case) -> httpx.Response:
    """The documented answer; an empty body where the docs show none."""
    op, example = case.operation, case.example
    status = example.status or next((r.status for r in op.responses if r.status.startswith("2")), "200")
    headers = {name: _wire_text(value) for name, value in example.response_headers.items()}
    if example.has_response:
        headers["content-type"] = "application/json"
        return httpx.Response(int(status), headers=headers, content=json.dumps(example.response).encode())
    return httpx.Response(int(status), headers=headers)


def check_request(module: Any, case: Case, request: httpx.Request) -> None:
    """The request equals the documented one: method, URL, auth, content type, body."""
    op, example = case.operation, effective(module, case)
    assert request.method == op.http_method
    assert str(request.url) == expected_url(case, example)
    expected_auth = expected_auth_headers(case)
    for name, value in expected_auth.items():
        assert request.headers.get(name) == value, name
    unexpected = {s.wire.lower() for s in case.package.schemes if s.location == "header"} - set(expected_auth)
    if any(s.location == "cookie" for s in case.package.schemes) and not any(p.location == "cookie" for p in op.params):
        unexpected |= {"cookie"} - set(expected_auth)
    if any(s.kind in ("bearer", "basic") for s in case.package.schemes):
        unexpected |= {"authorization"} - set(expected_auth)
    for name in sorted(unexpected):
        assert name not in request.headers, f"{name} sent, but the documented request has none"
    for wire, value in example.headers.items():
        assert request.headers.get(wire) == _wire_text(value), wire
    if example.has_body:
        assert op.body is not None
        assert request.headers.get("content-type") == op.body.content_type
        assert json.loads(request.content) == example.body
    else:
        assert request.content == b""


def check_response_headers(case: Case, headers: httpx.Headers) -> None:
    """The documented response headers reach the caller unchanged (through the raw response)."""
    for name, value in case.example.response_headers.items():
        assert headers.get(name) == _wire_text(value), name


def dumped(module: Any, tp: ir.Type, value: Any) -> Any:
    """A parsed answer dumped back to JSON by alias, unset fields left out."""
    return pydantic.TypeAdapter(python_type(module, tp)).dump_python(
        value, mode="json", by_alias=True, exclude_unset=True
    )


def untyped_fields(value: Any, where: str = "$") -> list[str]:
    """Fields the models kept only as extras: documented data the spec does not type."""
    found: list[str] = []
    if isinstance(value, pydantic.RootModel):
        return untyped_fields(value.root, where)
    if isinstance(value, pydantic.BaseModel):
        found.extend(f"{where}.{key}" for key in (value.model_extra or {}))
        for name in type(value).model_fields:
            found.extend(untyped_fields(getattr(value, name), f"{where}.{name}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(untyped_fields(item, f"{where}[{index}]"))
    elif isinstance(value, dict):
        for key, item in value.items():
            found.extend(untyped_fields(item, f"{where}.{key}"))
    return found
