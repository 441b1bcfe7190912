"""Rules about documented examples: valid against their schemas, paired by exchange."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.errors import Severity, TrunklineError
from generator.lint.registry import Context, rule
from generator.load import pointer
from generator.spec import example_slots, operations


def _validator(context: Context, schema_ptr: str) -> Any:
    cache = context.cache.setdefault("validators", {})
    if schema_ptr not in cache:
        registry = context.cache.get("registry")
        if registry is None:
            spec = DRAFT202012 if context.version == "3.1" else DRAFT4
            registry = Registry().with_resource("urn:spec", Resource.from_contents(context.document.data, default_specification=spec))
            context.cache["registry"] = registry
        cls, checker = (OAS31Validator, oas31_format_checker) if context.version == "3.1" else (OAS30Validator, oas30_format_checker)
        cache[schema_ptr] = cls({"$ref": "urn:spec#" + schema_ptr}, registry=registry, format_checker=checker)
    return cache[schema_ptr]


def schema_errors(context: Context, schema_ptr: str, value: Any) -> Iterator[ValidationError]:
    """The ways `value` fails the schema at `schema_ptr` (best match first per branch)."""
    try:
        yield from _validator(context, schema_ptr).iter_errors(value)
    except (RecursionError, Exception) as exc:  # an unresolvable $ref inside the schema
        if isinstance(exc, ValidationError):
            raise
        raise TrunklineError(f"cannot check an example against its schema: {exc}", context.document.locate(schema_ptr)) from None


@rule("example-valid", Severity.ERROR, "Every example validates against the schema of its slot.")
def example_valid(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context.document):
        for slot in example_slots(context.document, op):
            if slot.schema_ptr is None:
                continue
            for error in schema_errors(context, slot.schema_ptr, slot.value):
                where = pointer(*error.absolute_path)
                yield slot.ptr + where, f"example {slot.name!r} does not match its schema: {error.message}; fix the example or the schema"


@rule("example-paired", Severity.ERROR, "The slots of one documented exchange share one example name and one response.")
def example_paired(context: Context) -> Iterator[tuple[str, str]]:
    for op in operations(context.document):
        request_names: dict[str, str] = {}
        response_statuses: dict[str, set[str]] = {}
        response_ptr: dict[str, str] = {}
        has_response_examples = False
        for slot in example_slots(context.document, op):
            if slot.status is None:
                request_names.setdefault(slot.name, slot.ptr)
            else:
                has_response_examples = True
                response_statuses.setdefault(slot.name, set()).add(slot.status)
                response_ptr.setdefault(slot.name, slot.ptr)
        for name, statuses in response_statuses.items():
            if len(statuses) > 1:
                yield response_ptr[name], (
                    f"example {name!r} answers with several statuses ({', '.join(sorted(statuses))}); "
                    "give each exchange its own name"
                )
        if has_response_examples:
            for name, ptr in request_names.items():
                if name not in response_statuses:
                    yield ptr, f"example {name!r} has no response example of the same name; name the response that answers it {name!r}"
