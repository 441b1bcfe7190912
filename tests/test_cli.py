"""The trunkline command: lint findings and exit codes, generate, check, help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.writing.write import tree
from tests.scratch import copy_vendor

ROOT = Path(__file__).resolve().parent.parent
MONICA = ROOT / "specs" / "monica.yaml"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A scratch project with the Monica spec and its generated package."""
    copy_vendor(tmp_path, "monica")
    return tmp_path


def run(*argv: str) -> int:
    return main(list(argv))


def test_vendor_specs_lint_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lint", str(ROOT / "specs")) == 0
    assert capsys.readouterr().out == ""


def test_bad_yaml_is_located_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n")
    assert run("lint", str(spec)) == 2
    out = capsys.readouterr().out
    assert re.search(rf"{re.escape(str(spec))}:\d+:\d+ ", out), out
    assert "invalid YAML" in out


def test_wrong_example_type_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MONICA.read_text().replace("value:\n                  content: He called, we had fun.\n                  contact_id: 3", "value:\n                  content: He called, we had fun.\n                  contact_id: three", 1)
    spec = tmp_path / "monica.yaml"
    spec.write_text(text)
    line = text.splitlines().index("                  contact_id: three") + 1
    assert run("lint", str(spec)) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out
    assert out[0].startswith(f"{spec}:{line}:31 /paths/~1calls/post/requestBody/content/application~1json/examples/create_call/value/contact_id error [oas3-valid-media-example]")


def test_missing_required_key_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = yaml.safe_load(MONICA.read_text())
    del doc["info"]["title"]
    spec = tmp_path / "monica.yaml"
    spec.write_text(yaml.safe_dump(doc, sort_keys=False))
    assert run("lint", str(spec)) == 1
    out = capsys.readouterr().out
    assert re.search(r"monica\.yaml:\d+:\d+ /info error \[oas3-schema\] 'title' is a required property", out), out


def test_lint_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert run("lint", "--format", "json", str(MONICA)) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_missing_spec_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lint", str(tmp_path / "nope.yaml")) == 2
    assert "no such file" in capsys.readouterr().out


def test_check_fails_after_spec_edit_and_passes_after_generate(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs, out = str(project / "specs"), str(project / "generated")
    assert run("check", "--specs", specs, "--out", out) == 0
    spec = project / "specs" / "monica.yaml"
    text = spec.read_text()
    account = "    Account:\n      type: object\n      description: The account a record belongs to.\n      properties:\n        id:\n          type: integer\n"
    assert account in text
    spec.write_text(text.replace(account, account.replace("type: integer", "type: number")))
    capsys.readouterr()
    assert run("check", "--specs", specs, "--out", out) == 1
    report = capsys.readouterr().out
    assert report.splitlines()[1:] == [f"  {out}/monica/.trunkline-manifest.json", f"  {out}/monica/src/trunkline_monica/models/_account.py"]
    assert run("generate", "--specs", specs, "--out", out) == 0
    assert run("check", "--specs", specs, "--out", out) == 0


def test_generate_is_deterministic(project: Path) -> None:
    specs, out = str(project / "specs"), str(project / "generated")
    assert run("generate", "--specs", specs, "--out", out) == 0
    first = tree(project / "generated")
    assert run("generate", "--specs", specs, "--out", out) == 0
    assert tree(project / "generated") == first
    assert {k.split("/", 1)[1]: v for k, v in first.items()} == tree(ROOT / "generated" / "monica")


def test_failed_generate_leaves_output_untouched(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(project / "generated")
    (project / "specs" / "broken.yaml").write_text("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: integer}, examples: {e: {value: nope}}}}}}\n")
    assert run("generate", "--specs", str(project / "specs"), "--out", str(project / "generated")) == 2
    err = capsys.readouterr().err
    assert "broken.yaml" in err and "[oas3-valid-media-example]" in err
    assert tree(project / "generated") == before
    assert sorted(p.name for p in (project / "generated").iterdir()) == ["monica"]


def test_unknown_vendor_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("generate", "nope", "--specs", str(project / "specs"), "--out", str(project / "generated")) == 2
    assert "no spec for nope" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["lint"], ["generate"], ["check"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(*command, "--help")
    assert exit_info.value.code == 0
    assert "usage: trunkline" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("frobnicate")
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
