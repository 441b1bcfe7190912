"""JSON Schema checks of request values against the spec's schemas, compiled on first use."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any
from urllib.parse import quote

from generator.reading.load import Document, pointer


class SchemaChecker:
    """Validates values against schemas of one document, by JSON pointer, with format checks.

    The validator libraries are imported on first use (or by `prepare` on a thread) to start fast.
    """

    def __init__(self, document: Document, version: str) -> None:
        """No validator is compiled until a request needs it, so start-up stays fast."""
        self.document = document
        self.version = version
        self._validators: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._registry: Any = None

    def prepare(self) -> None:
        """Import the validator libraries and index the document, ahead of the first request."""
        with self._lock:
            self._prepare()

    def _prepare(self) -> Any:
        """The registry holding the document (the lock is held)."""
        if self._registry is None:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT4, DRAFT202012

            spec = DRAFT202012 if self.version == "3.1" else DRAFT4
            resource = Resource.from_contents(self.document.data, default_specification=spec)
            self._registry = Registry().with_resource("urn:spec", resource)
        return self._registry

    def _validator(self, schema_ptr: str) -> Any:
        """The compiled validator of the schema at `schema_ptr`."""
        with self._lock:
            found = self._validators.get(schema_ptr)
            if found is None:
                registry = self._prepare()
                cls, checker = _validator_class(self.version)
                found = cls({"$ref": "urn:spec#" + quote(schema_ptr, safe="/~")}, registry=registry, format_checker=checker)
                self._validators[schema_ptr] = found
            return found

    def valid(self, schema_ptr: str | None, value: Any) -> bool:
        """Whether `value` satisfies the schema (anything satisfies a missing schema)."""
        return schema_ptr is None or next(self.errors(schema_ptr, value), None) is None

    def errors(self, schema_ptr: str | None, value: Any) -> Iterator[tuple[str, str]]:
        """Each problem as (JSON pointer inside the value, message), the most specific one per branch."""
        if schema_ptr is None:
            return
        from jsonschema.exceptions import best_match

        for error in self._validator(schema_ptr).iter_errors(value):
            if error.context:
                deepest = best_match(error.context)
                if deepest is not None:
                    error = deepest
            yield pointer(*error.absolute_path), _message(error)


@cache
def _validator_class(version: str) -> tuple[Any, Any]:
    """The OpenAPI schema validator of `version` with our `pattern` keyword, and its format checker."""
    from jsonschema.validators import extend
    from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker

    base, checker = (OAS31Validator, oas31_format_checker) if version == "3.1" else (OAS30Validator, oas30_format_checker)
    return extend(base, {"pattern": _pattern}), checker


def _pattern(validator: Any, pattern: Any, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """The `pattern` keyword, with patterns Python's `re` cannot compile (ECMA-262's `\\p{...}`
    classes, which AWS specs use) matched by pydantic's regex engine, the one the models use; a
    pattern neither compiles is not checked, since a spec's error is no reason to refuse a request."""
    from jsonschema.exceptions import ValidationError

    if not (validator.is_type(instance, "string") and isinstance(pattern, str)):
        return
    matches = _matcher(pattern)
    if matches is not None and not matches(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _matcher(pattern: str) -> Callable[[str], bool] | None:
    """Whether a text has a match of `pattern` somewhere, by Python's `re` or else pydantic's engine;
    None if neither compiles it. Made once a pattern: a failed compile is not cached by `re`."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        pass
    else:
        return lambda text: compiled.search(text) is not None
    import pydantic_core
    from pydantic_core import core_schema

    try:
        engine = pydantic_core.SchemaValidator(core_schema.str_schema(pattern=pattern))
    except pydantic_core.SchemaError:
        return None

    def search(text: str) -> bool:
        try:
            engine.validate_python(text)
        except pydantic_core.ValidationError:
            return False
        return True

    return search


def _message(error: Any) -> str:
    """A validation message on one line, shortened."""
    text = " ".join(str(error.message).split())
    return text if len(text) <= 200 else text[:200] + "..."
