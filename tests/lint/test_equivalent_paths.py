"""`no-identical-paths`: paths that are the same once template names are ignored, reported at the later key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.errors import Severity
from generator.lint.equivalent_paths import template_shape
from tests.lint.conftest import lint_text

ROOT = Path(__file__).resolve().parents[2]
HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
OK = "      responses: {'200': {description: ok}}\n"


def _param(name: str) -> str:
    return f"    parameters: [{{name: {name}, in: path, required: true, schema: {{type: string}}}}]\n"


# SnapCall's old shape: DELETE on `{id}`, GET on `{teamId}`; the second key is on line 9.
EQUIVALENT = (
    HEAD + "paths:\n"
    "  /companies/{companyId}/teams/{id}:\n"
    + _param("companyId").replace("]\n", ", {name: id, in: path, required: true, schema: {type: string}}]\n")
    + "    delete:\n" + OK
    + "  /companies/{companyId}/teams/{teamId}:\n"
    + "    x-lint-ignore: {path-params: the vendor names it id on DELETE}\n"
    + _param("companyId").replace("]\n", ", {name: teamId, in: path, required: true, schema: {type: string}}]\n")
    + "    get:\n" + OK
)
NOT_EQUIVALENT = HEAD + "paths:\n  /a/{x}:\n" + _param("x") + "    get:\n" + OK + "  /a/b:\n    get:\n" + OK


def _mine(findings: list) -> list:
    return [f for f in findings if f.rule == "no-identical-paths"]


def test_equivalent_paths_are_an_error_at_the_second_key(tmp_path: Path) -> None:
    found = _mine(lint_text(tmp_path, EQUIVALENT))
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.ERROR
    assert finding.location.file.endswith("spec.yaml")
    assert finding.location.pointer == "/paths/~1companies~1{companyId}~1teams~1{teamId}"
    assert (finding.location.line, finding.location.col) == (8, 3)
    assert "'/companies/{companyId}/teams/{id}' and '/companies/{companyId}/teams/{teamId}' are equivalent" in finding.message
    assert "keep one path" in finding.message


def test_silencing_path_params_does_not_hide_it(tmp_path: Path) -> None:
    """The old SnapCall spec silenced `path-params` on the second path, which hid the equivalence."""
    findings = lint_text(tmp_path, EQUIVALENT)
    assert not [f for f in findings if f.rule == "path-params"]
    assert len(_mine(findings)) == 1


def test_a_literal_segment_is_not_a_template(tmp_path: Path) -> None:
    assert _mine(lint_text(tmp_path, NOT_EQUIVALENT)) == []
    assert template_shape("/a/{x}") == "/a/{}" != template_shape("/a/b")


def test_each_later_equivalent_path_names_the_first(tmp_path: Path) -> None:
    text = HEAD + "paths:\n" + "".join(
        f"  /u/{{{name}}}/v:\n{_param(name)}    get:\n{OK}" for name in ("a", "b", "c")
    )
    found = _mine(lint_text(tmp_path, text))
    assert [f.location.pointer for f in found] == ["/paths/~1u~1{b}~1v", "/paths/~1u~1{c}~1v"]
    assert [f.location.line for f in found] == [8, 12]
    assert all("'/u/{a}/v' and" in f.message for f in found)


def test_template_inside_a_segment_counts(tmp_path: Path) -> None:
    text = HEAD + "paths:\n" + "".join(
        f"  /files/{{{name}}}.json:\n{_param(name)}    get:\n{OK}" for name in ("name", "id")
    )
    assert [f.location.pointer for f in _mine(lint_text(tmp_path, text))] == ["/paths/~1files~1{id}.json"]


def test_cli_exit_status_and_json_output(tmp_path: Path) -> None:
    spec = tmp_path / "teams.yaml"
    spec.write_text(EQUIVALENT, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "lint", str(spec), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1, run.stderr
    rows = [row for row in json.loads(run.stdout) if row["rule"] == "no-identical-paths"]
    assert [(row["line"], row["column"], row["pointer"], row["severity"]) for row in rows] == [
        (8, 3, "/paths/~1companies~1{companyId}~1teams~1{teamId}", "error")
    ]


def test_the_vendor_specs_have_no_equivalent_paths(tmp_path: Path) -> None:
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        assert _mine(lint_text(tmp_path, spec.read_text(encoding="utf-8"), spec.name)) == [], spec.name
