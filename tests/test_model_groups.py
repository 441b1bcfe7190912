"""Models made per reference group: cached by the schemas each group is made of, the same
whatever else is generated in the same run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.rendering import model_groups, models
from generator.rendering.model_groups import Group, chunks, groups

REF = "#/$defs/"

# `Issue` merges two parts that type `role` differently: datamodel-code-generator makes a class
# of its own for the merged enum, which it would number by what else is in its run.
DEFS: dict[str, Any] = {
    "Issue": {"description": "An issue.", "allOf": [{"$ref": REF + "IssuePart1"}, {"$ref": REF + "IssuePart2"}]},
    "IssuePart1": {
        "description": "The issue itself.",
        "type": "object",
        "properties": {"role": {"$ref": REF + "IssuePart1Role"}},
        "required": ["role"],
    },
    "IssuePart2": {"type": "object", "properties": {"role": {"type": "string"}}},
    "IssuePart1Role": {"description": "How the author is related.", "type": "string", "enum": ["OWNER", "MEMBER"]},
    "Node": {"type": "object", "properties": {"next": {"$ref": REF + "Link"}, "owner": {"$ref": REF + "Owner"}}},
    "Link": {"type": "object", "properties": {"node": {"$ref": REF + "Node"}}},
    "Owner": {"type": "object", "description": "Who owns it.", "properties": {"name": {"type": "string"}}},
}


def test_groups_are_cycles_after_what_they_refer_to_with_their_closure() -> None:
    found = groups(DEFS)
    names = [group.names for group in found]
    assert sorted(names) == sorted(
        [("Issue",), ("IssuePart1",), ("IssuePart2",), ("IssuePart1Role",), ("Node", "Link"), ("Owner",)]
    )
    assert names.index(("IssuePart1Role",)) < names.index(("IssuePart1",)) < names.index(("Issue",))
    assert names.index(("Owner",)) < names.index(("Node", "Link"))
    by_name = {group.names: group for group in found}
    assert by_name[("Issue",)].closure == ("IssuePart1", "IssuePart2", "IssuePart1Role")
    assert by_name[("Node", "Link")].closure == ("Owner",)
    assert by_name[("Owner",)].closure == ()


def test_runs_cut_dependency_order_into_even_contiguous_pieces() -> None:
    todo = [Group((name,), ()) for name in "abcdefgh"]
    assert [[g.names[0] for g in run] for run in chunks(todo, 3)] == [["a", "b", "c"], ["d", "e", "f"], ["g", "h"]]
    assert chunks(todo, 1) == [todo]


def _render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, defs: dict[str, Any]) -> tuple[dict[str, str], list[list[str]]]:
    """The files for `defs` with the cache in `tmp_path`, and the groups each run was asked for."""
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path))
    asked: list[list[str]] = []
    real = models._run

    def recording(run_defs: dict[str, Any], names: list[tuple[str, ...]]) -> Any:
        asked.append([name for group in names for name in group])
        return real(run_defs, names)

    monkeypatch.setattr(models, "_run", recording)
    return models.render_models(defs, "Test API", parallel=False), asked


def test_a_changed_schema_regenerates_only_the_groups_that_reach_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, asked = _render(tmp_path, monkeypatch, DEFS)
    assert sorted(name for run in asked for name in run) == sorted(DEFS)
    changed = {**DEFS, "Owner": {**DEFS["Owner"], "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}}}
    files, asked = _render(tmp_path, monkeypatch, changed)
    assert asked == [["Owner", "Node", "Link"]]  # Owner, and the group whose closure holds it
    assert "    age: int | None = None\n" in files["models/_owner.py"]
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    assert files == models.render_models(changed, "Test API", parallel=False)  # as a run without any cache
    assert {path: text for path, text in files.items() if path != "models/_owner.py"} == {
        path: text for path, text in first.items() if path != "models/_owner.py"
    }


def test_a_made_up_class_is_private_to_the_group_and_named_the_same_in_any_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    together = models.render_models(DEFS, "Test API", parallel=False)
    issue = together["models/_issue.py"]
    assert "\nclass _Role(StrEnum):\n" in issue and "    role: _Role\n" in issue
    assert "_Role" not in together["models/__init__.py"]
    # the same group made in a run with other definitions that make up a class of that name
    crowded = {
        "Another": {"allOf": [{"$ref": REF + "IssuePart1"}, {"$ref": REF + "IssuePart2"}], "description": "Also."},
        **DEFS,
    }
    assert models.render_models(crowded, "Test API", parallel=False)["models/_issue.py"] == issue



def test_the_models_import_and_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    for path, text in models.render_models(DEFS, "Test API", parallel=False).items():
        (tmp_path / "pkg" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / path).write_text(text, encoding="utf-8")
    (tmp_path / "pkg" / "__init__.py").write_text("")
    script = (
        "from pkg import models\n"
        "issue = models.Issue.model_validate({'role': 'OWNER'})\n"
        "print(type(issue.role).__name__, issue.role.value)\n"
        "node = models.Node.model_validate({'next': {'node': {'owner': {'name': 'n'}}}})\n"
        "print(node.next.node.owner.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["_Role OWNER", "n"]


def test_runs_in_parallel_give_the_files_of_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    one = models.render_models(DEFS, "Test API", parallel=False)
    monkeypatch.setattr(models, "_PARALLEL_MIN_MODELS", 1)
    assert models.render_models(DEFS, "Test API", parallel=True) == one


def test_closures_of_a_run_are_handed_over_in_spec_order() -> None:
    found = {group.names: group for group in groups(DEFS)}
    assert list(model_groups.run_defs([found[("Issue",)]], DEFS)) == ["Issue", "IssuePart1", "IssuePart2", "IssuePart1Role"]


def test_a_made_up_class_named_like_a_model_outside_the_run_stays_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A constrained string of a property `checkout_session` is a class the model generator names
    `CheckoutSession`; where the model `CheckoutSession` is not in the run, that name is free to it.
    It must not be taken for the model (found on Stripe: an import cycle and the wrong class)."""
    def discount(description: str) -> dict[str, Any]:
        session = {"anyOf": [{"description": "The session.", "maxLength": 50, "type": "string"}, {"type": "null"}]}
        return {"type": "object", "description": description, "properties": {"checkout_session": session}}

    session = {"type": "object", "description": "A session.", "properties": {"id": {"type": "string"}}}
    first, asked = _render(tmp_path, monkeypatch, {"CheckoutSession": session, "Discount": discount("A discount.")})
    assert asked == [["CheckoutSession", "Discount"]]  # one run: the model and the made-up class meet
    files, asked = _render(tmp_path, monkeypatch, {"CheckoutSession": session, "Discount": discount("Changed.")})
    assert asked == [["Discount"]]  # a run without the model `CheckoutSession`
    for made in (first, files):
        module = made["models/_discount.py"]
        assert "from ._checkout_session" not in module
        assert "class _CheckoutSession(RootModel[str]):" in module and "    checkout_session: _CheckoutSession | None = None\n" in module
        assert "class CheckoutSession(BaseModel):" in made["models/_checkout_session.py"]
    assert files["models/_discount.py"] == first["models/_discount.py"].replace("A discount.", "Changed.")


def test_a_made_up_type_alias_names_itself_by_its_private_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """mypy requires `X = TypeAliasType("X", ...)` (found on Stripe's metadata maps)."""
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    note = {"type": "object", "properties": {"metadata": {"type": "object", "additionalProperties": {"maxLength": 500, "type": "string"}}}}
    module = models.render_models({"Note": note}, "Test API", parallel=False)["models/_note.py"]
    assert '_MetadataAdditionalProperty = TypeAliasType("_MetadataAdditionalProperty", ' in module
    assert "    metadata: dict[str, _MetadataAdditionalProperty] | None = None\n" in module
