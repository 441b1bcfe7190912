"""Render the pydantic v2 models of a package with datamodel-code-generator.

Spec text reaches the generator only as placeholders (see `model_input`) and only in the
keywords `schemas` passes on, checked again here; its result is cached by content, checked to
hold nothing but models, and split into lazily imported modules, which are cached too (by that
result and the generator's code).
"""

from __future__ import annotations

import ast
import json
import re
import warnings
from importlib.metadata import version
from typing import Any

from datamodel_code_generator import generate

from generator.cache import ContentCache, digest, generator_digest
from generator.errors import TrunklineError
from generator.rendering.codecheck import check_model_input, check_models
from generator.rendering.escape import docstring, one_line
from generator.rendering.model_input import ModelInput, escape_literals, prepare, reclaim_names, restore
from generator.rendering.model_modules import split_models
from generator.rendering.model_typing import fix_typing

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
    # Every `$ref` it is given is local (`codecheck.check_model_input`); should one not be, it
    # is refused, not fetched from a file or the network.
    "allow_remote_refs": False,
    "allow_private_network": False,
}

_CLASS_DOCSTRING = re.compile(r'^(class [^\n]*:\n    """\n(?:.*\n)*?    """\n)(?=    \S)', re.MULTILINE)
_CODEGEN_KEY = f"datamodel-code-generator {version('datamodel-code-generator')} {json.dumps(_OPTIONS, sort_keys=True)}"


def render_models(defs: dict[str, Any], api_name: str) -> dict[str, str]:
    """The `models` package: one class per definition, names exactly as given, loaded lazily."""
    doc = f"Models of the {docstring(one_line(api_name))}, generated from its OpenAPI spec; do not edit."
    if not defs:
        return {"models/__init__.py": f'"""{doc}\n\nThe spec documents no models.\n"""\n'}
    check_model_input(defs)  # only keywords we understand, only references to these definitions
    given = prepare(defs)  # placeholders for text, names from `naming`
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unused", "$defs": given.defs}
    text = json.dumps(document, sort_keys=False)
    key = digest(_CODEGEN_KEY, text, json.dumps(given.aliases, sort_keys=True))
    finished = ContentCache("model-files")  # what the steps below make of it, as long as they stay the same
    finished_key = digest(key, generator_digest(), json.dumps(given.texts, sort_keys=True), doc)
    if (hit := _cached_files(finished.get(finished_key))) is not None:
        return hit
    cache = ContentCache("models")
    source = cache.get(key)
    if source is None:
        source = _generate(text, given.aliases)
        cache.put(key, source)
    files = _finish(source, defs, given, doc)
    finished.put(finished_key, json.dumps(files))
    return files


def _cached_files(text: str | None) -> dict[str, str] | None:
    """The files a cache entry holds, or None if there is none or it is not readable."""
    try:
        files = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return files
    return None


def _finish(source: str, defs: dict[str, Any], given: ModelInput, doc: str) -> dict[str, str]:
    """The model modules made of datamodel-code-generator's source: our names, typing, text."""
    tree = ast.parse(source)  # thousands of models: parsed once for the two steps that read it as is
    reclaimed = reclaim_names(source, set(defs), given.class_tokens, tree)
    defined = set(re.findall(r"^class (\w+)\(", reclaimed, re.MULTILINE))
    missing = sorted(set(defs) - defined)
    if missing:
        raise TrunklineError(f"datamodel-code-generator renamed or dropped models: {', '.join(missing[:5])}")
    body = fix_typing(reclaimed, tree if reclaimed is source else None)  # a renamed source is parsed again
    body = re.sub(r"\A(#[^\n]*\n)+\n?", "", body)
    body = re.sub(r"\nclass Unused\(RootModel\[Any\]\):\n(    [^\n]*\n)+", "\n", body)
    body = restore(escape_literals(body), given.texts)  # text is placeholders until restored
    body = _CLASS_DOCSTRING.sub("\\1\n", body)  # black's blank line between a class docstring and the body
    return split_models(body, doc, check_models(body))


def _generate(text: str, aliases: dict[str, str]) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = generate(text, **_OPTIONS, aliases=aliases)
    except Exception as exc:  # noqa: BLE001  (datamodel-code-generator raises many types; all mean the same here)
        raise TrunklineError(f"datamodel-code-generator failed on the schemas: {exc}") from None
    if not isinstance(source, str):
        raise TrunklineError("datamodel-code-generator returned several modules; expected one")
    return source
