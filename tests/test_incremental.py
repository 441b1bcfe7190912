"""Incremental generation: the manifest, skipping, --force, hand edits caught by check, --spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.writing.manifest import MANIFEST
from tests.scratch import copy_vendor

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A scratch project with two vendor specs and their committed packages."""
    for vendor in ("monica", "voipnow"):
        copy_vendor(tmp_path, vendor)
    return tmp_path


def run(project: Path, *argv: str) -> int:
    return main([*argv, "--specs", str(project / "specs"), "--out", str(project / "generated")])


def stamps(directory: Path) -> dict[str, int]:
    return {p.relative_to(directory).as_posix(): p.stat().st_mtime_ns for p in directory.rglob("*") if p.is_file()}


def test_unchanged_packages_are_skipped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = stamps(project / "generated")
    assert run(project, "generate") == 0
    assert "nothing to generate" in capsys.readouterr().out
    assert stamps(project / "generated") == before


def test_only_the_changed_spec_is_regenerated(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = project / "specs" / "monica.yaml"
    spec.write_text(spec.read_text().replace("description: What the call was about.", "description: What the call was about, in words."))
    voipnow = stamps(project / "generated" / "voipnow")
    assert run(project, "check") == 1
    assert f"generated/monica/{MANIFEST}" in capsys.readouterr().out
    assert run(project, "generate") == 0
    out = capsys.readouterr().out
    assert "generated/monica" in out and "generated/voipnow" not in out and "(1 up to date)" in out
    assert stamps(project / "generated" / "voipnow") == voipnow
    assert "What the call was about, in words." in (project / "generated/monica/src/trunkline_monica/models/_call.py").read_text()
    assert run(project, "check") == 0


def test_force_regenerates_everything(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "generate", "--force") == 0
    out = capsys.readouterr().out
    assert "generated/monica" in out and "generated/voipnow" in out


def test_hand_edit_is_caught_by_check_and_undone_by_generate(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = project / "generated/voipnow/src/trunkline_voipnow/_client.py"
    original = edited.read_bytes()
    edited.write_text(edited.read_text() + "\n# patched by hand\n")
    (project / "generated/monica/src/trunkline_monica/extra.py").write_text("x = 1\n")
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert "generated/voipnow/src/trunkline_voipnow/_client.py (edited by hand)" in out
    assert "generated/monica/src/trunkline_monica/extra.py (not written by generate)" in out
    assert run(project, "generate") == 0
    assert edited.read_bytes() == original
    assert not (project / "generated/monica/src/trunkline_monica/extra.py").exists()
    assert run(project, "check") == 0


def test_missing_manifest_means_regenerate(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "generated" / "monica" / MANIFEST).unlink()
    assert run(project, "check") == 1
    assert f"generated/monica/{MANIFEST}" in capsys.readouterr().out
    assert run(project, "generate") == 0
    assert (project / "generated" / "monica" / MANIFEST).is_file()


SMALL = """\
openapi: 3.0.3
info: {title: Tiny, version: '1', x-source: none}
servers: [{url: 'https://tiny.example/v1'}]
paths:
  /v1/things/{id}:
    get:
      operationId: GetThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the thing
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string, nullable: true}
"""


def test_any_spec_with_spec_and_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "tiny.openapi.yaml"
    spec.write_text(SMALL)
    out = tmp_path / "clients"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "Tiny API"]) == 0
    package = out / "tiny_api"
    assert (package / "src" / "trunkline_tiny_api" / "resources" / "things.py").is_file()
    assert 'name = "trunkline-tiny-api"' in (package / "pyproject.toml").read_text()
    capsys.readouterr()
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "Tiny API"]) == 0
    assert "nothing to generate" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["generate", "--name", "x"], "--name needs --spec"),
        (["generate", "monica", "--spec", "specs/monica.yaml"], "either VENDOR names or --spec"),
        (["generate", "--spec", "no/such.yaml"], "no spec file at no/such.yaml"),
        (["generate", "--spec", "specs/monica.yaml", "--name", "9lives"], "cannot make a package name"),
    ],
)
def test_spec_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(argv) == 2
    assert message in capsys.readouterr().err
