"""The format stage's "needs black" decision: what black would rewrite goes to black, what it
would give back as it is does not, and black sees only the statements that need it."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.formatting import fmt
from generator.formatting.settled import black_reason, class_body, statements

MODEL_HEAD = '''"""Models of the API, generated from its OpenAPI spec; do not edit."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field


'''

# Each of these black rewrites; each was found in the generator's output or could come from a spec.
MUST_GO_TO_BLACK = {
    "a long field": MODEL_HEAD + (
        "class CreateRequest(BaseModel):\n"
        '    phone_call_view: Annotated[list[ConferenceInvitePhoneCallView] | None, Field(alias="phoneCallView")] = None\n'
    ),
    "spaces and a trailing comma inside braces": 'def f(api_key: str) -> None:\n    g(credentials={ "api_key": api_key,  })\n',
    "an empty dict split over two lines": "_SCHEMES: dict[str, int] = {\n}\n",
    "an empty docstring": MODEL_HEAD + 'class Address(BaseModel):\n    """\n    \n    """\n\n    city: str\n',
    "a one-item tuple split over lines": 'X = dict(\n    body_encoding=(\n        FieldSpec("expand", "deepObject"),\n    ),\n)\n',
    "a float written with e+": "class A:\n    maximum: float = 1e+16\n",
    "single quotes with a quote of each kind": "X = 'it\\'s \"'\n",
    "an upper-case escape": 'X = "caf\\xE9"\n',
    "a docstring ending in a space": 'def f() -> None:\n    """Text """\n',
    "a docstring whose lines are indented deeper": 'class A:\n    """Head.\n\n        deeper\n        deeper\n    """\n',
    "a class docstring right before a field": 'class A:\n    """Doc."""\n    x: int\n',
    "one blank line between top-level defs": "def f() -> None:\n    pass\n\ndef g() -> None:\n    pass\n",
    "no blank line after imports": "import os\nX = os.sep\n",
    "redundant parentheses": "def f() -> int:\n    return (1)\n",
    "a tab": "X = 1\t# one\n",
    "a comment without a space": "X = 1  #one\n",
    "a missing space after a comma": "X = [1,2]\n",
    "a split call that fits on one line": "X = f(\n    a, b\n)\n",
    "a long string inside a statement over several lines": 'X = f(a="""\n' + "word " * 25 + '""")\n',
    "a blank line inside brackets": "def f(\n    a: int,\n\n    b: int,\n) -> None:\n    pass\n",
    "a comment right after code": "X = 1# one\n",
    "a one-line docstring in plain quotes ending in a space": 'class A:\n    "Doc. "\n',
    "two blank lines after imports": "import os\n\n\nX = os.sep\n",
    "a compound statement on one line": "def f() -> None: pass\n",
    "items one a line without a trailing comma": 'X = f(\n    "' + "x" * 95 + '",\n    b\n)\n',
    "a split subscript of one item": "X: tuple[\n    int,\n]\n",
    # layout slips a template could make
    "an assignment without spaces": "class A:\n    model_config =ConfigDict(extra=\"allow\")\n",
    "an annotation without a space": "class A:\n    name:str\n",
    "a union without spaces": "class A:\n    x: int| None = None\n",
    "an item indented one space too far": 'X = f(\n     a=1,\n    b=2,\n)\n',
    "two items on a line of a split bracket": 'X = {\n    "a": a, "b": b,\n    "c": c,\n}\n',
    "a missing comma joining two items": 'X = (\n    ("a", "a"),\n    ("b", "b")\n    ("c", "c"),\n)\n',
    "a bracket left open mid-line": 'X = f(\n    a=((1,),\n        (2,)),\n)\n',
    "a block indented five spaces": "class E(Exception):\n     pass\n",
}

# Black gives each of these back as it is: lines it cannot shorten, one-item tuples, split brackets
# with magic trailing commas, long lines inside strings.
SETTLED = {
    "a model module": MODEL_HEAD + (
        "class Pet(BaseModel):\n"
        '    """A pet."""\n\n'
        "    id: int\n"
        '    name: Annotated[str, Field(max_length=64)] = "rex"\n'
        '    """\n    The name; ' + "word " * 30 + 'end.\n    """\n'
        "    weight: float = 1e-05\n"
    ),
    "an import of long names": "from ._m import (\n    " + "A" * 60 + " as " + "A" * 60 + ",\n)\n",
    "a long string argument": "X = OperationSpec(\n    path=\"/" + "x" * 120 + "\",\n    method=\"GET\",\n)\n",
    "a long dict item": 'MODULES = {\n    "' + "A" * 60 + '": "_' + "a" * 60 + '",\n}\n',
    "a one-item tuple on one line": 'SECURITY = (("bearerAuth",),)\n',
    "a split call with a magic trailing comma": "X = f(\n    a,\n)\n",
    "a long first docstring line": 'def f() -> None:\n    """' + "word " * 24 + 'end.\n\n    More.\n    """\n',
}


@pytest.mark.parametrize("case", list(MUST_GO_TO_BLACK))
def test_what_black_rewrites_goes_to_black(case: str) -> None:
    text = MUST_GO_TO_BLACK[case]
    assert black.format_str(text, mode=fmt.MODE) != text  # the case is one black rewrites
    assert black_reason(text) is not None
    assert not fmt.settled("m.py", text)


@pytest.mark.parametrize("case", list(SETTLED))
def test_what_black_keeps_is_taken_as_it_is(case: str) -> None:
    text = SETTLED[case]
    assert black.format_str(text, mode=fmt.MODE) == text
    assert black_reason(text) is None
    assert fmt.settled("m.py", text)


def test_a_reason_names_the_line() -> None:
    assert black_reason(MUST_GO_TO_BLACK["a long field"]) == "line 11 is longer than 100 columns"
    assert black_reason(MUST_GO_TO_BLACK["a float written with e+"]) == "a number black writes otherwise on line 2"


def test_invalid_python_is_never_taken_as_it_is() -> None:
    """Black reports a generator bug on it (tests/test_fmt.py); nothing here looks wrong to the checks."""
    assert black_reason("def f() -> None:\npass\n") is None
    assert not fmt.settled("bad.py", "def f() -> None:\npass\n")
    with pytest.raises(fmt.TrunklineError, match=r"generated bad\.py is not valid Python"):
        fmt.format_files({"bad.py": "def f() -> None:\npass\n"}, parallel=False)


@pytest.fixture()
def sent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The texts the format stage hands to black, recorded."""
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path / "cache"))
    texts: list[str] = []
    real = fmt.format_source

    def recording(path: str, text: str) -> str:
        texts.append(text)
        return real(path, text)

    monkeypatch.setattr(fmt, "format_source", recording)
    return texts


def test_settled_files_do_not_reach_black(sent: list[str]) -> None:
    files = {"a.py": SETTLED["a model module"], "b.py": "X = [1,2]\n", "notes.md": "x = [1,2]\n"}
    assert fmt.format_files(files, parallel=False) == {**files, "b.py": "X = [1, 2]\n"}
    assert sent == ["X = [1,2]\n"]


def test_one_long_field_is_formatted_alone(sent: list[str]) -> None:
    """A 300-line module with one long field: black gets that field (after a scaffold class), not the module."""
    fields = "".join(f"    field_{i}: int | None = None\n" for i in range(300))
    long = "    grant_types: list[OAuthDynamicRegistrationRequestGrantTypesItem] | None = [GrantTypesItem.AUTHORIZATION_CODE]\n"
    text = MODEL_HEAD + 'class Big(BaseModel):\n    """Big."""\n\n' + fields + long + "\n\nclass Small(BaseModel):\n    x: int\n"
    formatted = fmt.format_statements("m.py", text)
    assert formatted == black.format_str(text, mode=fmt.MODE) != text
    assert sent == [fmt.SCAFFOLD + long]  # a list display: not a shape `split` lays out


def test_long_model_lines_of_the_modelled_shapes_need_no_black(sent: list[str]) -> None:
    """A long annotated field, union field, enum member and class head are split here, as black splits them."""
    members = " | ".join(f"Action{i}Request" for i in range(12))
    text = MODEL_HEAD + (
        f"class PhoneCallAction(RootModel[{members}]):\n    root: {members}\n\n\n"
        'class Call(BaseModel):\n'
        '    phone_call_view: Annotated[list[ConferenceInvitePhoneCallView] | None, Field(alias="phoneCallView")] = None\n'
        '    grant_type: Annotated[WatchOAuth2AuthGrantType | None, Field(alias="grantType")] = WatchOAuth2AuthGrantType.REFRESH\n'
        "    generated_sepa_debit_mandate: SetupAttemptPaymentMethodDetailsBancontactGeneratedSepaDebit | None = None\n\n\n"
        "class Category(Enum):\n"
        '    MEDICAL_DENTAL_OPHTHALMIC_AND_HOSPITAL_EQUIPMENT_AND_SUPPLIES = "medical_dental_ophthalmic_and_hospital_equipment"\n'
    )
    formatted = fmt.format_statements("m.py", text)
    assert formatted == black.format_str(text, mode=fmt.MODE) != text
    assert sent == []


def test_a_long_top_level_statement_is_formatted_alone(sent: list[str]) -> None:
    ops = "".join(f'_OP_{i} = OperationSpec(\n    id="op{i}",\n)\n' for i in range(50))
    long = "_LAST = OperationSpec(id=\"last\", path=\"/a/long/path/to/somewhere\", method=\"GET\", query=(\"limit\", \"page\"))\n"
    text = '"""Operations."""\n\nfrom x import OperationSpec\n\n' + ops + long
    assert fmt.format_statements("m.py", text) == black.format_str(text, mode=fmt.MODE) != text
    assert sent == [long]


def test_a_file_whose_blank_lines_black_changes_goes_whole() -> None:
    text = "import os\nX = [1,2]\n"
    assert statements(text) is None
    assert statements("import os\n\nX = [1,2]\n") == [(0, "import os\n"), (1, "X = [1,2]\n")]


def test_a_later_statement_starting_with_a_string_is_not_cut_off() -> None:
    """Alone it would be a module docstring, which black formats otherwise."""
    assert statements('X = 1\n"""About X."""\n') is None


def test_a_class_body_is_cut_after_its_docstring() -> None:
    cut = class_body('class A(Base):\n    """Doc.\n\n    More.\n    """\n\n    x: int\n    """X."""\n\n    @property\n    def y(self) -> int:\n        return 1\n')
    assert cut == (
        'class A(Base):\n    """Doc.\n\n    More.\n    """\n',
        [(1, "    x: int\n"), (0, '    """X."""\n'), (1, "    @property\n    def y(self) -> int:\n        return 1\n")],
    )
