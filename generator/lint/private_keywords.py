"""A schema speaks JSON Schema and OpenAPI only: a key of neither is some tool's private keyword.

datamodel-code-generator reads keywords of its own from a schema, and they name Python code:
`customTypePath: pydantic.ImportString` types a field so that parsing an answer imports what it
names, `customBasePath` picks any class as a model's base. The generator never passes them on
(`schemas.PASSED_KEYWORDS` is an allow-list), so a spec carrying one does not mean what it says
to anyone: an error, located at the key, rather than a warning a CI run would let through.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Severity
from generator.lint.registry import Context, rule
from generator.lint.walk import Index, _walk_schema, index, resolve
from generator.modeling.schemas import SCHEMA_KEYWORDS
from generator.reading.load import escape_token

# What datamodel-code-generator 0.89 reads from a schema besides JSON Schema: the aliases of its
# `JsonSchemaObject` and the extras its parser looks up (`parser/_schema_object.py`, `_passes/`).
MODEL_GENERATOR_KEYWORDS = frozenset(
    {"customTypePath", "customBasePath", "default_factory", "is_classvar", "kw_only", "init", "validate_default"}
)
MODEL_GENERATOR_PREFIXES = ("x-python-", "x-datamodel-code-generator-", "x-is-base-class", "x-is-classvar")


@rule("no-private-schema-keywords", Severity.ERROR,
      "Schemas use JSON Schema and OpenAPI keywords only (and `x-` extensions), never a code generator's own.")
def private_schema_keywords(context: Context) -> Iterator[tuple[str, str]]:
    for ptr, schema in _schemas(context):
        for raw in schema:
            key = str(raw)
            where = f"{ptr}/{escape_token(key)}"
            if key in MODEL_GENERATOR_KEYWORDS or key.startswith(MODEL_GENERATOR_PREFIXES):
                yield where, (
                    f"`{key}` is datamodel-code-generator's own keyword, which names Python code to import or "
                    "derive from; the generator ignores it: remove it"
                )
            elif key not in SCHEMA_KEYWORDS and not key.startswith("x-"):
                yield where, (
                    f"`{key}` is no JSON Schema or OpenAPI keyword and the generator ignores it; "
                    f"fix its spelling, or write an extension as `x-{key}`"
                )


def _schemas(context: Context) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of the spec: those the walk finds, and those only a schema's `$ref` reaches
    (`#/x-defs/A`), which the generator normalizes all the same."""
    found = index(context)
    seen = {ptr for ptr, _ in found.schemas}
    yield from found.schemas
    refs = [ref.ref for ref in found.refs if ref.in_schema]
    while refs:
        target = resolve(context, refs.pop())
        if target is None or target[1] in seen:
            continue
        more = Index()
        _walk_schema(target[0], target[1], more)
        for ptr, schema in more.schemas:
            if ptr not in seen:
                seen.add(ptr)
                yield ptr, schema
        refs += [ref.ref for ref in more.refs]
