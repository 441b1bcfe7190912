"""Render the pydantic v2 models of a package with datamodel-code-generator."""

from __future__ import annotations

import json
import re
import warnings
from importlib.metadata import version
from typing import Any

from datamodel_code_generator import generate

from generator.cache import ContentCache, digest
from generator.errors import TrunklineError
from generator.model_modules import split_models

_OPTIONS: dict[str, Any] = {
    "input_file_type": "jsonschema",
    "output_model_type": "pydantic_v2.BaseModel",
    "target_python_version": "3.11",
    "formatters": [],
    "disable_timestamp": True,
    "use_standard_collections": True,
    "use_union_operator": True,
    "use_schema_description": True,
    "use_field_description": True,
    "field_constraints": True,
    "use_annotated": True,
    "snake_case_field": True,
    "capitalise_enum_members": True,
    "use_double_quotes": True,
    "allow_population_by_field_name": True,
    "extra_fields": "allow",
    "use_title_as_name": False,
    "enum_field_as_literal": None,
    "set_default_enum_member": True,
}

_CODEGEN_KEY = f"datamodel-code-generator {version('datamodel-code-generator')} {json.dumps(_OPTIONS, sort_keys=True)}"


def render_models(defs: dict[str, Any], title: str) -> dict[str, str]:
    """The `models` package: one class per definition, names exactly as given, loaded lazily."""
    docstring = f"Models of the {_docstring_text(title)} API, generated from its OpenAPI spec; do not edit."
    if not defs:
        return {"models/__init__.py": f'"""{docstring}\n\nThe spec documents no models.\n"""\n'}
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unused", "$defs": defs}
    text = json.dumps(document, sort_keys=False)
    cache = ContentCache("models")
    key = digest(_CODEGEN_KEY, text)
    source = cache.get(key)
    if source is None:
        source = _generate(text)
        cache.put(key, source)
    defined = set(re.findall(r"^class (\w+)\(", source, re.MULTILINE))
    missing = sorted(set(defs) - defined)
    if missing:
        raise TrunklineError(f"datamodel-code-generator renamed or dropped models: {', '.join(missing[:5])}")
    body = re.sub(r"\nclass Unused\(RootModel\[Any\]\):\n(    [^\n]*\n)+", "\n", source)
    return split_models(body, docstring)


def _generate(text: str) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = generate(text, **_OPTIONS)
    except Exception as exc:  # datamodel-code-generator raises many types; all mean the same here
        raise TrunklineError(f"datamodel-code-generator failed on the schemas: {exc}") from None
    if not isinstance(source, str):
        raise TrunklineError("datamodel-code-generator returned several modules; expected one")
    return source


def _docstring_text(text: str) -> str:
    """`text` on one line, safe inside a triple-quoted docstring."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"')
