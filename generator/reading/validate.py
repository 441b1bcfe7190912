"""Structural validation of a spec with openapi-spec-validator, as located findings."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError
from jsonschema.validators import validator_for
from jsonschema_path import SchemaPath
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from generator.errors import Finding, Severity, TrunklineError
from generator.reading.input_checks import MAX_DEPTH
from generator.reading.load import Document, pointer, unescape_token
from generator.reading.preflight import check_cycles, spec_version

__all__ = ["RULE", "recursion_message", "spec_version", "validate"]

RULE = "oas3-schema"

def recursion_message(who: str) -> str:
    """What a RecursionError in `who` means: loading bounds how deep the data nests (MAX_DEPTH), so
    the checker went down `$ref`s (each followed one is a level deeper), never round a cycle."""
    return (f"{who} could not check the spec: it followed `$ref`s inside `$ref`s past Python's recursion limit "
            f"(the data itself nests at most {MAX_DEPTH} levels, and no `$ref` cycle is left unbroken); "
            "this is a limit of the checker, not a defect of the spec")


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
    meta = _crawled(base.schema_validator.schema)
    return type(f"Located{base.__name__}", (base,), {"keyword_validators": keywords, "schema_validator": meta})


def _crawled(schema: dict[str, Any]) -> Any:
    """The validator openapi-spec-validator makes of a meta-schema, over a registry crawled once.

    The OpenAPI 3.1 meta-schema resolves `$dynamicRef`s by anchor; when the validator's registry
    has not been crawled, every such lookup crawls the whole meta-schema again and drops the
    result (about half of linting SnapCall's spec). Crawled first, the anchors are simply there.
    The checks are the same: crawling is what each lookup did anyway.
    """
    resource = Resource.from_contents(schema, default_specification=DRAFT202012)
    registry = Registry().with_resource(resource.id() or "", resource).crawl()
    return validator_for(schema)(schema, registry=registry)


_BASES = {"3.0": OpenAPIV30SpecValidator, "3.1": OpenAPIV31SpecValidator}


@functools.cache
def _validator(version: str) -> type[Any]:
    """The located validator of one OpenAPI version, made when a spec of that version is first checked."""
    return _located(_BASES[version])


def validate(document: Document) -> list[Finding]:
    """Every structural problem openapi-spec-validator reports, with its location.

    A `$ref` that does not resolve stops the validator; it is then rerun on a copy without such
    refs (lint's `invalid-ref` rule reports them), so the rest of the document is still checked.
    """
    check_cycles(document)  # the validator would recurse forever; this names the loop instead
    try:
        return _validate(document, document.data)
    except Unresolvable:
        cut: list[str] = []
        found = _validate(document, _without_broken_refs(document, document.data, "", cut))
        return [f for f in found if not any(f.location.pointer == c or f.location.pointer.startswith(c + "/") for c in cut)]


def _without_broken_refs(document: Document, node: Any, ptr: str, cut: list[str]) -> Any:
    """A copy of `node` in which every `$ref` that does not resolve is removed (its pointer noted in `cut`)."""
    if isinstance(node, list):
        return [_without_broken_refs(document, item, f"{ptr}/{i}", cut) for i, item in enumerate(node)]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        try:
            document.resolve(ref)
        except (KeyError, IndexError, ValueError, TypeError):
            cut.append(ptr)
            return {k: v for k, v in node.items() if k != "$ref"}
    return {k: _without_broken_refs(document, v, ptr + pointer(k), cut) for k, v in node.items()}


def _validate(document: Document, data: Any) -> list[Finding]:
    validator = _validator(spec_version(document))(data)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    try:
        for error in validator.iter_errors():
            for leaf in _leaves(error):
                for extra, message in _explained(leaf):
                    ptr = _pointer_of(leaf, data) + extra
                    key = (ptr, message)
                    if key in seen:
                        continue
                    seen.add(key)
                    findings.append(Finding(RULE, Severity.ERROR, message, document.locate(ptr)))
    except RecursionError:
        raise TrunklineError(recursion_message("openapi-spec-validator"), document.locate("")) from None
    except Unresolvable:
        raise
    except Exception as exc:  # noqa: BLE001  (the validator's own checks trip over some malformed nodes)
        findings.append(Finding(RULE, Severity.ERROR, (
            f"openapi-spec-validator stopped on a malformed node ({type(exc).__name__}: {exc}); "
            "fix the other findings, then lint again"), document.locate("")))
    return findings


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The specific errors behind "not valid under any of the given schemas".

    For a `oneOf`/`anyOf` (most often "a Reference Object or a real one"), the branch that is
    not the `$ref` one and fails the fewest ways says what is wrong, and where.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0] if sub.relative_schema_path else 0, []).append(sub)
    candidates = [errs for errs in branches.values() if not any(e.validator == "required" and "'$ref'" in str(e.message) for e in errs)]
    if not candidates:
        return [error]
    parts = getattr(error, "trunkline_parts", None)
    choices = [next((e for e in errs if e.validator in ("enum", "const")), None) for errs in candidates]
    if len(choices) > 1 and all(c is not None and list(c.relative_path) == list(choices[0].relative_path) for c in choices):  # type: ignore[union-attr]
        allowed: list[Any] = []
        for choice in choices:
            assert choice is not None
            allowed.extend(choice.validator_value if choice.validator == "enum" else [choice.validator_value])
        merged = choices[0]
        assert merged is not None
        merged.trunkline_message = f"{merged.instance!r} is not one of {sorted(set(map(str, allowed)))}"
        if parts is not None:
            merged.trunkline_parts = parts
        return [merged]
    leaves = []
    for sub in min(candidates, key=len):
        if parts is not None:
            sub.trunkline_parts = parts
        leaves.extend(_leaves(sub))
    return leaves


def _explained(error: ValidationError) -> list[tuple[str, str]]:
    """(pointer suffix, message): a property that is not allowed is reported at its own key."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict) and isinstance(error.schema, dict):
        known = error.schema.get("properties") or {}
        patterns = list((error.schema.get("patternProperties") or {}).keys())
        extra = [k for k in error.instance if k not in known and not any(re.search(p, str(k)) for p in patterns)]
        if extra:
            return [(pointer(k), f"property {k!r} is not allowed here; remove it (or name an extension `x-...`)") for k in extra]
    return [("", getattr(error, "trunkline_message", None) or _message(error))]


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
