"""The models' docstrings are our escaping of the spec text, and the text never steers what the model generator makes."""

from __future__ import annotations

import ast
import json
from typing import Any

from generator.rendering import models
from generator.rendering.escape import docstring
from generator.rendering.model_groups import groups, run_defs

HOSTILE = 'Ends in a quote "\nhas \\ a backslash, """ three quotes, a NUL \x00 and a \u2028 separator'


def _module(defs: dict[str, Any]) -> str:
    files = models.render_models(defs, "Doc API", parallel=False)
    return "".join(text for path, text in sorted(files.items()) if path != "models/__init__.py")


def test_class_and_field_docstrings_are_our_escaping_of_the_text() -> None:
    defs = {"Thing": {"type": "object", "description": HOSTILE, "properties": {"x": {"type": "string", "description": HOSTILE}}}}
    source = _module(defs)
    body = docstring(HOSTILE, 4)
    assert source.count(f'    """\n    {body}\n    """\n') == 2  # the class's and the field's, byte for byte
    tree = ast.parse(source)
    thing = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Thing")
    text = ast.get_docstring(thing, clean=False)
    assert text is not None and [line.strip() for line in text.strip().split("\n")] == [
        line.strip() for line in HOSTILE.split("\n")
    ]
    assert "TrunklineDoc" not in source  # the placeholders the generator is given are never printed


def test_an_empty_description_is_still_a_docstring() -> None:
    source = _module({"Blank": {"type": "object", "description": " ", "properties": {"x": {"type": "integer"}}}})
    assert 'class Blank(BaseModel):\n    """ """\n' in source  # as black writes an empty docstring


def test_a_root_model_has_its_description_on_the_root_field_only() -> None:
    source = _module({"Code": {"type": "string", "maxLength": 3, "description": "A short code."}})
    assert "class Code(RootModel[str]):\n    root: Annotated[str, Field(max_length=3)]\n" in source
    assert source.count("A short code.") == 1


def test_equal_descriptions_in_allof_members_stay_distinct_for_the_generator() -> None:
    """The generator flattens an allOf whose members declare one property differently; to it,
    descriptions are distinct placeholders, so two equal texts still count as different: the
    class is flattened, not given both members as bases."""
    prop = {"type": "string", "description": "Identifies the resource."}
    defs = {
        "Record": {"type": "object", "properties": {"id": prop}},
        "Part": {"type": "object", "properties": {"id": prop, "name": {"type": "string"}}},
        "Both": {"allOf": [{"$ref": "#/$defs/Record"}, {"$ref": "#/$defs/Part"}]},
    }
    source = _module(defs)
    assert "class Both(BaseModel):" in source


def test_a_schema_object_shared_by_two_places_keeps_its_text_in_both() -> None:
    """A YAML alias makes one object of two schemas; each place still prints the text, not a key."""
    shared = {"type": "string", "description": "Shared words."}
    source = _module({"One": {"type": "object", "properties": {"a": shared, "b": shared}}})
    assert source.count('    """\n    Shared words.\n    """\n') == 2
    assert "TrunklineDoc" not in source


def test_a_class_docstring_is_followed_by_a_blank_line_only_when_a_body_follows() -> None:
    """Black's layout: a blank line between a class docstring and its body."""
    source = _module({"Colour": {"type": "string", "enum": ["red"], "description": "A colour."}})
    assert 'class Colour(StrEnum):\n    """\n    A colour.\n    """\n\n    RED = "red"\n' in source
    source = _module({"Thing": {"type": "object", "description": "A thing.", "properties": {"x": {"type": "integer"}}}})
    assert 'class Thing(BaseModel):\n    """\n    A thing.\n    """\n\n    model_config = ConfigDict(\n' in source


def _nullable(text: str) -> dict[str, Any]:
    return {"anyOf": [{"type": "string", "maxLength": 5, "description": text}, {"type": "null"}]}


def test_a_groups_module_does_not_depend_on_what_else_is_in_its_run() -> None:
    """Two groups whose made-up classes share a name and a description: were the generator to
    see the text, it would merge them (it merges same-named classes that render alike), and
    `Home`'s module would list `_Country` before `_City` when `Shop` is in the run and after
    it otherwise. Per-group caching and parallel runs rely on it not changing."""
    defs = {
        "Shop": {"type": "object", "properties": {"country": _nullable("Country code.")}},
        "Home": {"type": "object", "properties": {"city": _nullable("City."), "country": _nullable("Country code.")}},
    }
    found = groups(defs)
    together = models._run(run_defs(found, defs), [g.names for g in found])
    alone = [models._run(run_defs([g], defs), [g.names])[0] for g in found]
    assert together == alone
    home = alone[1].body
    assert home.index("class _City(") < home.index("class _Country(") < home.index("class Home(")


def test_the_class_of_a_definition_is_read_from_the_generators_metadata() -> None:
    """Several classes may name one definition as their source; the one with its name is ours."""
    metadata = json.dumps({"models": [
        {"class_name": "Integration", "source_ref": "#/$defs/Integration"},
        {"class_name": "Response1", "source_ref": "#/$defs/Response"},
        {"class_name": "Response2", "source_ref": "#/$defs/Integration"},  # an allOf class made of it
        {"class_name": "Response", "source_ref": "#/$defs/Response"},
        {"class_name": "TimeoutModel", "source_ref": "#/$defs/Timeout"},  # renamed: a made-up class took its name
        {"class_name": "Timeout", "source_ref": "#/$defs/Holder/properties/timeout/anyOf/0"},
    ]})
    assert models._definition_classes(metadata) == {"Integration": "Integration", "Response": "Response", "Timeout": "TimeoutModel"}
