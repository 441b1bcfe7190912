"""Read-only walks over a loaded OpenAPI document: operations, `$ref`s, example slots."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import TrunklineError
from generator.input_checks import MAX_REF_CHAIN
from generator.load import Document, pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class OperationRef:
    """One operation of the document and where it sits."""

    path: str
    method: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    ptr: str


def operations(document: Document) -> Iterator[OperationRef]:
    """Every operation, in document order."""
    paths = document.data.get("paths") or {}
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        item_ptr = pointer("paths", path)
        item, item_ptr = deref(document, item, item_ptr)
        if not isinstance(item, dict):
            continue
        for method in item:
            if method in HTTP_METHODS and isinstance(item[method], dict):
                yield OperationRef(path, method, item[method], item, item_ptr + pointer(method))


def deref(document: Document, node: Any, ptr: str, depth: int = 0) -> tuple[Any, str]:
    """Follow local `$ref`s; the value and the pointer where it really lives."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise TrunklineError("a `$ref` cycle: the reference points back at itself", document.locate(ptr))
        if depth > MAX_REF_CHAIN:
            raise TrunklineError(
                f"more than {MAX_REF_CHAIN} `$ref`s in a row, each pointing at another `$ref`; "
                "point the `$ref` at the object itself", document.locate(ptr))
        seen.add(ref)
        if not ref.startswith("#"):  # `load` bundles local files, so only an unloaded document gets here
            raise TrunklineError(f"external `$ref` {ref!r} was not bundled; load the spec with `load`", document.locate(ptr))
        try:
            node = document.resolve(ref)
        except (KeyError, IndexError, ValueError, TypeError):
            raise TrunklineError(f"unresolved `$ref` {ref!r}; point it at an existing component", document.locate(ptr)) from None
        ptr = ref[1:]
        depth += 1
    return node, ptr


def parameters(document: Document, op: OperationRef) -> list[tuple[dict[str, Any], str]]:
    """The operation's parameters, path-level ones included unless the operation overrides them.

    Header parameters named Accept, Content-Type or Authorization are left out: OpenAPI says such
    a definition SHALL be ignored (the media types and the security schemes say those headers).
    """
    found: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_ptr in ((op.path_item, op.ptr.rsplit("/", 1)[0]), (op.node, op.ptr)):
        for index, raw in enumerate(owner.get("parameters") or []):
            param, ptr = deref(document, raw, owner_ptr + pointer("parameters", index))
            if isinstance(param, dict) and not _ignored_header(param):
                found[(str(param.get("name")), str(param.get("in")))] = (param, ptr)
    return list(found.values())


IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})


def _ignored_header(param: dict[str, Any]) -> bool:
    """Whether OpenAPI says to ignore this parameter definition (a header the spec says another way)."""
    return param.get("in") == "header" and str(param.get("name", "")).lower() in IGNORED_HEADERS


@dataclass(frozen=True)
class ExampleSlot:
    """One documented example value and the schema it must satisfy."""

    name: str
    value: Any
    schema_ptr: str | None
    ptr: str
    kind: str  # "path", "query", "header", "cookie", "request", "response", "response-header"
    status: str | None = None
    field: str | None = None  # parameter or header name, content type for bodies


def example_slots(document: Document, op: OperationRef) -> Iterator[ExampleSlot]:
    """Every named example of one operation, in the parameter, body and response slots."""
    for param, ptr in parameters(document, op):
        schema_ptr = ptr + "/schema" if "schema" in param else None
        yield from _named(document, param, ptr, schema_ptr, str(param.get("in")), None, str(param.get("name")))
    body = op.node.get("requestBody")
    if body is not None:
        body, body_ptr = deref(document, body, op.ptr + "/requestBody")
        for ctype, media in (body.get("content") or {}).items():
            media_ptr = body_ptr + pointer("content", ctype)
            schema_ptr = media_ptr + "/schema" if "schema" in media else None
            yield from _named(document, media, media_ptr, schema_ptr, "request", None, ctype)
    for status, raw in (op.node.get("responses") or {}).items():
        response, resp_ptr = deref(document, raw, op.ptr + pointer("responses", status))
        if not isinstance(response, dict):
            continue
        for ctype, media in (response.get("content") or {}).items():
            media_ptr = resp_ptr + pointer("content", ctype)
            schema_ptr = media_ptr + "/schema" if "schema" in media else None
            yield from _named(document, media, media_ptr, schema_ptr, "response", str(status), ctype)
        for header_name, raw_header in (response.get("headers") or {}).items():
            header, header_ptr = deref(document, raw_header, resp_ptr + pointer("headers", header_name))
            schema_ptr = header_ptr + "/schema" if "schema" in header else None
            yield from _named(document, header, header_ptr, schema_ptr, "response-header", str(status), header_name)


def _named(
    document: Document, owner: dict[str, Any], owner_ptr: str, schema_ptr: str | None,
    kind: str, status: str | None, field: str | None,
) -> Iterator[ExampleSlot]:
    for name, raw in (owner.get("examples") or {}).items():
        example, ex_ptr = deref(document, raw, owner_ptr + pointer("examples", name))
        if isinstance(example, dict) and "value" in example:
            yield ExampleSlot(str(name), example["value"], schema_ptr, ex_ptr + "/value", kind, status, field)
