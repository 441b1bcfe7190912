"""Project-URLs come from `[tool.trunkline.package] urls` in pyproject.toml; without them no link is written."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from generator.errors import TrunklineError
from generator.modeling.build import build
from generator.reading.load import load
from generator.rendering.render import render
from generator.targets import inputs_digest, project_urls, spec_target

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "monica.yaml"


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "monica.yaml").write_bytes(SPEC.read_bytes())
    return specs / "monica.yaml"


def test_configured_urls_reach_pyproject_and_readme(tmp_path: Path) -> None:
    spec = _project(tmp_path, '[tool.trunkline.package.urls]\nHomepage = "https://example.org/sdk"\n'
                              'Source = "https://git.example.org/team/sdk?ref=main#readme"\n')
    target = spec_target(spec)
    assert target.urls == (("Homepage", "https://example.org/sdk"), ("Source", "https://git.example.org/team/sdk?ref=main#readme"))
    files = render(dataclasses.replace(build(load(spec), "monica"), urls=target.urls))
    assert tomllib.loads(files["pyproject.toml"])["project"]["urls"] == dict(target.urls)
    assert "\n[Homepage](https://example.org/sdk) · [Source](https://git.example.org/team/sdk?ref=main#readme)\n" in files["README.md"]
    plain = dataclasses.replace(target, urls=())
    assert inputs_digest(target) != inputs_digest(plain)  # a changed URL regenerates the package


def test_no_configuration_no_link(tmp_path: Path) -> None:
    spec = _project(tmp_path, "[project]\nname = 'x'\n")
    assert project_urls(spec.parent) == ()
    files = render(build(load(spec), "monica"))
    assert "urls" not in tomllib.loads(files["pyproject.toml"])["project"]
    assert "](" not in files["README.md"]


@pytest.mark.parametrize(
    "entry",
    ['Home = "javascript:alert(1)"', 'Home = "https://e.org/a b"', 'Home = "https://e.org/x)[y](https://evil"',
     '"[x](y)" = "https://e.org/"', 'Home = 3', 'Home = "https://e.org/<img>"'],
)
def test_a_bad_url_is_a_located_error(tmp_path: Path, entry: str) -> None:
    spec = _project(tmp_path, f"[tool.trunkline.package.urls]\n{entry}\n")
    with pytest.raises(TrunklineError) as raised:
        spec_target(spec)
    assert raised.value.location is not None
    assert raised.value.location.pointer == "/tool/trunkline/package/urls"
    assert str(raised.value.location.file).endswith("pyproject.toml")
