"""Broken specs fail lint and generate with one located line and exit 2; recursive schemas work."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.commands import generate as generate_command
from generator.targets import Target
from generator.writing.write import tree

CASES = Path(__file__).resolve().parent / "fuzz" / "broken"
EXPECTED: dict[str, dict[str, str]] = yaml.safe_load((CASES / "expected.yaml").read_text())


def _listing(directory: Path) -> list[str]:
    return sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*"))


def test_every_case_has_an_expectation() -> None:
    cases = sorted(p.name for p in CASES.iterdir() if p.is_file() and p.name != "expected.yaml")
    assert cases == sorted(EXPECTED)
    assert len(cases) >= 25


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_lint_reports_one_located_line(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    expect = EXPECTED[case]
    status = main(["lint", str(CASES / case)])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    if expect.get("lint") == "clean":
        assert status == 0 and not any(" error [" in line for line in lines), lines
        return
    if expect.get("lint") == "findings":
        assert status == 1, lines
        at_file, at_line = expect["at"].rsplit(":", 2)[:2]
        assert any(line.startswith(f"{CASES}/{at_file}:{at_line}:") and f" {expect['pointer']} error [" in line for line in lines), lines
        assert "Traceback" not in captured.out + captured.err
        return
    assert status == 2
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{CASES}/{expect['at']} {expect['pointer']} error [unreadable] "), lines[0]
    assert expect["says"] in lines[0]
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_generate_reports_one_located_line_and_writes_nothing(
    case: str, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expect = EXPECTED[case]
    before, listing = tree(out), _listing(out)

    def targets(specs: Path, vendors: list[str]) -> list[Target]:
        return [Target("broken", CASES / case)]

    monkeypatch.setattr(generate_command, "vendor_targets", targets)
    assert main(["generate", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"trunkline: error: {CASES}/{expect['at']} {expect['pointer']}: "), lines[0]
    assert expect["says"] in lines[0]
    assert captured.out == ""
    assert tree(out) == before and _listing(out) == listing


@pytest.mark.parametrize("case", sorted(c for c in EXPECTED if c.endswith(".yaml")))
def test_generate_from_a_specs_directory(case: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(CASES / case, specs / case)
    shutil.copytree(CASES / "parts", specs / "parts")
    before, listing = tree(out), _listing(out)
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"trunkline: error: {specs}/{EXPECTED[case]['at']} {EXPECTED[case]['pointer']}: "), lines[0]
    assert tree(out) == before and _listing(out) == listing


RECURSIVE = """\
openapi: 3.1.0
info: {title: Recur, version: "1"}
security: []
paths:
  /nodes/{id}:
    get:
      operationId: get_node
      summary: One node and the tree below it
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: a tree of nodes
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Node"}
components:
  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: {type: string}
        children:
          type: array
          items: {$ref: "#/components/schemas/Node"}
        parent: {$ref: "#/components/schemas/Node"}
        link:
          anyOf: [{$ref: "#/components/schemas/Link"}, {type: "null"}]
    Link:
      type: object
      properties:
        target: {$ref: "#/components/schemas/Node"}
        index:
          type: object
          additionalProperties: {$ref: "#/components/schemas/Link"}
"""


def test_recursive_schemas_generate_working_models(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    (specs / "recur.yaml").write_text(RECURSIVE)
    assert main(["lint", str(specs / "recur.yaml")]) == 0  # warnings at most: nothing stops generation
    assert " error [" not in capsys.readouterr().out
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0, capsys.readouterr().err
    sys.path.insert(0, str(out / "recur" / "src"))
    try:
        models: Any = importlib.import_module("trunkline_recur.models")
        payload = {
            "name": "root",
            "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}],
            "parent": {"name": "up"},
            "link": {"target": {"name": "t"}, "index": {"k": {"target": {"name": "deep", "link": None}}}},
        }
        node = models.Node.model_validate(payload)
        assert node.children[0].children[0].name == "a1"
        assert isinstance(node.children[0].children[0], models.Node)
        assert node.link.root.index["k"].target.name == "deep"  # an anyOf becomes a RootModel
        assert node.model_dump(exclude_none=True, by_alias=True) == payload | {
            "link": {"target": {"name": "t"}, "index": {"k": {"target": {"name": "deep"}}}}
        }
        with pytest.raises(Exception, match="name"):
            models.Node.model_validate({"children": [{"name": 1.5}]})
    finally:
        sys.path.remove(str(out / "recur" / "src"))
        for name in [m for m in sys.modules if m == "trunkline_recur" or m.startswith("trunkline_recur.")]:
            del sys.modules[name]
