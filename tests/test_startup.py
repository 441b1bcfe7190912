"""Start-up of a run: the models worker (`model_worker`) and importing only what a run uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pytest

from generator.cache import tool_version
from generator.errors import Location, TrunklineError
from generator.rendering import model_worker
from generator.rendering.models import render_models

ROOT = Path(__file__).resolve().parent.parent
FORKS = model_worker._can_fork()  # Linux, one thread, two cores: else every call runs in process

DEFS: dict[str, Any] = {
    "Colour": {"type": "string", "enum": ["red", "green"], "description": "A colour."},
    "Pet": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "colour": {"$ref": "#/$defs/Colour"},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def _fail(where: str) -> None:
    raise TrunklineError("no models for this", Location("spec.yaml", where, 3, 7))


def _bug() -> None:
    raise KeyError("missing")


def test_call_without_a_worker_runs_here() -> None:
    assert model_worker.call(os.getpid) == os.getpid()


@pytest.mark.skipif(not FORKS, reason="no worker on this machine: calls run in process")
def test_call_runs_in_the_worker_and_the_worker_ends_with_the_block() -> None:
    with model_worker.prestarted():
        worker = model_worker._current
        assert worker is not None
        pid = model_worker.call(os.getpid)
        assert pid != os.getpid()
        assert model_worker.call(os.getpid) == pid  # one worker serves every call
    assert model_worker._current is None
    assert worker._process.exitcode is not None  # ended and reaped, not left behind


@pytest.mark.skipif(not FORKS, reason="no worker on this machine: calls run in process")
def test_a_call_after_the_worker_died_runs_here() -> None:
    with model_worker.prestarted():
        worker = model_worker._current
        assert worker is not None
        worker._process.kill()
        worker._process.join()
        assert model_worker.call(os.getpid) == os.getpid()
        assert model_worker._current is None  # not asked again


def test_no_worker_when_not_wanted() -> None:
    with model_worker.prestarted(wanted=False):
        assert model_worker._current is None
        assert model_worker.call(os.getpid) == os.getpid()


@pytest.mark.skipif(not FORKS, reason="no worker on this machine: calls run in process")
def test_errors_in_the_worker_come_back_with_their_location() -> None:
    with model_worker.prestarted():
        with pytest.raises(TrunklineError) as caught:
            model_worker.call(_fail, "/components/schemas/Pet")
        assert caught.value.message == "no models for this"
        assert caught.value.location == Location("spec.yaml", "/components/schemas/Pet", 3, 7)
        with pytest.raises(KeyError, match="missing"):
            model_worker.call(_bug)
        assert model_worker.call(os.getpid) != os.getpid()  # still serving after a failure


def test_models_made_in_the_worker_are_the_models_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    here = render_models(DEFS, "Pets API", parallel=False)
    with model_worker.prestarted():
        there = render_models(DEFS, "Pets API", parallel=False)
    assert there == here
    assert "class Pet(BaseModel):" in here["models/_pet.py"]


def _modules_after_generate(spec: str, tmp_path: Path) -> dict[str, bool]:
    """Which heavy libraries the main process of a cold `generate --spec` imported."""
    program = textwrap.dedent(f"""
        import json, sys
        from generator.cli import main
        code = main(["generate", "--spec", {spec!r}, "--out", {str(tmp_path / "out")!r}])
        heavy = ["black", "datamodel_code_generator.config", "openapi_spec_validator", "jsonschema", "importlib.metadata", "pydantic_core"]
        print(json.dumps({{"code": code, **{{name: name in sys.modules for name in heavy}}}}))
    """)
    env = {**os.environ, "TRUNKLINE_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    found: dict[str, bool] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_a_package_that_needs_no_black_does_not_import_it(tmp_path: Path) -> None:
    # SnapCall's files are all laid out by the generator; the validator is for `lint` only.
    found = _modules_after_generate("specs/snapcall.yaml", tmp_path)
    assert found == {
        "code": 0, "black": False, "openapi_spec_validator": False, "jsonschema": False, "importlib.metadata": False, "pydantic_core": False,
        "datamodel_code_generator.config": not FORKS,  # imported by the worker where there is one
    }


@pytest.mark.parametrize("vendor", ["agendize", "hipcall", "monica", "voipnow"])
def test_no_vendor_package_needs_black(vendor: str, tmp_path: Path) -> None:
    # Long template lines are laid out by formatting/layout.py, long model lines by formatting/split.py.
    found = _modules_after_generate(f"specs/{vendor}.yaml", tmp_path)
    assert (found["code"], found["black"]) == (0, False)


@pytest.mark.parametrize("name", ["black", "datamodel-code-generator", "datamodel_code_generator", "PyYAML", "trunkline"])
def test_tool_versions_are_what_importlib_metadata_says(name: str) -> None:
    assert tool_version(name) == version(name)


def test_a_distribution_not_installed_raises_as_importlib_metadata_does() -> None:
    with pytest.raises(PackageNotFoundError):
        tool_version("no-such-distribution-here")
