"""The fixes that make datamodel-code-generator's models pass mypy --strict without changing them.

Each case is a shape seen in a public spec (Telnyx, GitHub); the corpus tests run mypy on the
whole packages, these pin each rule and check that pydantic still behaves as before.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

from generator.rendering.model_typing import fix_typing

_numbers = itertools.count()

HEADER = """from __future__ import annotations
from typing import Annotated, Any
from pydantic import BaseModel, Field, RootModel
from enum import Enum
"""


def _run(source: str) -> dict[str, Any]:
    """The classes a models source defines, imported as a module of its own."""
    module = types.ModuleType(f"models_{next(_numbers)}")
    sys.modules[module.__name__] = module
    exec(compile(source, module.__name__, "exec"), module.__dict__)  # noqa: S102 - the test's own source
    return module.__dict__


def test_a_root_model_default_is_built_as_the_model() -> None:
    source = HEADER + (
        "class AddressBook(RootModel[bool]):\n    root: bool = True\n\n\n"
        "class Address(BaseModel):\n"
        "    address_book: Annotated[AddressBook | None, Field(validate_default=True)] = True\n"
        "    name: str | None = 'x'\n"
    )
    fixed = fix_typing(source)
    assert "    address_book: Annotated[AddressBook | None, Field(validate_default=True)] = AddressBook(True)\n" in fixed
    assert "    name: str | None = 'x'\n" in fixed  # not a root model: as it was
    before, after = _run(source), _run(fixed)
    assert isinstance(after["Address"]().address_book, after["AddressBook"])
    assert before["Address"]().address_book.root is after["Address"]().address_book.root is True


def test_a_null_default_makes_the_type_admit_null() -> None:
    source = HEADER + (
        "class Timeout(RootModel[int]):\n    root: Annotated[int, Field(ge=0, le=30)] = None\n\n\n"
        "class Call(BaseModel):\n    limit: int = None\n    other: Any = None\n    kept: str | None = None\n"
    )
    fixed = fix_typing(source)
    assert "class Timeout(RootModel[int | None]):\n    root: Annotated[int | None, Field(ge=0, le=30)] = None\n" in fixed
    assert "    limit: int | None = None\n    other: Any = None\n    kept: str | None = None\n" in fixed
    assert _run(fixed)["Timeout"]().root is None


def test_a_scalar_default_of_a_list_becomes_null() -> None:
    source = HEADER + "class Order(BaseModel):\n    types: list[str] | None = ''\n    names: list[str] = 'a'\n"
    fixed = fix_typing(source)
    assert "    types: list[str] | None = None\n    names: list[str] | None = None\n" in fixed
    assert _run(fixed)["Order"]().types is None


def test_a_default_of_another_scalar_type_becomes_null() -> None:
    # exoapi.dev: `margin: {type: string, default: 0}`
    source = HEADER + (
        "class Page(BaseModel):\n    margin: str | None = 0\n    size: int = 'a'\n    scale: float = 1\n"
        "    flag: int = True\n    label: str | int = 2\n    on: bool | None = 1\n"
    )
    fixed = fix_typing(source)
    assert fixed == HEADER + (
        "class Page(BaseModel):\n    margin: str | None = None\n    size: int | None = None\n    scale: float = 1\n"
        "    flag: int = True\n    label: str | int = 2\n    on: bool | None = None\n"
    )
    assert _run(fixed)["Page"]().margin is None


def test_bases_that_disagree_get_the_narrowest_declaration_again() -> None:
    source = HEADER + (
        "class Integration(BaseModel):\n    client_id: str | None = None\n    slug: str | None = None\n\n\n"
        "class Part(BaseModel):\n    client_id: str\n    slug: str | None = None\n\n\n"
        "class Response(Integration, Part):\n    pass\n"
    )
    fixed = fix_typing(source)
    assert fixed.endswith("class Response(Integration, Part):\n    pass\n    client_id: str\n")
    model = _run(fixed)["Response"]
    assert model.model_fields["client_id"].is_required()


def test_bases_with_no_narrowest_declaration_keep_the_first_marked() -> None:
    source = HEADER + (
        "class A(BaseModel):\n    x: int | None = None\n\n\n"
        "class B(BaseModel):\n    x: str | None = None\n\n\n"
        "class C(A, B):\n    pass\n"
    )
    assert fix_typing(source).endswith("class C(A, B):\n    pass\n    x: int | None = None  # type: ignore[assignment]\n")


def test_an_override_its_base_does_not_allow_is_marked_and_one_it_allows_is_not() -> None:
    source = HEADER + (
        "class BranchStatus(Enum):\n    COMPLETED = 'completed'\n\n\n"
        "class Status(Enum):\n    QUEUED = 'queued'\n\n\n"
        "class Branch(BaseModel):\n    status: BranchStatus | None = None\n    name: str | None = None\n    n: float | None = None\n\n\n"
        "class Body(Branch):\n    status: Status | None = None\n    name: str\n    n: int | None = None\n"
    )
    fixed = fix_typing(source)
    assert "    status: Status | None = None  # type: ignore[assignment]\n    name: str\n    n: int | None = None\n" in fixed
    assert _run(fixed)["Body"](name="a", status="queued").status is not None


def test_fixed_models_pass_mypy_strict(tmp_path: Path) -> None:
    source = HEADER + (
        "class AddressBook(RootModel[bool]):\n    root: bool = True\n\n\n"
        "class Timeout(RootModel[int]):\n    root: Annotated[int, Field(ge=0)] = None\n\n\n"
        "class Integration(BaseModel):\n    client_id: str | None = None\n\n\n"
        "class Part(BaseModel):\n    client_id: str\n\n\n"
        "class Response(Integration, Part):\n"
        "    book: Annotated[AddressBook | None, Field(validate_default=True)] = True\n"
        "    types: list[str] | None = ''\n"
    )
    module = tmp_path / "models.py"
    module.write_text(fix_typing(source))
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(module)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    module.write_text(source)
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(module)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Found 4 errors" in result.stdout, result.stdout  # what the fixes are for
