"""The README's argument values: JSON examples written as the Python types the signatures ask for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.modeling import ir
from generator.modeling.synth import sample
from generator.reading.load import load
from generator.rendering.readme import Imports, Typed, arguments, wheel_name
from tests.replay import package_ir

ROOT = Path(__file__).resolve().parent.parent
STR, INT, FLOAT, DATE = ir.Primitive("str"), ir.Primitive("int"), ir.Primitive("float"), ir.Primitive("str", "date")


@pytest.fixture(scope="module")
def typed() -> Typed:
    return Typed(package_ir("voipnow"), Imports())


@pytest.mark.parametrize(
    ("tp", "value", "code"),
    [
        (DATE, "2018-02-02", "datetime.date(2018, 2, 2)"),
        (ir.Primitive("str", "date-time"), "2017-10-07T21:17:45Z", 'datetime.datetime.fromisoformat("2017-10-07T21:17:45Z")'),
        (ir.union([INT, ir.NONE]), None, "None"),
        (ir.union([FLOAT, STR]), "3", '"3"'),  # the value's own JSON type wins
        (ir.union([FLOAT, STR]), 3, "3"),
        (INT, "3", "3"),  # a path value documented as text, for an integer
        (STR, 12, '"12"'),
        (ir.union([INT, ir.Primitive("bool"), ir.NONE]), True, "True"),
        (ir.LiteralOf(("In", "Out")), "Out", '"Out"'),
        (ir.LiteralOf(("a, b", "c")), "a, b", '"a, b"'),  # a comma inside a value is no separator
        (ir.LiteralOf((1, True)), True, "True"),  # True is not 1
        (ir.ListOf(INT), [1, 2], "[1, 2]"),
        (ir.MapOf(ir.ANY), {"a": [1]}, '{"a": [1]}'),
        (STR, "a`b", '"a\\x60b"'),  # no backtick can close the fence
        (ir.Primitive("bytes"), "raw", 'b"raw"'),
        (ir.FileType("FileInput"), "raw", 'b"raw"'),
    ],
)
def test_values_take_the_annotated_type(typed: Typed, tp: ir.Type, value: Any, code: str) -> None:
    assert typed.value(tp, value) == code


def test_a_union_of_models_picks_the_member_whose_constants_match(typed: Typed) -> None:
    union = next(op.body.type for op in package_ir("voipnow").operations if op.operation_id == "phone_calls_update" and op.body)
    value = {"action": "TransferToVoicemail", "sendCallTo": "0003*024", "transferFromNumber": "0003*024"}
    assert typed.value(union, value) == f"models.TransferToVoicemailAction.model_validate({value!r})".replace("'", '"')
    assert typed.value(union, {"action": "Park", "phoneCallViewId": "x"}) == 'models.ParkAction.model_validate({"action": "Park", "phoneCallViewId": "x"})'


def test_imports_follow_what_the_values_need() -> None:
    imports = Imports()
    written = Typed(package_ir("voipnow"), imports)
    assert written.placeholder(ir.union([ir.NONE, DATE])) == "datetime.date(2000, 1, 1)"
    assert written.value(ir.ListOf(ir.ModelRef("CallbackPhoneCallView")), [{"source": ["1"], "destination": ["2"]}]) is not None
    assert imports.lines("trunkline_voipnow") == ["import datetime", "", "from trunkline_voipnow import models"]
    imports.stdlib.add("import httpx")
    imports.names.update({"Client", "RetryPolicy"})
    assert imports.lines("p") == ["import datetime", "", "import httpx", "", "from p import Client, RetryPolicy, models"]


def test_arguments_of_documented_and_undocumented_calls() -> None:
    monica = {op.operation_id: op for op in package_ir("monica").operations}
    imports = Imports()
    assert arguments(monica["calls_create"], Typed(package_ir("monica"), imports)) == (
        'content="He called, we had fun.", contact_id=3, called_at=datetime.date(2018, 2, 2)'
    )
    snapcall = {op.operation_id: op for op in package_ir("snapcall").operations}
    # nothing documented: required values from the schema, typed (dates are text: their wire form is unknown)
    assert arguments(snapcall["partner_get_stats"], Typed(package_ir("snapcall"), Imports())) == (
        'start="string", end="string"'
    )
    assert arguments(snapcall["invites_create"], Typed(package_ir("snapcall"), Imports())) == 'company_id=123, email="string"'


def test_placeholders_take_the_first_member_that_is_not_none(typed: Typed) -> None:
    assert typed.placeholder(ir.union([ir.LiteralOf(("a|b", "c")), ir.NONE])) == '"a|b"'
    assert typed.placeholder(ir.union([ir.NONE, ir.ListOf(INT)])) == "[]"
    assert typed.entry(ir.union([ir.MapOf(INT), ir.NONE])) == '{"key": 0}'
    assert typed.entry(ir.ListOf(ir.FileType("FileInput"))) == '[b"content"]'


def test_wheel_name() -> None:
    import dataclasses

    package = package_ir("monica")
    assert wheel_name(dataclasses.replace(package, version="1.2.0rc1")) == "trunkline_monica-1.2.0rc1-py3-none-any.whl"
    assert wheel_name(dataclasses.replace(package, version="1.0; rm -rf")) == "trunkline_monica-*-py3-none-any.whl"


def test_a_bounded_sample_gives_up_on_huge_schemas() -> None:
    document = load(ROOT / "specs" / "monica.yaml")
    huge = {"type": "array", "minItems": 10**9, "items": {"type": "string"}}
    assert sample(document, huge, budget=2000) is None
    assert sample(document, {"type": "string", "minLength": 10**9}, budget=2000) is None
    assert sample(document, {"type": "array", "minItems": 2, "items": {"type": "integer", "minimum": 4}}, budget=2000) == [4, 4]
