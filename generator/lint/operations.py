"""Rules about operations: ids, descriptions, parameters, responses, security, callbacks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import HTTP_METHODS, operations, parameter_list, resolve
from generator.reading.load import escape_token, pointer

_URL_SAFE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]*$")


def _blank(value: Any) -> bool:
    return not (isinstance(value, str) and value.strip())


def _without(context: Context, key: str) -> Iterator[tuple[Any, str]]:
    """Each operation whose `key` is missing or blank, and where to report it (the key, else the operation)."""
    for op in operations(context):
        if _blank(op.node.get(key)):
            yield op, op.ptr + pointer(key) if key in op.node else op.ptr


def _name(op: Any) -> str:
    return f"{op.method.upper()} {op.path}"


@rule("operation-description", Severity.WARNING, "Every operation has a non-empty `description`.", "spectral")
def operation_description(context: Context) -> Iterator[tuple[str, str]]:
    for op, where in _without(context, "description"):
        yield where, f"describe {_name(op)}: the description becomes the method's docstring"


@rule("operation-summary", Severity.ERROR, "Every operation has a non-empty `summary`.", "redocly")
def operation_summary(context: Context) -> Iterator[tuple[str, str]]:
    for op, where in _without(context, "summary"):
        yield where, f"give {_name(op)} a one-line `summary`"


@rule("operation-operationId", Severity.WARNING, "Every operation has an `operationId`.", "spectral")
def operation_operation_id(context: Context) -> Iterator[tuple[str, str]]:
    for op, where in _without(context, "operationId"):
        yield where, f"give {_name(op)} an `operationId` (snake_case `<resource>_<verb>`): it names the client method"


@rule("operation-operationId-unique", Severity.ERROR, "No two operations share an `operationId`.", "spectral")
def operation_operation_id_unique(context: Context) -> Iterator[tuple[str, str]]:
    seen: dict[str, str] = {}
    for op in operations(context):
        op_id = op.node.get("operationId")
        if not isinstance(op_id, str):
            continue
        if op_id in seen:
            yield op.ptr + "/operationId", f"operationId {op_id!r} is already used by {seen[op_id]}; make it unique"
        else:
            seen[op_id] = _name(op)


@rule("operation-operationId-valid-in-url", Severity.WARNING, "`operationId`s use only characters allowed in a URL.", "spectral")
def operation_operation_id_valid_in_url(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        op_id = op.node.get("operationId")
        if isinstance(op_id, str) and not _URL_SAFE.match(op_id):
            yield op.ptr + "/operationId", f"operationId {op_id!r} has characters a URL cannot carry; use letters, digits and `_`"


@rule("operation-parameters", Severity.WARNING, "No parameter is listed twice (same `name` and `in`) in one list.", "spectral")
def operation_parameters(context: Context) -> Iterator[tuple[str, str]]:
    owners: list[tuple[dict[str, Any], str]] = []
    seen_items: set[str] = set()
    for op in operations(context):
        if op.item_ptr not in seen_items:
            seen_items.add(op.item_ptr)
            owners.append((op.path_item, op.item_ptr))
        owners.append((op.node, op.ptr))
    for owner, owner_ptr in owners:
        seen: dict[tuple[str, str], str] = {}
        raw = owner.get("parameters")
        for i, (param, _ptr) in enumerate(parameter_list(context, owner, owner_ptr)):
            key = (str(param.get("name")), str(param.get("in")))
            here = f"{owner_ptr}/parameters/{i}" if isinstance(raw, list) else owner_ptr
            if key in seen:
                yield here, f"parameter {key[0]!r} in {key[1]} is listed twice (first at {seen[key]}); remove one"
            else:
                seen[key] = here


def _statuses(op: Any) -> list[str]:
    raw = op.node.get("responses")
    return [str(k) for k in raw] if isinstance(raw, dict) else []


@rule("operation-success-response", Severity.WARNING, "Every operation documents a 2xx or 3xx response.", "spectral")
def operation_success_response(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context):
        if not any(s[:1] in ("2", "3") for s in _statuses(op)):
            where = op.ptr + "/responses" if "responses" in op.node else op.ptr
            yield where, f"document the success response (2xx or 3xx) of {_name(op)}"


@rule("operation-4xx-response", Severity.WARNING, "Where the API documents errors, every operation documents a 4xx response.", "redocly")
def operation_4xx_response(context: Context) -> Iterator[tuple[str, str]]:
    ops = list(operations(context))
    if not any(s[:1] == "4" for op in ops for s in _statuses(op)):
        return
    for op in ops:
        statuses = _statuses(op)
        if statuses and not any(s[:1] == "4" or s == "default" for s in statuses):
            yield op.ptr + "/responses", f"document the error responses (4xx) of {_name(op)} as the other operations do"


def _requirements(context: Context) -> Iterator[tuple[str, Any]]:
    data = context.document.data
    yield "/security", data.get("security")
    for op in operations(context):
        if "security" in op.node:
            yield op.ptr + "/security", op.node["security"]


def _schemes(context: Context) -> dict[str, Any]:
    components = context.document.data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    return schemes if isinstance(schemes, dict) else {}


@rule("oas3-operation-security-defined", Severity.WARNING, "Every security requirement names a declared security scheme.", "spectral")
def operation_security_defined(context: Context) -> Iterator[tuple[str, str]]:
    schemes = _schemes(context)
    for ptr, requirements in _requirements(context):
        if not isinstance(requirements, list):
            continue
        for i, requirement in enumerate(requirements):
            if isinstance(requirement, dict):
                for name in requirement:
                    if name not in schemes:
                        yield f"{ptr}/{i}/{escape_token(str(name))}", (
                            f"security scheme {name!r} is not declared; add it to `components.securitySchemes`"
                        )


@rule("security-defined", Severity.ERROR, "Every operation has security, its own or the document's (`[]` for none).", "redocly")
def security_defined(context: Context) -> Iterator[tuple[str, str]]:
    if "security" in context.document.data:
        return
    for op in operations(context):
        if "security" not in op.node:
            yield op.ptr, f"say how {_name(op)} authenticates: add `security` to it or to the document (`security: []` for none)"


@rule("oas3-parameter-description", None, "Every parameter has a description.", "spectral")
def parameter_description(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, node in _all_parameters(context):
        if _blank(node.get("description")):
            yield ptr, f"describe parameter {node.get('name')!r}: the description becomes its docstring"


def _all_parameters(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    components = context.document.data.get("components")
    params = components.get("parameters") if isinstance(components, dict) else None
    if isinstance(params, dict):
        for name, node in params.items():
            if isinstance(node, dict) and "$ref" not in node:
                yield pointer("components", "parameters", name), node
    seen: set[str] = set()
    for op in operations(context):
        for owner, owner_ptr in ((op.path_item, op.item_ptr), (op.node, op.ptr)):
            raw = owner.get("parameters")
            for i, node in enumerate(raw if isinstance(raw, list) else []):
                ptr = f"{owner_ptr}/parameters/{i}"
                if isinstance(node, dict) and "$ref" not in node and ptr not in seen:
                    seen.add(ptr)
                    yield ptr, node


def _callback_nodes(context: Context) -> Iterator[tuple[str, Any]]:
    """Pointers of every `callbacks` map in the document (refs to components are components)."""
    stack: list[tuple[str, Any]] = [("", context.document.data)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                key = str(key)
                if key.startswith("x-") or key in ("schema", "schemas", "example", "examples"):
                    continue
                child = f"{ptr}/{escape_token(key)}"
                if key == "callbacks" and isinstance(value, dict):
                    yield child, value
                stack.append((child, value))
        elif isinstance(node, list):
            stack.extend((f"{ptr}/{i}", v) for i, v in enumerate(node))


@rule("oas3-callbacks-in-callbacks", Severity.WARNING, "A callback does not define callbacks of its own.", "spectral")
def callbacks_in_callbacks(context: Context) -> Iterator[tuple[str, str]]:
    nodes = list(_callback_nodes(context))
    for ptr, _node in nodes:
        owner = ptr.rsplit("/", 1)[0]
        if any(owner.startswith(other + "/") for other, _ in nodes):
            yield ptr, "remove these nested callbacks: a callback cannot define callbacks of its own"


def _webhook_ops(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    hooks = context.document.data.get("webhooks") if context.version == "3.1" else None
    if not isinstance(hooks, dict):
        return
    for name, raw in hooks.items():
        ptr = pointer("webhooks", name)
        item = raw
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            found = resolve(context, raw["$ref"])
            item, ptr = found if found else (None, ptr)
        if isinstance(item, dict):
            yield ptr, item


@rule("oas3_1-servers-in-webhook", Severity.WARNING, "Webhooks define no `servers`.", "spectral")
def servers_in_webhook(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, item in _webhook_ops(context):
        if "servers" in item:
            yield ptr + "/servers", "remove `servers` from the webhook: the consumer's own server receives it"
        for method, node in item.items():
            if isinstance(node, dict) and "servers" in node and method in HTTP_METHODS:
                yield f"{ptr}/{method}/servers", "remove `servers` from the webhook operation: the consumer's own server receives it"


@rule("oas3_1-callbacks-in-webhook", Severity.WARNING, "Webhooks define no `callbacks`.", "spectral")
def callbacks_in_webhook(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, item in _webhook_ops(context):
        for method, node in item.items():
            if isinstance(node, dict) and "callbacks" in node:
                yield f"{ptr}/{escape_token(str(method))}/callbacks", "remove `callbacks` from the webhook operation"

