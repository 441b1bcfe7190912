"""Structural validation of a spec with openapi-spec-validator, as located findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from referencing.exceptions import Unresolvable

from generator.errors import Finding, Severity, TrunklineError
from generator.load import Document, pointer, unescape_token

RULE = "oas3-schema"


def spec_version(document: Document) -> str:
    """'3.0' or '3.1'; a TrunklineError for anything that is not OpenAPI 3.0 or 3.1."""
    version = document.data.get("openapi")
    if version is None:
        hint = "a Swagger 2.0 document; convert it to OpenAPI 3" if "swagger" in document.data else "no `openapi` field"
        raise TrunklineError(f"not an OpenAPI document ({hint})", document.locate(""))
    text = str(version)
    if text.startswith("3.0"):
        return "3.0"
    if text.startswith("3.1"):
        return "3.1"
    raise TrunklineError(f"unsupported OpenAPI version {text!r}; use 3.0.x or 3.1.x", document.locate("/openapi"))


def _located(base: type[Any]) -> type[Any]:
    """A spec validator whose keyword errors remember the spec node they were raised for."""

    def wrap(cls: type[Any]) -> type[Any]:
        def call(self: Any, *args: Any, **kwargs: Any) -> Iterator[ValidationError]:
            parts = next((a.parts for a in args if isinstance(a, SchemaPath)), None)
            for error in cls.__call__(self, *args, **kwargs):
                if parts is not None and not hasattr(error, "trunkline_parts"):
                    error.trunkline_parts = parts
                yield error

        return type(cls.__name__, (cls,), {"__call__": call})

    keywords = {name: wrap(cls) for name, cls in base.keyword_validators.items()}
    return type(f"Located{base.__name__}", (base,), {"keyword_validators": keywords})


_VALIDATORS = {"3.0": _located(OpenAPIV30SpecValidator), "3.1": _located(OpenAPIV31SpecValidator)}


def validate(document: Document) -> list[Finding]:
    """Every structural problem openapi-spec-validator reports, with its location.

    A `$ref` that does not resolve stops the validator; it is then rerun on a copy without such
    refs (lint's `invalid-ref` rule reports them), so the rest of the document is still checked.
    """
    try:
        return _validate(document, document.data)
    except Unresolvable:
        return _validate(document, _without_broken_refs(document, document.data))


def _without_broken_refs(document: Document, node: Any) -> Any:
    if isinstance(node, list):
        return [_without_broken_refs(document, item) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        try:
            document.resolve(ref)
        except (KeyError, IndexError, ValueError, TypeError):
            return {k: v for k, v in node.items() if k != "$ref"}
    return {k: _without_broken_refs(document, v) for k, v in node.items()}


def _validate(document: Document, data: Any) -> list[Finding]:
    validator = _VALIDATORS[spec_version(document)](data)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    try:
        for error in validator.iter_errors():
            ptr = _pointer_of(error, data)
            key = (ptr, error.message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(Finding(RULE, Severity.ERROR, _message(error), document.locate(ptr)))
    except RecursionError:
        raise TrunklineError("a `$ref` cycle that the validator cannot follow", document.locate("")) from None
    return findings


def _pointer_of(error: ValidationError, data: Any = None) -> str:
    absolute = list(error.absolute_path)
    base = list(getattr(error, "trunkline_parts", ()))
    if base and (not absolute or absolute[0] not in ("openapi", "info", "paths", "components", "servers", "tags", "security", "webhooks", "jsonSchemaDialect", "externalDocs")):
        return _through_refs(data, [*base, *absolute])
    return _through_refs(data, absolute)


def _through_refs(data: Any, tokens: list[Any]) -> str:
    """The pointer of `tokens` in the file: where a path passes through a local `$ref`, continue at its target."""
    node, real = data, list[Any]()
    for token in tokens:
        for _ in range(32):
            if not (isinstance(node, dict) and token not in node and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/")):
                break
            target = [unescape_token(t) for t in node["$ref"][2:].split("/")]
            found: Any = data
            for step in target:
                found = found.get(step) if isinstance(found, dict) else (found[int(step)] if isinstance(found, list) and step.isdigit() and int(step) < len(found) else None)
            if found is None:
                break
            node, real = found, target
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and isinstance(token, int) and token < len(node):
            node = node[token]
        else:
            node = None
        real.append(token)
    return pointer(*real)


def _message(error: ValidationError) -> str:
    message = str(error.message)
    if len(message) > 300:
        message = message[:300] + "..."
    return message.replace("\n", " ")
