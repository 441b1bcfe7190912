"""`trunkline release`: version bumps (0.x and from 1.0), the changelog, the release record, the
regenerated package; and the user's loop from a spec edit through diff, release and build."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.release import changelog
from generator.release.diff import Level
from generator.release.release import release_date
from generator.release.semver import bump
from generator.writing.write import tree

ROOT = Path(__file__).resolve().parent.parent
MONICA = ROOT / "specs" / "monica.yaml"
CALL_OBJECT = """        id:
          type: integer
        object:
          type: string
          description: The kind of record, `call`.
        called_at:"""
SORT_PARAM = '''        - $ref: "#/components/parameters/Sort"
      x-pagination: &paging'''


@pytest.mark.parametrize(("version", "level", "expected"), [
    ("0.1.0", Level.BREAKING, "0.2.0"),
    ("0.3.4", Level.BREAKING, "0.4.0"),
    ("0.3.4", Level.NON_BREAKING, "0.3.5"),
    ("0.3.4", Level.DOCS, "0.3.5"),
    ("1.0.0", Level.BREAKING, "2.0.0"),
    ("1.4.2", Level.BREAKING, "2.0.0"),
    ("1.4.2", Level.NON_BREAKING, "1.5.0"),
    ("1.4.2", Level.DOCS, "1.4.3"),
    ("10.9.9", Level.NON_BREAKING, "10.10.0"),
])
def test_bump(version: str, level: Level, expected: str) -> None:
    assert bump(version, level) == expected


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "1.0.0rc1", "01.2.3"])
def test_bump_refuses_what_is_not_major_minor_patch(version: str) -> None:
    with pytest.raises(Exception, match="is not MAJOR.MINOR.PATCH"):
        bump(version, Level.DOCS)


def test_changelog_puts_the_newest_entry_first() -> None:
    first = changelog.prepend(None, "trunkline-x", "## 0.1.0 - 2026-01-01\n\nFirst release.\n")
    second = changelog.prepend(first, "trunkline-x", "## 0.2.0 - 2026-02-01\n\nMore.\n")
    assert second.startswith("# Changelog of trunkline-x\n")
    assert second.index("## 0.2.0") < second.index("## 0.1.0")
    assert second.count("# Changelog of") == 1
    assert second.endswith("First release.\n")


def test_release_date_from_source_date_epoch() -> None:
    assert release_date({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime.date(2023, 11, 14)
    with pytest.raises(Exception, match="SOURCE_DATE_EPOCH"):
        release_date({"SOURCE_DATE_EPOCH": "soon"})


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project with the Monica spec; the working directory is its root."""
    (tmp_path / "specs").mkdir()
    shutil.copy(MONICA, tmp_path / "specs" / "monica.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")  # 2025-11-23
    return tmp_path


def edit(spec: Path, old: str, new: str) -> None:
    text = spec.read_text()
    assert text.count(old) == 1
    spec.write_text(text.replace(old, new))


def record(project: Path) -> dict[str, str]:
    return dict(json.loads((project / "releases" / "monica" / "release.json").read_text()))


def test_first_release_records_the_initial_version(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "monica"]) == 0
    assert capsys.readouterr().out.startswith("monica: first release, 0.1.0")
    assert record(project) == {"version": "0.1.0", "date": "2025-11-23"}
    assert (project / "releases" / "monica" / "spec.yaml").read_bytes() == MONICA.read_bytes()
    log = (project / "generated" / "monica" / "CHANGELOG.md").read_text()
    assert "## 0.1.0 - 2025-11-23\n\nFirst release: the client of Monica (API version 4), 6 operation(s).\n" in log
    assert 'version = "0.1.0"' in (project / "generated" / "monica" / "pyproject.toml").read_text()
    # generate reads the record back: the package is what `check` expects
    assert main(["check"]) == 0
    # nothing changed since: refused
    assert main(["release", "monica"]) == 1
    assert "unchanged since 0.1.0" in capsys.readouterr().err


def test_dry_run_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "monica"]) == 0
    before = tree(project)
    edit(project / "specs" / "monica.yaml", "summary: List the calls of the account", "summary: List every call of the account")
    capsys.readouterr()
    assert main(["release", "monica", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("monica: 0.1.0 -> 0.1.1 (patch bump: 1 change(s), the most severe documentation) [dry run")
    assert "### Documentation\n\n- GET /calls: summary changed\n" in out
    after = tree(project)
    assert {k: v for k, v in after.items() if k != "specs/monica.yaml"} == {k: v for k, v in before.items() if k != "specs/monica.yaml"}


def test_releases_from_1_0_bump_minor_for_additions_and_patch_for_docs(project: Path) -> None:
    assert main(["release", "monica", "--date", "2026-01-01"]) == 0
    (project / "releases" / "monica" / "release.json").write_text('{"version": "1.4.2"}\n')
    spec = project / "specs" / "monica.yaml"
    edit(spec, SORT_PARAM, SORT_PARAM.replace("      x-pagination", "        - {name: q, in: query, schema: {type: string}}\n      x-pagination"))
    assert main(["release", "monica", "--date", "2026-02-01"]) == 0
    assert record(project)["version"] == "1.5.0"
    edit(spec, "summary: List the calls of the account", "summary: List every call")
    assert main(["release", "monica", "--date", "2026-03-01"]) == 0
    assert record(project)["version"] == "1.5.1"
    edit(spec, CALL_OBJECT, CALL_OBJECT.replace("""        object:
          type: string
          description: The kind of record, `call`.
""", ""))
    assert main(["release", "monica", "--date", "2026-04-01"]) == 0
    assert record(project)["version"] == "2.0.0"
    log = (project / "releases" / "monica" / "CHANGELOG.md").read_text()
    headings = [line for line in log.splitlines() if line.startswith("## ")]
    assert headings == ["## 2.0.0 - 2026-04-01", "## 1.5.1 - 2026-03-01", "## 1.5.0 - 2026-02-01", "## 0.1.0 - 2026-01-01"]
    assert (project / "generated" / "monica" / "CHANGELOG.md").read_text() == log


def test_a_spec_with_lint_errors_releases_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "monica"]) == 0
    before = tree(project / "releases")
    edit(project / "specs" / "monica.yaml", "operationId: calls_get\n", "operationId: calls_create\n")
    assert main(["release", "monica"]) == 2
    assert "nothing was released" in capsys.readouterr().err
    assert tree(project / "releases") == before


def test_unknown_vendor(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "nobody"]) == 2
    assert "no spec for nobody" in capsys.readouterr().err


def test_edit_diff_release_build(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The user's loop: a response field removed and an optional query parameter added."""
    assert main(["release", "monica"]) == 0
    spec = project / "specs" / "monica.yaml"
    edit(spec, CALL_OBJECT, CALL_OBJECT.replace("""        object:
          type: string
          description: The kind of record, `call`.
""", ""))
    edit(spec, SORT_PARAM, SORT_PARAM.replace("      x-pagination", """        - name: query
          in: query
          description: Only calls whose content holds this text.
          schema:
            type: string
      x-pagination"""))
    capsys.readouterr()
    assert main(["diff", "releases/monica/spec.yaml", "specs/monica.yaml", "--fail-on", "breaking"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[:-1]] == ["breaking", "non-breaking"]
    assert "field Call.object removed" in out[0] and "new optional query parameter query" in out[1]

    assert main(["release", "monica"]) == 0
    assert capsys.readouterr().out.startswith("monica: 0.1.0 -> 0.2.0 (minor bump: 2 change(s), the most severe breaking)")
    log = (project / "generated" / "monica" / "CHANGELOG.md").read_text()
    entry = log[log.index("## 0.2.0"):log.index("## 0.1.0")]
    assert entry == ("## 0.2.0 - 2025-11-23\n\n### Breaking changes\n\n- GET /calls: response 200: field Call.object removed (response)\n\n"
                     "### Non-breaking changes\n\n- GET /calls: new optional query parameter query\n\n")
    module = project / "generated" / "monica" / "src" / "trunkline_monica"
    assert "        query: str | NotGiven = NOT_GIVEN,\n" in (module / "resources" / "calls.py").read_text()
    models = (module / "models" / "_call.py").read_text()
    call = models[models.index("class Call(BaseModel):"):]
    assert "    id: int | None = None\n" in call and "object:" not in call

    assert main(["build", "monica"]) == 0
    wheel = project / "dist" / "trunkline_monica-0.2.0-py3-none-any.whl"
    sdist = project / "dist" / "trunkline_monica-0.2.0.tar.gz"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read("trunkline_monica-0.2.0.dist-info/METADATA").decode()
        assert {"trunkline_monica/models/__init__.py", "trunkline_monica/models/_call.py"} <= set(archive.namelist())
    assert "\nVersion: 0.2.0\n" in metadata and "Requires-Dist: httpx" in metadata
    with tarfile.open(sdist) as archive:
        assert {"trunkline_monica-0.2.0/pyproject.toml", "trunkline_monica-0.2.0/CHANGELOG.md"} <= set(archive.getnames())
    # the build leaves the generated tree as generate wrote it
    assert not list((project / "generated" / "monica").rglob("*.egg-info"))


def test_set_version_chooses_1_0_0_but_never_less_than_the_changes_need(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", "monica"]) == 0
    spec = project / "specs" / "monica.yaml"
    edit(spec, "summary: List the calls of the account", "summary: List every call")
    assert main(["release", "monica", "--set-version", "1.0.0"]) == 0
    assert record(project)["version"] == "1.0.0"
    edit(spec, CALL_OBJECT, CALL_OBJECT.replace("""        object:
          type: string
          description: The kind of record, `call`.
""", ""))
    capsys.readouterr()
    assert main(["release", "monica", "--set-version", "1.1.0"]) == 2
    assert "--set-version 1.1.0 is below 2.0.0" in capsys.readouterr().err
    assert record(project)["version"] == "1.0.0"


def test_build_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "generated" / "monica", generated / "monica")
    assert main(["build", "nobody", "--generated", str(generated), "--dist", str(tmp_path / "dist")]) == 2
    assert "no generated package for nobody" in capsys.readouterr().err
    pyproject = generated / "monica" / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(re.sub(r'requires = \["setuptools>=\d+"\]', 'requires = ["trunkline-no-such-backend>=1"]', text))
    assert main(["build", "--no-isolation", "--generated", str(generated), "--dist", str(tmp_path / "dist")]) == 2
    assert "--no-isolation needs trunkline-no-such-backend>=1 installed" in capsys.readouterr().err
    pyproject.write_text(text.replace('version = "0.1.0"', 'version = "one"'))
    assert main(["build", "--generated", str(generated), "--dist", str(tmp_path / "dist")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("trunkline: error: building trunkline-monica one failed") and err.count("\n") == 1, err
    assert not list((tmp_path / "dist").glob("*"))
