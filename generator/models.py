"""Render the pydantic v2 models of a package with datamodel-code-generator."""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

from datamodel_code_generator import generate

from generator.codecheck import check_models
from generator.errors import TrunklineError
from generator.escape import docstring, one_line
from generator.model_input import escape_literals, prepare, reclaim_names, restore

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


def render_models(defs: dict[str, Any], title: str) -> str:
    """Source of `models.py`: one class per definition, names exactly as given."""
    if not defs:
        return '"""Models of the API: none are documented."""\n'
    given = prepare(defs)  # placeholders for text, names from `naming`
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unused", "$defs": given.defs}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = generate(json.dumps(document, sort_keys=False), **_OPTIONS, aliases=given.aliases)
    except Exception as exc:  # datamodel-code-generator raises many types; all mean the same here
        raise TrunklineError(f"datamodel-code-generator failed on the schemas: {exc}") from None
    if not isinstance(source, str):
        raise TrunklineError("datamodel-code-generator returned several modules; expected one")
    source = reclaim_names(source, set(defs), given.class_tokens)
    defined = set(re.findall(r"^class (\w+)\(", source, re.MULTILINE))
    missing = sorted(set(defs) - defined)
    if missing:
        raise TrunklineError(f"datamodel-code-generator renamed or dropped models: {', '.join(missing[:5])}")
    header = f'"""Models of the {docstring(one_line(title))} API, generated from its OpenAPI spec; do not edit."""\n\n'
    body = re.sub(r"\A(#[^\n]*\n)+\n?", "", source)
    body = re.sub(r"\nclass Unused\(RootModel\[Any\]\):\n(    [^\n]*\n)+", "\n", body)
    result = header + escape_literals(restore(body, given.texts))
    check_models(result)
    return result
