"""`trunkline lint` as users run it: formats, exit codes, --strict, globs, configuration, inline silencing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.lint import RULES

CLEAN = (
    "openapi: 3.1.0\n"
    "info:\n  title: t\n  version: '1'\n  description: A test API.\n  contact: {name: n}\n"
    "  license: {name: MIT, identifier: MIT}\n  x-source: vendor-docs/t.txt\n"
    "servers: [{url: 'https://api.vendor.test'}]\n"
    "security: []\n"
    "tags: [{name: things, description: The things.}]\n"
    "paths:\n"
    "  /things:\n"
    "    get:\n"
    "      operationId: things_list\n"
    "      tags: [things]\n"
    "      summary: List things\n"
    "      description: Lists the things.\n"
    "      x-undocumented: true\n"
    "      responses: {'200': {description: ok}}\n"
)
WARNING_ONLY = CLEAN.replace("      description: Lists the things.\n", "")  # operation-description (warning)
ERROR = CLEAN.replace("      summary: List things\n", "")  # operation-summary (error)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["lint", *argv])
    return code, capsys.readouterr().out


def test_clean_spec_exits_0_and_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, str(write(tmp_path, "a.yaml", CLEAN))) == (0, "")


def test_warnings_exit_0_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(write(tmp_path, "a.yaml", WARNING_ONLY))
    code, out = lint(capsys, spec)
    assert code == 0
    assert out == f"{spec}:14:5 /paths/~1things/get warning [operation-description] describe GET /things: the description becomes the method's docstring\n"
    assert lint(capsys, "--strict", spec)[0] == 1


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = lint(capsys, str(write(tmp_path, "a.yaml", ERROR)))
    assert code == 1
    assert "error [operation-summary]" in out and out.count("\n") == 1


def test_unreadable_exits_2_even_with_other_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "a.yaml", ERROR)
    bad = write(tmp_path, "b.yaml", "openapi: 3.1.0\ninfo: [\n")
    code, out = lint(capsys, str(good), str(bad))
    assert code == 2
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+ # error \[unreadable\] invalid YAML", out), out
    assert "[operation-summary]" in out


def test_unknown_format_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["lint", "--format", "xml", str(write(tmp_path, "a.yaml", CLEAN))])
    assert info.value.code == 2


def test_glob_matching_nothing_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(tmp_path / "*.yaml")]) == 2
    assert "no file matches" in capsys.readouterr().err


def test_globs_and_directories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "one/a.yaml", ERROR)
    write(tmp_path, "one/b.yml", ERROR)
    write(tmp_path, "two/c.yaml", ERROR)
    code, out = lint(capsys, "--format", "json", str(tmp_path / "one"), str(tmp_path / "t*" / "*.yaml"))
    assert code == 1
    files = [Path(row["file"]).name for row in json.loads(out)]
    assert files == ["a.yaml", "b.yml", "c.yaml"]


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(write(tmp_path, "a.yaml", ERROR))
    code, out = lint(capsys, "--format", "json", spec)
    assert code == 1
    assert json.loads(out) == [{
        "file": spec, "line": 14, "column": 5, "pointer": "/paths/~1things/get", "rule": "operation-summary",
        "severity": "error", "message": "give GET /things a one-line `summary`",
    }]


def test_sarif_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "specs/a.yaml", ERROR.replace("      description: Lists the things.\n", ""))
    code, out = lint(capsys, "--format", "sarif", "specs/a.yaml")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "trunkline"
    ids = [r["id"] for r in driver["rules"]]
    assert set(RULES) <= set(ids) and len(ids) == len(set(ids))
    for item in driver["rules"]:
        assert item["shortDescription"]["text"] and item["help"]["text"]
        if item["id"] in RULES:
            assert "docs/lint-rules.md#" in item["help"]["text"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("operation-description", "warning"), ("operation-summary", "error")]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "specs/a.yaml"
        assert physical["region"] == {"startLine": 14, "startColumn": 5}
        assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "/paths/~1things/get"
        assert result["message"]["text"]


def test_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", WARNING_ONLY.replace("  /things:", "  /things/:"))
    code, out = lint(capsys, "--format", "github", "a.yaml")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "::warning file=a.yaml,line=13,col=3,title=path-keys-no-trailing-slash::remove the trailing slash of '/things/'; "
        "if the vendor documents it, keep it and silence this finding with `x-lint-ignore: {path-keys-no-trailing-slash: <reason>}` "
        "on the path item (/paths/~1things~1)"
    )
    assert lines[1].startswith("::warning file=a.yaml,line=14,col=5,title=operation-description::describe GET /things/")


def test_text_is_coloured_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.commands.lint import _colour

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert _colour(Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _colour(Tty()) is False
    assert _colour(object()) is False


def test_output_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(write(tmp_path, "a.yaml", ERROR.replace("tags: [{name: things, description: The things.}]", "tags: [{name: b}, {name: things}]")))
    first = lint(capsys, "--format", "sarif", spec)
    assert first == lint(capsys, "--format", "sarif", spec)


# -- configuration -------------------------------------------------------------------------


def test_pyproject_severity_override_and_disable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.trunkline.lint]\nrules = { "operation-summary" = "warning", "operation-description" = "error" }\n')
    spec = str(write(tmp_path, "specs/a.yaml", ERROR.replace("      description: Lists the things.\n", "")))
    code, out = lint(capsys, "--format", "json", spec)
    assert code == 1
    assert [(r["rule"], r["severity"]) for r in json.loads(out)] == [("operation-description", "error"), ("operation-summary", "warning")]
    write(tmp_path, "pyproject.toml", '[tool.trunkline.lint]\ndisable = ["operation-summary", "operation-description"]\n')
    assert lint(capsys, spec) == (0, "")


def test_off_by_default_rule_can_be_enabled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "trunkline-lint.toml", 'rules = { "oas3-parameter-description" = "info" }\n')
    spec = str(write(tmp_path, "a.yaml", CLEAN.replace("      x-undocumented: true\n", "      x-undocumented: true\n      parameters: [{name: q, in: query, schema: {type: string}}]\n")))
    code, out = lint(capsys, "--format", "json", spec)
    assert code == 0
    assert [(r["rule"], r["severity"], r["pointer"]) for r in json.loads(out)] == [
        ("oas3-parameter-description", "info", "/paths/~1things/get/parameters/0")
    ]


def test_config_next_to_specs_wins_over_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.trunkline.lint]\nrules = { "operation-summary" = "error" }\n')
    write(tmp_path, "specs/.trunkline.toml", '[lint]\nrules = { "operation-summary" = "off" }\n')
    assert lint(capsys, str(write(tmp_path, "specs/a.yaml", ERROR))) == (0, "")


def test_per_path_ignore_with_pointer_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "trunkline-lint.toml", '[[ignore]]\nfiles = "legacy/*.yaml"\npointer = "/paths/~1things"\nrules = ["operation-summary"]\n')
    legacy = write(tmp_path, "legacy/a.yaml", ERROR)
    current = write(tmp_path, "current/a.yaml", ERROR)
    assert lint(capsys, str(legacy)) == (0, "")
    assert lint(capsys, str(current))[0] == 1
    write(tmp_path, "trunkline-lint.toml", '[[ignore]]\nfiles = "legacy/*.yaml"\npointer = "/paths/~1other"\nrules = ["operation-summary"]\n')
    assert lint(capsys, str(legacy))[0] == 1


def test_explicit_config_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path, "conf/lint.toml", 'disable = ["operation-summary"]\n')
    assert lint(capsys, "--config", str(config), str(write(tmp_path, "a.yaml", ERROR))) == (0, "")


@pytest.mark.parametrize(("text", "message"), [
    ('rules = { "no-such-rule" = "error" }\n', "unknown rule 'no-such-rule'"),
    ('rules = { "operation-summary" = "loud" }\n', "is not one of error, warning, info, off"),
    ('colour = true\n', "unknown key(s) colour"),
    ('rules = [\n', "invalid TOML"),
])
def test_bad_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    config = write(tmp_path, "trunkline-lint.toml", text)
    assert main(["lint", str(write(tmp_path, "a.yaml", CLEAN))]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and message in err and err.count("\n") == 1


# -- inline silencing ----------------------------------------------------------------------


def test_inline_ignore_with_reason_silences_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ERROR.replace("  /things:\n", "  /things:\n    x-lint-ignore:\n      operation-summary: The vendor gives this operation no title.\n")
    text += "  /other:\n    get:\n      operationId: other_get\n      tags: [things]\n      description: x\n      x-undocumented: true\n      responses: {'200': {description: ok}}\n"
    code, out = lint(capsys, "--format", "json", str(write(tmp_path, "a.yaml", text)))
    assert code == 1
    assert [(r["rule"], r["pointer"]) for r in json.loads(out)] == [("operation-summary", "/paths/~1other/get")]


def test_inline_ignore_without_reason_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ERROR.replace("      summary: x\n", "").replace("    get:\n", "    get:\n      x-lint-ignore: {operation-summary: ''}\n")
    code, out = lint(capsys, "--format", "json", str(write(tmp_path, "a.yaml", text)))
    assert code == 1
    assert [(r["rule"], r["pointer"], r["line"]) for r in json.loads(out)] == [
        ("lint-ignore-reason", "/paths/~1things/get/x-lint-ignore/operation-summary", 15)
    ]


def test_inline_ignore_of_unknown_rule_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CLEAN.replace("    get:\n", "    get:\n      x-lint-ignore: {operation-sumary: typo}\n")
    code, out = lint(capsys, "--format", "json", str(write(tmp_path, "a.yaml", text)))
    assert code == 1
    rows = json.loads(out)
    assert [(r["rule"], r["pointer"]) for r in rows] == [("lint-ignore-reason", "/paths/~1things/get/x-lint-ignore/operation-sumary")]
    assert "unknown rule 'operation-sumary'" in rows[0]["message"]


def test_snapcall_vendor_facts_are_silenced_inline_with_reasons(tmp_path: Path) -> None:
    from generator.lint import lint as lint_document
    from generator.lint.config import Config
    from generator.reading.load import load

    original = Path(__file__).resolve().parents[2] / "specs" / "snapcall.yaml"
    assert lint_document(load(original), Config()) == []
    text = original.read_text(encoding="utf-8").replace("    x-lint-ignore:\n      path-", "    x-lint-ignored:\n      path-")
    found = lint_document(load(write(tmp_path, "snapcall.yaml", text)), Config())
    assert sorted((f.rule, f.location.pointer) for f in found) == [
        ("path-keys-no-trailing-slash", "/paths/~1admin~1streams~1"),
    ]
