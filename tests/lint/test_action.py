"""The GitHub Action (action.yml): its shape, and its lint and fail steps run by bash as a runner would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.lint.test_command import ERROR, WARNING_ONLY, write

ROOT = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("id") or step.get("name"): step for step in ACTION["runs"]["steps"]}


def test_composite_action_with_annotations_sarif_upload_and_a_failing_last_step() -> None:
    assert ACTION["runs"]["using"] == "composite"
    uses = [step.get("uses", "").split("@")[0] for step in ACTION["runs"]["steps"]]
    assert uses == ["actions/setup-python", "", "", "github/codeql-action/upload-sarif", ""]
    assert "--format github" in STEPS["lint"]["run"] and "--format sarif" in STEPS["lint"]["run"]
    upload = STEPS["Upload SARIF to code scanning"]
    assert upload["if"].startswith("always()") and upload["with"]["category"] == "${{ inputs.category }}"
    assert set(ACTION["outputs"]) == {"exit-code", "sarif-file"}


def test_no_input_is_pasted_into_a_script() -> None:
    """An expression in `run:` is substituted before bash reads it; inputs go through `env:` instead."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")
    referenced = {m for step in ACTION["runs"]["steps"] for v in step.get("env", {}).values() for m in re.findall(r"inputs\.([\w-]+)", v)}
    assert referenced == {"install", "paths", "strict", "config", "sarif", "sarif-file"}


def _runner(tmp_path: Path) -> dict[str, str]:
    """The environment a runner gives the steps, with Trunkline 'installed' where the install step puts it."""
    venv_bin = tmp_path / "runner" / "trunkline-venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "trunkline").symlink_to(Path(sys.executable).parent / "trunkline")
    output = tmp_path / "runner" / "output"
    output.write_text("")
    return {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(tmp_path / "runner"), "GITHUB_OUTPUT": str(output), "NO_COLOR": "1"}


def _run_step(step: dict[str, Any], cwd: Path, env: dict[str, str], **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    values = {"paths": "specs", "strict": "false", "config": "", "sarif": "true", "sarif-file": "trunkline.sarif", **inputs}
    step_env = {name: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: values[m[1]], value) for name, value in step.get("env", {}).items()}
    Path(env["GITHUB_OUTPUT"]).write_text("")
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env={**env, **step_env}, capture_output=True, text=True, check=False)
    outputs = dict(line.split("=", 1) for line in Path(env["GITHUB_OUTPUT"]).read_text().splitlines())
    return done, outputs


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A checkout: `.git`, a spec with an error in api/specs/, a Spectral ruleset beside it."""
    checkout = tmp_path / "repo"
    (checkout / ".git").mkdir(parents=True)
    write(checkout, "api/specs/a.yaml", ERROR)
    write(checkout, "api/specs/.spectral.yaml", 'extends: ["spectral:oas"]\n')
    return checkout


def test_lint_step_annotates_writes_sarif_and_records_the_status(tmp_path: Path, repo: Path) -> None:
    env = _runner(tmp_path)
    done, outputs = _run_step(STEPS["lint"], repo / "api", env, paths="specs")
    assert done.returncode == 0, done.stderr  # the step itself passes, so the SARIF upload runs
    assert outputs == {"sarif-file": "trunkline.sarif", "exit-code": "1"}
    assert done.stdout.startswith("::error file=api/specs/a.yaml,line=14,col=5,title=operation-summary::give GET /things")
    assert "specs/.spectral.yaml: info: skipped" in done.stderr  # as lint was given it, from the working directory
    assert done.stderr.splitlines()[-1] == "lint: 1 file, 1 error, 0 warnings; 1 file skipped (not OpenAPI)"
    log = json.loads((repo / "api" / "trunkline.sarif").read_text())
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "api/specs/a.yaml", "uriBaseId": "%SRCROOT%"}
    failed = subprocess.run(["bash", "-c", STEPS["Fail on findings"]["run"]], env={**env, "STATUS": outputs["exit-code"]},
                            capture_output=True, text=True, check=False)
    assert failed.returncode == 1 and "exited with 1" in failed.stderr


def test_lint_step_inputs_strict_config_several_paths_and_no_sarif(tmp_path: Path, repo: Path) -> None:
    env = _runner(tmp_path)
    write(repo, "api/specs/a.yaml", WARNING_ONLY)
    write(repo, "api/other/b.yaml", WARNING_ONLY)
    done, outputs = _run_step(STEPS["lint"], repo, env, paths="api/specs  api/other/*.yaml", sarif="false")
    assert (done.returncode, outputs) == (0, {"exit-code": "0"})
    assert [line.split(",")[0] for line in done.stdout.splitlines()] == ["::warning file=api/specs/a.yaml", "::warning file=api/other/b.yaml"]
    assert not (repo / "trunkline.sarif").exists()
    _, outputs = _run_step(STEPS["lint"], repo, env, paths="api/specs", strict="true")
    assert outputs["exit-code"] == "1"
    write(repo, "lint.toml", 'disable = ["operation-description"]\n')
    _, outputs = _run_step(STEPS["lint"], repo, env, paths="api/specs", strict="true", config="lint.toml")
    assert outputs["exit-code"] == "0"
    _, outputs = _run_step(STEPS["lint"], repo, env, paths="api/specs", config="missing.toml")
    assert outputs["exit-code"] == "2"


def test_an_input_cannot_run_code(tmp_path: Path, repo: Path) -> None:
    env = _runner(tmp_path)
    marker = tmp_path / "pwned"
    done, outputs = _run_step(STEPS["lint"], repo, env, paths=f"api/specs $(touch {marker}) `touch {marker}`", config=f"x; touch {marker}")
    assert not marker.exists()
    assert outputs["exit-code"] == "2" and done.returncode == 0
