"""Checks that a spec can be read as an OpenAPI document at all, before validation and lint.

Each failure is a TrunklineError with a location: the spec is unusable input (exit 2), not a
list of findings. Checked in order: version, `info`, `paths`, `$ref` targets, `$ref` cycles,
unique operationIds, then the shape of what generation reads (`generator.reading.shape`: path keys,
parameters, header and cookie names, schema keyword types, enum members).
"""

from __future__ import annotations

from typing import Any

from generator.errors import TrunklineError
from generator.reading.input_checks import refuse_duplicates
from generator.reading.load import Document, pointer
from generator.reading.shape import defects
from generator.reading.spec import HTTP_METHODS

_COMPOSED = ("allOf", "anyOf", "oneOf")


def spec_version(document: Document) -> str:
    """'3.0' or '3.1'; a TrunklineError for anything that is not OpenAPI 3.0 or 3.1."""
    version = document.data.get("openapi")
    if version is None:
        if "swagger" in document.data:
            raise TrunklineError(
                "not an OpenAPI 3 document: this is Swagger 2.0; convert it to OpenAPI 3.x "
                "(e.g. with swagger2openapi)", document.locate("/swagger"))
        raise TrunklineError("not an OpenAPI document: no `openapi` field; start the file with `openapi: 3.1.0`", document.locate(""))
    text = str(version)
    if text.startswith("3.0.") or text == "3.0":
        return "3.0"
    if text.startswith("3.1.") or text == "3.1":
        return "3.1"
    raise TrunklineError(f"unsupported OpenAPI version {text!r}; Trunkline reads 3.0.x and 3.1.x", document.locate("/openapi"))


def preflight(document: Document) -> str:
    """Raise on the first defect that makes the spec unusable; its OpenAPI version otherwise."""
    refuse_duplicates(document)
    version = spec_version(document)
    data = document.data
    if not isinstance(data.get("info"), dict):
        where = "/info" if "info" in data else ""
        raise TrunklineError("missing `info`: add an `info` object with `title` and `version`", document.locate(where))
    paths = data.get("paths")
    if paths is None or paths == {}:
        where = "/paths" if "paths" in data else ""
        webhooks = " (its `webhooks` are calls a server receives, not ones a client makes)" if data.get("webhooks") else ""
        raise TrunklineError(
            f"empty `paths`: the spec has no operations to generate{webhooks}; add at least one path", document.locate(where)
        )
    _check_refs(document)
    check_cycles(document)
    _check_operation_ids(document)
    _check_shape(document)
    return version


def _check_shape(document: Document) -> None:
    """The first shape defect (`generator.reading.shape`), located; lint lists them all."""
    for ptr, message in defects(document):
        raise TrunklineError(message, document.locate(ptr))


def _check_refs(document: Document) -> None:
    for ref in document.refs:
        try:
            document.resolve(ref.target)
        except (KeyError, IndexError, ValueError, TypeError):
            raise TrunklineError(
                f"unresolved `$ref` {ref.written!r}: nothing is at that pointer; point it at an existing component",
                document.locate(ref.ptr + "/$ref")) from None


def check_cycles(document: Document) -> None:
    """A `$ref` chain or allOf/anyOf/oneOf that reaches itself with no property, item or map between."""
    state: dict[str, bool] = {}  # pointer -> True while on the current path, False when done
    for ref in document.refs:
        start = ref.ptr
        if start in state:
            continue
        stack: list[tuple[str, list[str]]] = [(start, _edges(document, start))]
        state[start] = True
        while stack:
            ptr, pending = stack[-1]
            if not pending:
                state[ptr] = False
                stack.pop()
                continue
            nxt = pending.pop()
            seen = state.get(nxt)
            if seen is True:
                chain = [p for p, _ in stack]
                chain = chain[chain.index(nxt):]
                closing = next((p for p in reversed(chain) if _is_ref(document, p)), chain[-1])
                shown = " -> ".join(document.describe(p) for p in [*chain, nxt])
                raise TrunklineError(
                    f"`$ref` cycle that never reaches a schema: {shown}; break the loop "
                    "(recursion must go through a property, items or additionalProperties)",
                    document.locate(closing + "/$ref" if _is_ref(document, closing) else closing))
            if seen is None:
                state[nxt] = True
                stack.append((nxt, _edges(document, nxt)))


def _is_ref(document: Document, ptr: str) -> bool:
    node = _at(document, ptr)
    return isinstance(node, dict) and isinstance(node.get("$ref"), str)


def _at(document: Document, ptr: str) -> Any:
    try:
        return document.resolve("#" + ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return None


def _edges(document: Document, ptr: str) -> list[str]:
    """The pointers a node stands for directly: its `$ref` target and its composed members."""
    node = _at(document, ptr)
    if not isinstance(node, dict):
        return []
    found: list[str] = []
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        found.append(ref[1:])
    for key in _COMPOSED:
        members = node.get(key)
        if isinstance(members, list):
            found.extend(f"{ptr}/{key}/{index}" for index in range(len(members)))
    return found


def _check_operation_ids(document: Document) -> None:
    """Two operations with one id in one namespace (first tag) would make one client method.

    Duplicates under different tags still get distinct methods (`client.a.x`, `client.b.x`);
    lint reports them (`operation-id-unique`), but they do not stop a third-party spec.
    """
    paths = document.data.get("paths")
    if not isinstance(paths, dict):
        return
    first: dict[tuple[str, str | None], str] = {}
    for path, item in paths.items():
        item_ptr = pointer("paths", path)
        if isinstance(item, dict) and isinstance(item.get("$ref"), str):
            item_ptr = item["$ref"][1:]
            item = _at(document, item_ptr)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict) or not isinstance(op.get("operationId"), str):
                continue
            op_ptr = item_ptr + pointer(method)
            tags = op.get("tags")
            key = (op["operationId"], str(tags[0]) if isinstance(tags, list) and tags else None)
            if key in first:
                raise TrunklineError(
                    f"duplicate operationId {key[0]!r}, already used at {first[key]}; give each operation its own id",
                    document.locate(op_ptr + "/operationId"))
            first[key] = op_ptr
