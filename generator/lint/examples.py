"""Rules about examples: valid against their schemas, well-formed, paired by exchange, present."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import Op, follow, index, op_parameters, operations, resolve, responses
from generator.reading.load import pointer

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")
_URL = re.compile(r"^(?:https?|ftp)://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$")


def _checker(base: FormatChecker) -> FormatChecker:
    """The OpenAPI format checker plus the URI, URL and hostname formats it leaves unchecked."""
    made = FormatChecker(formats=())
    made.checkers = dict(base.checkers)
    for name, pattern in (("uri", _URI), ("url", _URL), ("hostname", _HOSTNAME)):
        if name not in made.checkers:
            made.checks(name)(lambda value, pattern=pattern: not isinstance(value, str) or bool(pattern.match(value)))
    if "uri-reference" not in made.checkers:
        made.checks("uri-reference")(lambda value: not isinstance(value, str) or not any(c.isspace() for c in value))
    return made


_CHECKERS = {"3.0": _checker(oas30_format_checker), "3.1": _checker(oas31_format_checker)}


def _validator(context: Context, schema_ptr: str) -> Any:
    cache = context.cache.setdefault("validators", {})
    if schema_ptr not in cache:
        registry = context.cache.get("registry")
        if registry is None:
            spec = DRAFT202012 if context.version == "3.1" else DRAFT4
            registry = Registry().with_resource("urn:spec", Resource.from_contents(context.document.data, default_specification=spec))
            context.cache["registry"] = registry
        cls = OAS31Validator if context.version == "3.1" else OAS30Validator
        cache[schema_ptr] = cls({"$ref": "urn:spec#" + quote(schema_ptr, safe="/~")}, registry=registry, format_checker=_CHECKERS[context.version])
    return cache[schema_ptr]


def mismatches(context: Context, schema_ptr: str, value: Any) -> list[tuple[str, str]]:
    """(pointer inside `value`, message) for each way `value` fails the schema at `schema_ptr`.

    A schema that cannot be evaluated (an unresolved `$ref`, an unknown type) yields nothing:
    the structural rules report it.
    """
    try:
        return [(pointer(*error.absolute_path), str(error.message)) for error in _validator(context, schema_ptr).iter_errors(value)]
    except Exception:  # noqa: BLE001  (unresolvable or invalid schema: reported elsewhere)
        return []


def _short(message: str) -> str:
    message = message.replace("\n", " ")
    return message if len(message) <= 200 else message[:200] + "..."


def schema_defect(context: Context, schema_ptr: str) -> str | None:
    """Why the schema at `schema_ptr` (or one it references) cannot check values, or None.

    Spectral's validator refuses such a schema (OpenAPI 3.0 `nullable` without `type`, an
    `enum` listing a value twice) and reports every example it should check; so does Trunkline.
    """
    memo: dict[str, str | None] = context.cache.setdefault("schema_defects", {})
    if schema_ptr in memo:
        return memo[schema_ptr]
    found: str | None = None
    seen: set[str] = set()
    stack = [schema_ptr]
    while stack and found is None:
        ptr = stack.pop()
        if ptr in seen:
            continue
        seen.add(ptr)
        target = resolve(context, "#" + ptr)
        node = target[0] if target else None
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
            stack.append(node["$ref"][1:])
        if context.version == "3.0" and "nullable" in node and "type" not in node:
            found = f"`nullable` without `type` at {ptr}"
        elif isinstance(node.get("enum"), list) and len({json.dumps(v, sort_keys=True) for v in node["enum"]}) < len(node["enum"]):
            found = f"an `enum` listing a value twice at {ptr}"
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                stack.append(f"{ptr}/{key}")
        for key in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                stack.extend(f"{ptr}/{key}/{i}" for i in range(len(node[key])))
        if isinstance(node.get("properties"), dict):
            stack.extend(ptr + pointer("properties", name) for name in node["properties"])
    memo[schema_ptr] = found
    return found


@rule("oas3-valid-media-example", Severity.ERROR, "Examples of media types, parameters and headers validate against their schema.", "spectral")
def valid_media_example(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, holder in index(context).holders:
        schema_ptr = ptr + "/schema"
        defect = schema_defect(context, schema_ptr)
        if defect is not None:
            places = [ptr + "/example"] if "example" in holder else []
            examples = holder.get("examples")
            for name, raw in (examples.items() if isinstance(examples, dict) else []):
                example, ex_ptr = follow(context, raw, ptr + pointer("examples", name))
                places.append(ex_ptr + "/value" if isinstance(example, dict) and "value" in example else ex_ptr)
            for place in places:
                yield place, f"the schema cannot check this example: it has {defect}; fix the schema"
            continue
        if "example" in holder:
            for where, message in mismatches(context, schema_ptr, holder["example"]):
                yield ptr + "/example" + where, f"the example does not match its schema: {_short(message)}; fix the example or the schema"
        examples = holder.get("examples")
        if not isinstance(examples, dict):
            continue
        for name, raw in examples.items():
            example, ex_ptr = follow(context, raw, ptr + pointer("examples", name))
            if isinstance(example, dict) and "value" not in example and "externalValue" not in example:
                yield ex_ptr, f"example {name!r} has no `value`; add the example value"
            if isinstance(example, dict) and "value" in example:
                for where, message in mismatches(context, schema_ptr, example["value"]):
                    yield ex_ptr + "/value" + where, (
                        f"example {name!r} does not match its schema: {_short(message)}; fix the example or the schema"
                    )


@rule("oas3-valid-schema-example", Severity.ERROR, "A schema's own `example`, `examples` and `default` validate against it.", "spectral")
def valid_schema_example(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in index(context).schemas:
        values: list[tuple[str, str, Any]] = [(f"{ptr}/{key}", key, schema[key]) for key in ("example", "default") if key in schema]
        if context.version == "3.1" and isinstance(schema.get("examples"), list):
            values.extend((f"{ptr}/examples/{i}", "examples", v) for i, v in enumerate(schema["examples"]))
        for value_ptr, key, value in values:
            for where, message in mismatches(context, ptr, value):
                yield value_ptr + where, f"the schema's `{key}` does not match the schema: {_short(message)}; fix one of them"


@rule("oas3-examples-value-or-externalValue", Severity.WARNING, "An Example object has exactly one of `value` and `externalValue`.", "spectral")
def value_or_external(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, example in index(context).examples:
        if "$ref" in example:
            continue
        has_value, has_external = "value" in example, "externalValue" in example
        if has_value and has_external:
            yield ptr, "keep either `value` or `externalValue`, not both"
        elif not has_value and not has_external:
            yield ptr, "give this example a `value` (or an `externalValue` URL)"


@dataclass(frozen=True)
class Slot:
    """One named example of one operation: name, where it sits, and the response status if any."""

    name: str
    ptr: str
    status: str | None


def slots(context: Context, op: Op) -> Iterator[Slot]:
    """Every named example in the parameter, request body and response slots of `op`."""
    for param, ptr in op_parameters(context, op):
        yield from _named(context, param, ptr, None)
        yield from _content(context, param, ptr, None)
    body, body_ptr = follow(context, op.node.get("requestBody"), op.ptr + "/requestBody")
    if isinstance(body, dict):
        yield from _content(context, body, body_ptr, None)
    for status, response, resp_ptr in responses(context, op):
        yield from _content(context, response, resp_ptr, status)
        headers = response.get("headers")
        for name, raw in (headers.items() if isinstance(headers, dict) else []):
            header, header_ptr = follow(context, raw, resp_ptr + pointer("headers", name))
            if isinstance(header, dict):
                yield from _named(context, header, header_ptr, status)


def _content(context: Context, owner: dict[str, Any], owner_ptr: str, status: str | None) -> Iterator[Slot]:
    content = owner.get("content")
    for ctype, media in (content.items() if isinstance(content, dict) else []):
        if isinstance(media, dict):
            yield from _named(context, media, owner_ptr + pointer("content", ctype), status)


def _named(context: Context, owner: dict[str, Any], owner_ptr: str, status: str | None) -> Iterator[Slot]:
    examples = owner.get("examples")
    for name, raw in (examples.items() if isinstance(examples, dict) else []):
        example, ptr = follow(context, raw, owner_ptr + pointer("examples", name))
        if isinstance(example, dict) and "value" in example:
            yield Slot(str(name), ptr + "/value", status)
    if "example" in owner:
        yield Slot("", owner_ptr + "/example", status)


@rule("example-paired", Severity.ERROR, "The slots of one documented exchange share one example name and one response.")
def example_paired(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        request_names: dict[str, str] = {}
        response_statuses: dict[str, set[str]] = {}
        response_ptr: dict[str, str] = {}
        for slot in slots(context, op):
            if not slot.name:
                continue
            if slot.status is None:
                request_names.setdefault(slot.name, slot.ptr)
            else:
                response_statuses.setdefault(slot.name, set()).add(slot.status)
                response_ptr.setdefault(slot.name, slot.ptr)
        for name, statuses in response_statuses.items():
            if len(statuses) > 1:
                yield response_ptr[name], (
                    f"example {name!r} answers with several statuses ({', '.join(sorted(statuses))}); "
                    "give each exchange its own name"
                )
        if response_statuses:
            for name, ptr in request_names.items():
                if name not in response_statuses:
                    yield ptr, f"example {name!r} has no response example of the same name; name the response that answers it {name!r}"


@rule("operation-example", Severity.WARNING, "Every operation has a documented example, or says `x-undocumented: true`.")
def operation_example(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        if op.node.get("x-undocumented") is True:
            continue
        if next(slots(context, op), None) is None:
            yield op.ptr, (
                f"add a documented example to {op.method.upper()} {op.path} (a request or response `examples` entry), "
                "or mark the operation `x-undocumented: true` when the vendor shows none"
            )
