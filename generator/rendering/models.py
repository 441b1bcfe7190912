"""Render the pydantic v2 models of a package with datamodel-code-generator.

Spec text reaches the generator only as placeholders (see `model_input`) and only in the
keywords `schemas` passes on, checked again here. The models are made per reference group
(`model_groups`): each group's module is cached by the schemas it is made of, the groups that
miss are generated in runs on every core, and the modules are laid out together
(`model_modules`). The whole package is cached too, for specs whose models did not change.
"""

from __future__ import annotations

import ast
import json
import multiprocessing
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from datamodel_code_generator import generate

from generator.cache import ContentCache, digest, generator_digest, tool_version
from generator.errors import TrunklineError
from generator.modeling.schemas import DEFS
from generator.rendering.codecheck import check_model_input, check_models
from generator.rendering.escape import docstring, one_line
from generator.rendering.model_groups import Group, chunks, group_key, groups, run_defs, schema_texts
from generator.rendering.model_input import escape_literals, prepare, reclaim_names, restore
from generator.rendering.model_modules import Part, layout, parts_of
from generator.rendering.model_typing import fix_typing
from generator.rendering.model_worker import call

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

# Below this many models to make, starting worker processes costs more than it saves.
_PARALLEL_MIN_MODELS = 400
# Runs a core gets: more runs share the work more evenly but repeat more closures (Stripe: 1.3x
# the definitions in two runs, 1.8x in four).
_RUNS_PER_CORE = 1
_CLASS_DOCSTRING = re.compile(r'^(class [^\n]*:\n    """\n(?:.*\n)*?    """\n)(?=    \S)', re.MULTILINE)
# A class docstring whose description is empty (Stripe has hundreds): its text line holds only the
# indentation. (A field's string after it is no docstring to black, which leaves it as it is.)
_EMPTY_DOCSTRING = re.compile(r'^(class [^\n]*:\n)    """\n    \n    """\n', re.MULTILINE)
_CODEGEN_KEY = f"datamodel-code-generator {tool_version('datamodel-code-generator')} {json.dumps(_OPTIONS, sort_keys=True)}"


def render_models(defs: dict[str, Any], api_name: str, parallel: bool = True) -> dict[str, str]:
    """The `models` package: one class per definition, names exactly as given, loaded lazily.

    Each reference group's module is cached on its own; the groups not in the cache are
    generated in runs, on every core when `parallel` and there are enough of them.
    """
    doc = f"Models of the {docstring(one_line(api_name))}, generated from its OpenAPI spec; do not edit."
    if not defs:
        return {"models/__init__.py": f'"""{doc}\n\nThe spec documents no models.\n"""\n'}
    check_model_input(defs)  # only keywords we understand, only references to these definitions
    found = groups(defs)
    texts = schema_texts(defs)
    code = generator_digest()
    keys = [group_key(group, texts, _CODEGEN_KEY, code) for group in found]
    finished = ContentCache("model-files")  # the whole package, for a spec whose models did not change
    finished_key = digest(doc, *keys)
    if (hit := _cached_files(finished.get(finished_key))) is not None:
        return hit
    cache = ContentCache("model-groups")
    key_of = dict(zip(found, keys))
    parts: dict[Group, Part] = {}
    for group in found:
        part = _cached_part(cache.get(key_of[group]))
        if part is not None and sorted(part.names) == sorted(group.names):
            parts[group] = part
    for group, part in _generate([group for group in found if group not in parts], defs, parallel):
        parts[group] = part
        cache.put(key_of[group], json.dumps(asdict(part)))
    position = {name: i for i, name in enumerate(defs)}
    ordered = sorted(found, key=lambda group: position[parts[group].names[0]])
    files = layout([parts[group] for group in ordered], doc)
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


def _cached_part(text: str | None) -> Part | None:
    """The part a cache entry holds, or None if there is none or it is not readable."""
    try:
        data = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {"names", "refers", "imports", "body"}:
        return None
    names, refers, imports, body = data["names"], data["refers"], data["imports"], data["body"]
    if not (isinstance(imports, str) and isinstance(body, str) and names and _strings(names) and _strings(refers)):
        return None
    return Part(names, refers, imports, body)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _generate(todo: list[Group], defs: dict[str, Any], parallel: bool) -> Iterator[tuple[Group, Part]]:
    """Each group of `todo` with its part: in runs on every core when there is enough to share."""
    if not todo:
        return
    cores = os.cpu_count() or 1
    size = sum(len(group.names) for group in todo)
    if not parallel or cores < 2 or size < _PARALLEL_MIN_MODELS:
        runs = [todo]
        # in the worker started with the run (`model_worker`), if there is one
        results: Iterable[list[Part]] = [call(_run, run_defs(todo, defs), [g.names for g in todo])]
    else:
        runs = chunks(todo, _RUNS_PER_CORE * cores)
        # forkserver: workers start small instead of copying this process
        with ProcessPoolExecutor(max_workers=cores, mp_context=multiprocessing.get_context("forkserver")) as pool:
            futures = [pool.submit(_run, run_defs(run, defs), [g.names for g in run]) for run in runs]
            results = [future.result() for future in futures]
    for run, found in zip(runs, results):
        yield from zip(run, found)


def _run(defs: dict[str, Any], names: list[tuple[str, ...]]) -> list[Part]:
    """The parts of the groups `names`, from one datamodel-code-generator run over `defs`
    (those groups and every definition they reach). A class it makes up may take the name of a
    definition that is not in the run (a constrained string `CheckoutSession` where the model
    `CheckoutSession` is not needed): only the run's own definitions are ours."""
    given = prepare(defs)  # placeholders for text, names from `naming`
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Unused", "$defs": given.defs}
    source, classes = _model_source(json.dumps(document, sort_keys=False), given.aliases)
    body = _finish(source, defs, classes, given.texts)
    return parts_of(body, names, frozenset(defs), tree=check_models(body))


def _finish(source: str, defs: dict[str, Any], classes: dict[str, str], texts: dict[str, str]) -> str:
    """datamodel-code-generator's source with our names, typing and text (`classes`: the name it
    gave each definition; `texts`: what each placeholder stands for)."""
    tree = ast.parse(source)  # thousands of models: parsed once for the two steps that read it as is
    reclaimed = reclaim_names(source, set(defs), classes, tree)
    defined = set(re.findall(r"^class (\w+)\(", reclaimed, re.MULTILINE))
    missing = sorted(set(defs) - defined)
    if missing:
        raise TrunklineError(f"datamodel-code-generator renamed or dropped models: {', '.join(missing[:5])}")
    body = fix_typing(reclaimed, tree if reclaimed is source else None)  # a renamed source is parsed again
    body = restore(escape_literals(body), texts)  # text is placeholders until restored
    body = _CLASS_DOCSTRING.sub("\\1\n", body)  # black's blank line between a class docstring and the body
    return _EMPTY_DOCSTRING.sub('\\1    """ """\n', body)  # an empty description: black writes the docstring so


def _model_source(text: str, aliases: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The models source, and the class name it gave each definition (its model metadata)."""
    with tempfile.TemporaryDirectory(prefix="trunkline-models-") as scratch:
        metadata = Path(scratch) / "models.json"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                source = generate(text, **_OPTIONS, aliases=aliases, emit_model_metadata=metadata)
        except Exception as exc:  # noqa: BLE001  (datamodel-code-generator raises many types; all mean the same here)
            raise TrunklineError(f"datamodel-code-generator failed on the schemas: {exc}") from None
        if not isinstance(source, str):
            raise TrunklineError("datamodel-code-generator returned several modules; expected one")
        return source, _definition_classes(metadata.read_text(encoding="utf-8"))


def _definition_classes(metadata: str) -> dict[str, str]:
    """Definition name -> the class the generator made of it, from its model metadata.

    Several classes may name one definition as their `source_ref` (an allOf class made of
    `Integration` and more says `#/$defs/Integration`); when one of them has the definition's
    name it is ours, else the first."""
    made: dict[str, list[str]] = {}
    for model in json.loads(metadata).get("models", []):
        ref, name = model.get("source_ref"), model.get("class_name")
        if isinstance(ref, str) and ref.startswith(DEFS) and "/" not in ref[len(DEFS) :] and isinstance(name, str):
            made.setdefault(ref[len(DEFS) :], []).append(name)
    return {definition: definition if definition in names else names[0] for definition, names in made.items()}
