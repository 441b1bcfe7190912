"""Models split into modules by reference groups, and loaded lazily by the package."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.rendering.model_modules import layout, parts_of


def split_models(source: str, docstring: str, groups: list[tuple[str, ...]] | None = None) -> dict[str, str]:
    """The models package of a source whose classes are all ours: one group per class unless given."""
    names = re.findall(r"^class (\w+)\(", source, re.MULTILINE)
    found = groups if groups is not None else [(name,) for name in names]
    return layout(parts_of(source, found, frozenset(names)), docstring)

ROOT = Path(__file__).resolve().parent.parent

SOURCE = '''\
from __future__ import annotations
from pydantic import BaseModel


class Node(BaseModel):
    children: list[Leaf | Node] | None = None
    owner: Owner | None = None


class Leaf(BaseModel):
    parent: Node | None = None


class Owner(BaseModel):
    name: str


class Tree(BaseModel):
    root: Node


Node.model_rebuild()
'''
GROUPS = [("Node", "Leaf"), ("Owner",), ("Tree",)]  # as model_groups finds them in the schemas


def test_a_group_shares_a_module_and_others_import_what_they_use() -> None:
    files = split_models(SOURCE, "Models of a test.", GROUPS)
    assert sorted(files) == ["models/__init__.py", "models/_node.py", "models/_owner.py", "models/_tree.py"]
    node = files["models/_node.py"]
    assert "class Node(BaseModel)" in node and "class Leaf(BaseModel)" in node
    assert "from ._owner import Owner\n" in node
    assert node.rstrip().endswith("Node.model_rebuild()")
    assert "from ._node import Node\n" in files["models/_tree.py"]
    assert "from ._" not in files["models/_owner.py"]
    index = files["models/__init__.py"]
    assert '"Leaf": "_node"' in index and '"Tree": "_tree"' in index
    assert "    from ._node import Leaf as Leaf\n" in index


def test_split_models_work_when_imported(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    for rel, text in split_models(SOURCE, "Models of a test.", GROUPS).items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text)
    (package / "__init__.py").write_text("")
    script = (
        "import sys\n"
        "from pkg import models\n"
        "assert 'pkg.models._tree' not in sys.modules\n"
        "tree = models.Tree.model_validate({'root': {'children': [{'parent': {}}, {}], 'owner': {'name': 'o'}}})\n"
        "assert type(tree.root.children[0]).__name__ == 'Leaf' and tree.root.owner.name == 'o'\n"
        "assert 'Owner' in dir(models)\n"
        "try:\n    models.Nope\nexcept AttributeError as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "module 'pkg.models' has no attribute 'Nope'"


def test_importing_a_vendor_package_builds_no_model() -> None:
    src = ROOT / "generated" / "hipcall" / "src"
    script = (
        "import sys, trunkline_hipcall\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('trunkline_hipcall.models.'))\n"
        "print(loaded)\n"
        "trunkline_hipcall.models.User\n"
        "print(any(m.startswith('trunkline_hipcall.models.') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env={"PYTHONPATH": str(src)}, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_the_index_is_already_in_black_layout_for_long_and_short_names() -> None:
    from generator.formatting.fmt import format_source

    long_name = "WebhookWorkflowRunInProgressWorkflowRunHeadRepositoryOwnerType"
    source = f"from pydantic import BaseModel\n\n\nclass {long_name}(BaseModel):\n    x: int\n\n\nclass Short(BaseModel):\n    y: int\n"
    index = split_models(source, "Models.")["models/__init__.py"]
    assert f"    from ._{'webhook_workflow_run_in_progress_workflow_run_head_repository_owner_type'} import (\n" in index
    assert "    from ._short import Short as Short\n" in index
    assert format_source("models/__init__.py", index) == index  # black has nothing to change


def test_finished_model_files_are_cached_by_everything_they_are_made_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second run over the same schemas skips datamodel-code-generator and the steps after it;
    other descriptions are a miss."""
    from generator.rendering import models

    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path))
    defs = {"Pet": {"type": "object", "description": "A pet.", "properties": {"name": {"type": "string"}}}}
    first = models.render_models(defs, "Test API")
    assert "A pet." in first["models/_pet.py"]

    def refuse(*args: object) -> dict[str, str]:
        raise AssertionError("the models were made again")

    monkeypatch.setattr(models, "_finish", refuse)
    assert models.render_models(defs, "Test API") == first
    changed = {"Pet": {**defs["Pet"], "description": "Another pet."}}
    with pytest.raises(AssertionError, match="made again"):
        models.render_models(changed, "Test API")


def test_an_unreadable_cache_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.rendering import models

    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path))
    defs = {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}
    first = models.render_models(defs, "Test API")
    for entry in (tmp_path / "model-files").rglob("*"):
        if entry.is_file():
            entry.write_text("{not json", encoding="utf-8")
    assert models.render_models(defs, "Test API") == first


def test_each_module_imports_only_the_library_names_it_uses() -> None:
    source = (
        "from __future__ import annotations\n"
        "from typing import Annotated, Any\n"
        "from pydantic import BaseModel, Field, RootModel\n"
        "from datetime import date as date_aliased\n\n\n"
        "class Plain(BaseModel):\n    name: str\n\n\n"
        "class Dated(BaseModel):\n    day: Annotated[date_aliased, Field(title='Day')]\n"
    )
    files = split_models(source, "Models.")
    assert files["models/_plain.py"].split("\n\n\n")[0].splitlines()[2:] == [
        "from __future__ import annotations",
        "from pydantic import BaseModel",
    ]
    assert files["models/_dated.py"].split("\n\n\n")[0].splitlines()[2:] == [
        "from __future__ import annotations",
        "from typing import Annotated",
        "from pydantic import BaseModel, Field",
        "from datetime import date as date_aliased",
    ]
