"""`trunkline lint` in CI and pre-commit: non-OpenAPI files skipped on walks, project conventions only where
configured, SARIF and annotation paths relative to the repository root, the summary line, precise locations."""

from __future__ import annotations

import json
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.lint import lint as lint_document
from generator.lint.config import CONVENTION_RULES, CONVENTIONS, Config, discover
from generator.reading.load import load
from tests.lint.test_command import CLEAN, ERROR, write

ROOT = Path(__file__).resolve().parents[2]
SPECTRAL = 'extends: ["spectral:oas"]\nrules:\n  info-contact: off\n'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- which files are linted ------------------------------------------------------------------


def test_directory_walk_skips_non_openapi_yaml_and_json_with_an_info_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    write(tmp_path, "specs/schema.json", '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}')
    write(tmp_path, "specs/empty.yml", "")
    write(tmp_path, "specs/a.yaml", CLEAN)
    code, out, err = run(capsys, str(tmp_path / "specs"))
    assert (code, out) == (0, "")
    notes = [line for line in err.splitlines() if "skipped" in line and "info:" in line]
    assert [line.split(":", 1)[0] for line in notes] == [str(tmp_path / "specs" / n) for n in (".spectral.yaml", "empty.yml", "schema.json")]
    assert notes[0].endswith("info: skipped, not an OpenAPI document (no top-level `openapi` or `swagger` key)")
    assert err.splitlines()[-1] == "lint: 1 file, 0 errors, 0 warnings; 3 files skipped (not OpenAPI)"


def test_a_named_file_that_is_not_openapi_is_still_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spectral = write(tmp_path, ".spectral.yaml", SPECTRAL)
    code, out, err = run(capsys, str(spectral))
    assert code == 2
    assert out == f"{spectral}:1:1 # error [unreadable] not an OpenAPI document: no `openapi` field; start the file with `openapi: 3.1.0`\n"
    assert err == "lint: 1 file, 1 error, 0 warnings\n"


def test_skip_non_openapi_skips_named_files_but_lints_the_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spectral = write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    spec = write(tmp_path, "specs/a.yaml", ERROR)
    code, out, err = run(capsys, "--skip-non-openapi", str(spectral), str(spec))
    assert code == 1
    assert "[operation-summary]" in out and ".spectral.yaml" not in out
    assert err.splitlines() == [f"{spectral}: info: skipped, not an OpenAPI document (no top-level `openapi` or `swagger` key)",
                                "lint: 1 file, 1 error, 0 warnings; 1 file skipped (not OpenAPI)"]


def test_swagger_2_found_on_a_walk_is_reported_not_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "specs/old.yaml", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    code, out, _ = run(capsys, str(tmp_path / "specs"))
    assert code == 2
    assert "[unreadable] not an OpenAPI 3 document: this is Swagger 2.0" in out


def test_a_walked_file_that_does_not_parse_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "specs/broken.yaml", "rules: [\n")
    code, out, _ = run(capsys, str(tmp_path / "specs"))
    assert code == 2
    assert "[unreadable] invalid YAML" in out


def test_the_key_is_looked_for_through_the_bounded_loader(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.reading.load.MAX_FILE_BYTES", 64)
    write(tmp_path, "specs/big.yaml", "rules:\n" + "  r: x\n" * 20)
    code, out, _ = run(capsys, str(tmp_path / "specs"))
    assert code == 2
    assert "[unreadable] the file is larger than" in out


def test_quoted_glob_skips_too_and_ignores_other_suffixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    write(tmp_path, "specs/README.md", "# specs\n")
    write(tmp_path, "specs/a.yaml", CLEAN)
    code, out, err = run(capsys, str(tmp_path / "specs" / "*"), str(tmp_path / "specs" / ".*.yaml"))
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == "lint: 1 file, 0 errors, 0 warnings; 1 file skipped (not OpenAPI)"


def test_pre_commit_hooks_skip_a_spectral_config(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    write(tmp_path, "specs/a.yaml", CLEAN.replace("      description: Lists the things.\n", ""))
    results = {}
    for hook in hooks:
        command = shlex.split(hook["entry"])
        assert command[:2] == ["trunkline", "lint"] and "--skip-non-openapi" in command
        assert hook["pass_filenames"] is True
        results[hook["id"]] = main([*command[1:], "specs/.spectral.yaml", "specs/a.yaml"])
        capsys.readouterr()
    assert results == {"trunkline-lint": 0, "trunkline-lint-strict": 1}  # the warning fails only the strict hook


# -- conventions -------------------------------------------------------------------------------

THIRD_PARTY = (
    "openapi: 3.1.0\n"
    "info:\n  title: t\n  version: '1'\n  description: A team's own API.\n  contact: {name: n}\n  license: {name: MIT, identifier: MIT}\n"
    "servers: [{url: 'https://api.team.test'}]\nsecurity: []\ntags: [{name: things, description: The things.}]\n"
    "paths:\n"
    "  /things:\n"
    "    get:\n"
    "      operationId: things_list\n      tags: [things]\n      summary: List things\n      description: Lists the things.\n"
    "      parameters:\n"
    "        - name: q\n          in: query\n          schema: {type: string}\n          examples:\n            first: {value: x}\n"
    "      responses:\n"
    "        '200':\n          description: ok\n          content:\n            application/json:\n"
    "              schema: {$ref: '#/components/schemas/Level'}\n"
    "              examples:\n                second: {value: 1}\n"
    "components:\n  schemas:\n    Level: {type: integer, enum: [1, 2]}\n"
)


def test_convention_rules_are_off_for_a_third_party_spec_so_strict_is_usable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(write(tmp_path, "api/openapi.yaml", THIRD_PARTY))
    assert run(capsys, "--strict", spec)[:2] == (0, "")
    write(tmp_path, "api/trunkline-lint.toml", 'conventions = "trunkline"\n')
    code, out, _ = run(capsys, "--strict", "--format", "json", spec)
    assert code == 1
    assert sorted((r["rule"], r["severity"], r["pointer"]) for r in json.loads(out)) == [
        ("example-paired", "error", "/paths/~1things/get/parameters/0/examples/first/value"),
        ("info-x-source", "warning", "/info"),
        ("x-enum-varnames", "warning", "/components/schemas/Level/enum"),
    ]


def test_one_convention_rule_can_be_turned_on_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "pyproject.toml", '[tool.trunkline.lint]\nrules = { "info-x-source" = "error" }\n')
    code, out, _ = run(capsys, "--format", "json", str(write(tmp_path, "openapi.yaml", THIRD_PARTY)))
    assert code == 1
    assert [(r["rule"], r["severity"]) for r in json.loads(out)] == [("info-x-source", "error")]


@pytest.mark.parametrize(("text", "message"), [
    ('conventions = "acme"\n', "unknown conventions 'acme'; known: \"trunkline\""),
    ("conventions = 1\n", "`conventions` must be a name or a list of names"),
])
def test_bad_conventions_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str) -> None:
    write(tmp_path, "trunkline-lint.toml", text)
    code, _, err = run(capsys, str(write(tmp_path, "a.yaml", CLEAN)))
    assert code == 2 and message in err


def test_the_project_specs_apply_the_trunkline_conventions(tmp_path: Path) -> None:
    assert {name for name in CONVENTIONS} == {"trunkline"}
    assert CONVENTION_RULES == {"info-x-source", "operation-example", "example-paired", "x-enum-varnames"}
    config = discover(ROOT / "specs" / "monica.yaml")
    assert config.conventions == {"trunkline"} and config.source == ROOT / "specs" / "trunkline-lint.toml"
    text = (ROOT / "specs" / "monica.yaml").read_text(encoding="utf-8")
    assert "  x-source: " in text
    copy = write(tmp_path, "monica.yaml", "\n".join(line for line in text.splitlines() if not line.startswith("  x-source: ")) + "\n")
    assert [f.rule for f in lint_document(load(copy), config)] == ["info-x-source"]
    assert lint_document(load(copy), Config()) == []


def test_sarif_rules_of_conventions_are_disabled_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--format", "sarif", str(write(tmp_path, "a.yaml", CLEAN)))
    main(["lint", "--format", "sarif", str(tmp_path / "a.yaml")])
    rules = {r["id"]: r["defaultConfiguration"] for r in json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["info-x-source"] == {"level": "none", "enabled": False}
    assert rules["operation-summary"] == {"level": "error", "enabled": True}


# -- paths relative to the repository root -----------------------------------------------------


def _sarif_location(out: str) -> tuple[dict[str, str], dict[str, object]]:
    run_ = json.loads(out)["runs"][0]
    return run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"], run_.get("originalUriBaseIds", {})


@pytest.mark.parametrize("marker", ["git-directory", "worktree-file", "pyproject"])
def test_sarif_and_annotation_paths_are_relative_to_the_repository_root_from_any_cwd(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    repo = tmp_path / "repo"
    if marker == "git-directory":
        (repo / ".git").mkdir(parents=True)
    elif marker == "worktree-file":
        write(repo, ".git", "gitdir: /elsewhere/.git/worktrees/repo\n")
    else:
        write(repo, "pyproject.toml", "[project]\nname = 'x'\n")
    spec = write(repo, "api/specs/a b.yaml", ERROR)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for cwd, argument in ((repo / "api" / "specs", "a b.yaml"), (repo, "api/specs"), (elsewhere, str(spec))):
        monkeypatch.chdir(cwd)
        code, out, _ = run(capsys, "--format", "sarif", argument)
        assert code == 1
        artifact, bases = _sarif_location(out)
        assert artifact == {"uri": "api/specs/a%20b.yaml", "uriBaseId": "%SRCROOT%"}, cwd
        assert bases == {"%SRCROOT%": {"uri": repo.resolve().as_uri() + "/"}}
        code, out, _ = run(capsys, "--format", "github", argument)
        assert out.startswith("::error file=api/specs/a b.yaml,line=14,col=5,title=operation-summary::"), out


def test_a_spec_outside_the_repository_gets_an_absolute_uri(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    inside = write(tmp_path, "repo/a.yaml", ERROR)
    outside = write(tmp_path, "other/b.yaml", ERROR)
    code, out, _ = run(capsys, "--format", "sarif", str(inside), str(outside))
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert uris == [{"uri": "a.yaml", "uriBaseId": "%SRCROOT%"}, {"uri": outside.resolve().as_uri()}]


# -- the summary line --------------------------------------------------------------------------


def test_summary_counts_files_errors_warnings_and_infos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "trunkline-lint.toml", 'rules = { "oas3-parameter-description" = "info" }\n')
    write(tmp_path, "specs/a.yaml", ERROR)
    write(tmp_path, "specs/b.yaml", CLEAN.replace("      description: Lists the things.\n", "")
          .replace("      x-undocumented: true\n", "      x-undocumented: true\n      parameters: [{name: q, in: query, schema: {type: string}}]\n"))
    for fmt in ("text", "json", "sarif", "github"):
        code, _, err = run(capsys, "--format", fmt, str(tmp_path / "specs"))
        assert code == 1
        assert err == "lint: 2 files, 1 error, 1 warning, 1 info\n", fmt


def test_quiet_prints_findings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    write(tmp_path, "specs/a.yaml", ERROR)
    code, out, err = run(capsys, "--quiet", str(tmp_path / "specs"))
    assert code == 1 and "[operation-summary]" in out and err == ""
    assert run(capsys, "-q", str(tmp_path / "specs" / ".spectral.yaml"))[2] == ""


@pytest.mark.parametrize("terminal", [True, False])
def test_summary_on_a_terminal_and_off_it(tmp_path: Path, terminal: bool) -> None:
    """The summary goes to stderr whether or not it is a terminal (a CI log shows what was checked); -q drops it."""
    spec = write(tmp_path, "a.yaml", CLEAN)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    for quiet in ([], ["-q"]):
        command = [sys.executable, "-m", "generator", "lint", *quiet, str(spec)]
        if terminal:
            leader, follower = pty.openpty()
            done = subprocess.run(command, stdout=subprocess.PIPE, stderr=follower, env=env, cwd=tmp_path, check=False)
            os.close(follower)
            err = os.read(leader, 4096).decode() if not quiet else ""
            os.close(leader)
            err = err.replace("\r\n", "\n")
        else:
            done = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path, check=False)
            err = done.stderr.decode()
        assert (done.returncode, done.stdout) == (0, b"")
        assert err == ("" if quiet else "lint: 1 file, 0 errors, 0 warnings\n"), (terminal, quiet)


def test_the_project_specs_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(ROOT / "specs"))
    vendors = len(list((ROOT / "specs").glob("[!.]*.yaml")))
    assert (code, out, err) == (0, "", f"lint: {vendors} files, 0 errors, 0 warnings\n")


# -- findings point at the text that is wrong ---------------------------------------------------


def test_undeclared_path_parameter_points_at_its_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    operation = ("      operationId: things_{0}\n      tags: [things]\n      summary: s\n      description: d\n"
                 "      x-undocumented: true\n      responses: {{'200': {{description: ok}}}}\n")
    head = CLEAN[: CLEAN.index("paths:\n")]
    text = (head + "paths:\n  /things/{thingId}/parts/{partId}:\n"
            "    parameters: [{name: thingId, in: path, required: true, schema: {type: string}}]\n"
            "    get:\n" + operation.format("get") + "    delete:\n" + operation.format("delete"))
    code, out, _ = run(capsys, "--format", "json", str(write(tmp_path, "a.yaml", text)))
    assert code == 1
    rows = json.loads(out)
    line = text.splitlines().index("  /things/{thingId}/parts/{partId}:") + 1
    assert [(r["line"], r["column"], r["pointer"]) for r in rows if r["rule"] == "path-params"] == [
        (line, 27, "/paths/~1things~1{thingId}~1parts~1{partId}")]
    message = next(r["message"] for r in rows if r["rule"] == "path-params")
    assert message.startswith("the template `{partId}` names no path parameter for GET, DELETE /things/{thingId}/parts/{partId}")
    # openapi-spec-validator's own report stays where `trunkline generate` reports it (tests/test_hostile_preflight.py)
    assert sorted(r["pointer"] for r in rows if r["rule"] == "oas3-schema") == [
        "/paths/~1things~1{thingId}~1parts~1{partId}/delete", "/paths/~1things~1{thingId}~1parts~1{partId}/get"]


def test_undeclared_path_parameter_in_json_and_flow_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
           "paths": {"/a/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}}}
    spec = write(tmp_path, "a.json", json.dumps(doc, indent=1))
    line = json.dumps(doc, indent=1).splitlines().index('  "/a/{id}": {') + 1
    found = [f for f in lint_document(load(spec), Config()) if f.rule == "path-params"]
    assert [(f.location.line, f.location.col) for f in found] == [(line, 7)]
    flow = write(tmp_path, "b.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {'/b/{x}': {get: {responses: {'200': {description: ok}}}}, '/a/{x}/{y}': {}}\n")
    found = [f for f in lint_document(load(flow), Config()) if f.rule == "path-params"]
    assert [(f.location.line, f.location.col, f.location.pointer) for f in found] == [(3, 13, "/paths/~1b~1{x}")]


def test_other_path_and_server_findings_point_at_the_key_that_is_wrong(tmp_path: Path) -> None:
    text = ("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
            "servers:\n  - url: https://{region}.api.test/{stage}\n    variables:\n      stage: {default: v1}\n"
            "paths:\n  /a/{id}:\n    get:\n      parameters:\n"
            "        - name: id\n          in: path\n          required: true\n          schema: {type: string}\n"
            "        - name: other\n          in: path\n          required: false\n          schema: {type: string}\n"
            "      responses: {'200': {description: ok}}\n")
    found = sorted((f.location.line, f.location.col, f.location.pointer, f.rule)
                   for f in lint_document(load(write(tmp_path, "a.yaml", text)), Config()) if f.rule in ("path-params", "oas3-server-variables"))
    assert found == [
        (4, 18, "/servers/0/url", "oas3-server-variables"),
        (15, 17, "/paths/~1a~1{id}/get/parameters/1/name", "path-params"),
        (17, 21, "/paths/~1a~1{id}/get/parameters/1/required", "path-params"),
    ]


def test_generate_takes_no_hidden_file_for_a_vendor(tmp_path: Path) -> None:
    """A `specs/.spectral.yaml` next to the vendor specs is a tool's configuration, not a vendor to generate."""
    from generator.targets import vendor_targets

    write(tmp_path, "specs/.spectral.yaml", SPECTRAL)
    write(tmp_path, "specs/acme.yaml", CLEAN)
    assert [t.name for t in vendor_targets(tmp_path / "specs", [])] == ["acme"]
