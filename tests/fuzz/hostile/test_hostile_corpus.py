"""Every hostile spec in this directory gives its expected outcome through `trunkline generate`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.modeling.build import build
from generator.reading.load import load
from tests.fuzz.roundtrip import Generated, check_models, check_no_live_code, check_operations, imported

HERE = Path(__file__).resolve().parent
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


def test_every_spec_has_an_expected_outcome() -> None:
    listed = {entry.get("spec", case) for case, entry in EXPECTED.items()}
    assert listed == {p.name for p in HERE.glob("*.yaml")} - {"expected.yaml"}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_spec(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = EXPECTED[case]
    source = HERE / entry.get("spec", case)
    vendor = entry.get("name", source.stem)
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    spec = specs / f"{vendor}.yaml"
    shutil.copy(source, spec)
    if "name" in entry:  # a vendor spec's file name is its package name
        code = main(["generate", "--specs", str(specs), "--out", str(out), vendor])
    else:  # a spec from outside, as users generate one
        code = main(["generate", "--spec", str(spec), "--out", str(out), "--name", vendor])
    err = capsys.readouterr().err
    assert code == entry["exit"], err
    if code != 0:
        errors = [line for line in err.splitlines() if "error" in line]
        assert any(re.search(entry["error"], line) for line in errors), err
        assert "Traceback" not in err
        assert not out.exists() or not any(out.iterdir())
        return
    root = out / vendor
    files = {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}
    generated = Generated(build(load(spec), vendor), root / "src", files)
    check_no_live_code(generated)
    with imported(generated) as module:
        check_models(generated, module)
        check_operations(generated, module)
