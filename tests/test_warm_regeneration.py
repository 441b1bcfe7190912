"""Regeneration after a small spec change: only what the change reaches is made again, and the
output is byte for byte a cold run's. Resource modules come from their cache when their inputs
are unchanged; the writer links the files the old package holds already instead of writing them."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.pipeline import package_ir
from generator.rendering import render as rendering
from generator.rendering.render import ModuleHead, module_inputs
from generator.targets import spec_target
from generator.writing import write
from generator.writing.write import tree, write_packages

ROOT = Path(__file__).resolve().parent.parent


def _specs(tmp_path: Path) -> tuple[Path, Path]:
    """Snapcall's spec as JSON, and a copy in which `ButtonCreate` (a request body) has one more property."""
    document = yaml.safe_load((ROOT / "specs" / "snapcall.yaml").read_text(encoding="utf-8"))
    old = tmp_path / "old" / "snapcall.json"
    old.parent.mkdir()
    old.write_text(json.dumps(document), encoding="utf-8")
    document["components"]["schemas"]["ButtonCreate"]["properties"]["added_by_the_test"] = {"type": "string", "description": "New."}
    new = tmp_path / "new" / "snapcall.json"
    new.parent.mkdir()
    new.write_text(json.dumps(document), encoding="utf-8")
    return old, new


def _generate(spec: Path, out: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(cache))
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--force"]) == 0


def _entries(cache: Path) -> set[str]:
    return {p.name for p in (cache / "resource-modules").rglob("*") if p.is_file()}


def test_one_property_added_renders_one_module_and_matches_a_cold_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _specs(tmp_path)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    _generate(old, warm, tmp_path / "cache", monkeypatch)
    first = _entries(tmp_path / "cache")
    before = module_inputs(package_ir(spec_target(old)))
    after = module_inputs(package_ir(spec_target(new)))
    assert [path for path in before if before[path] != after[path]] == ["src/trunkline_snapcall/resources/buttons.py"]
    assert len(first) == len(before) == 15

    rendered: list[str] = []
    real = rendering.render

    def spy(package: object, made: dict[str, str] | None = None) -> dict[str, str]:
        files = real(package, made)  # type: ignore[arg-type]
        rendered.extend(path for path in before if path not in (made or {}))
        return files

    monkeypatch.setattr("generator.pipeline.render", spy)
    _generate(new, warm, tmp_path / "cache", monkeypatch)
    assert rendered == ["src/trunkline_snapcall/resources/buttons.py"]  # the other 14 came from the cache
    assert len(_entries(tmp_path / "cache") - first) == 1
    monkeypatch.setattr("generator.pipeline.render", real)
    _generate(new, cold, tmp_path / "empty-cache", monkeypatch)
    assert tree(warm) == tree(cold)
    assert "added_by_the_test" in (warm / "snapcall" / "src/trunkline_snapcall/resources/buttons.py").read_text(encoding="utf-8")


def test_a_module_reads_only_its_head_and_namespace() -> None:
    """The namespace template gets the head, not the package: a template reading more of the
    package than the cache key holds fails at once instead of rendering from stale inputs."""
    package = package_ir(spec_target(ROOT / "specs" / "snapcall.yaml"))
    env = rendering.environment()
    template = env.from_string("{{ package.namespaces }}")
    with pytest.raises(Exception, match="namespaces"):
        template.render(package=ModuleHead(package.title), ns=package.namespaces[0])


# -- writing: unchanged files are linked, never shared with anything else ------------------------

OLD = {"pkg": {"same.py": "A = 1\n", "changed.py": "B = 1\n", "edited.py": "C = 1\n", "sub/deep.py": "D = 1\n"}}
NEW = {"pkg": {"same.py": "A = 1\n", "changed.py": "B = 2\n", "edited.py": "C = 1\n", "sub/deep.py": "D = 1\n", "added.py": "E = 1\n"}}


def _inode(path: Path) -> int:
    return os.lstat(path).st_ino


def test_unchanged_files_are_linked_and_the_rest_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_packages(out, OLD)
    (out / "pkg" / "edited.py").write_text("C = 99\n")  # a hand edit: the new package must not keep it
    inodes = {rel: _inode(out / "pkg" / rel) for rel in OLD["pkg"]}
    write_packages(out, NEW)
    assert tree(out) == {f"pkg/{rel}": text.encode() for rel, text in NEW["pkg"].items()}
    assert _inode(out / "pkg" / "same.py") == inodes["same.py"]
    assert _inode(out / "pkg" / "sub/deep.py") == inodes["sub/deep.py"]
    assert _inode(out / "pkg" / "edited.py") != inodes["edited.py"]
    assert os.stat(out / "pkg" / "same.py").st_nlink == 1  # the old package is gone, its link with it
    assert [p.name for p in out.iterdir()] == ["pkg"]


@pytest.mark.skipif(os.name == "nt", reason="symlinks, modes and hard links are POSIX here")
def test_a_file_that_is_not_plainly_ours_is_written_fresh(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {"pkg": {"link.py": "A = 1\n", "shared.py": "B = 1\n", "mode.py": "C = 1\n"}}
    write_packages(out, files)
    elsewhere = tmp_path / "elsewhere.py"
    elsewhere.write_text("A = 1\n")
    (out / "pkg" / "link.py").unlink()
    (out / "pkg" / "link.py").symlink_to(elsewhere)  # same bytes behind a symlink
    os.link(out / "pkg" / "shared.py", tmp_path / "other-name.py")  # linked from outside the package
    mode = stat.S_IMODE(os.stat(out / "pkg" / "mode.py").st_mode)
    os.chmod(out / "pkg" / "mode.py", mode | stat.S_IXUSR)
    write_packages(out, files)
    assert tree(out) == {f"pkg/{rel}": text.encode() for rel, text in files["pkg"].items()}
    assert not (out / "pkg" / "link.py").is_symlink()
    assert _inode(out / "pkg" / "shared.py") != _inode(tmp_path / "other-name.py")
    assert stat.S_IMODE(os.stat(out / "pkg" / "mode.py").st_mode) == mode
    (out / "pkg" / "shared.py").write_text("changed later\n")
    assert (tmp_path / "other-name.py").read_text() == "B = 1\n"


def test_a_failed_swap_leaves_the_linked_old_files_as_they_were(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_packages(out, OLD)
    before = tree(out)
    inodes = {rel: _inode(out / "pkg" / rel) for rel in OLD["pkg"]}
    real, calls = write._move, [0]

    def move(source: Path, target: Path) -> None:
        calls[0] += 1
        if calls[0] == 2:  # the old package is out, the new one (with links to it) not yet in
            raise OSError("disk full")
        real(source, target)

    monkeypatch.setattr(write, "_move", move)
    with pytest.raises(Exception, match="nothing was changed"):
        write_packages(out, NEW)
    assert tree(out) == before
    assert {rel: _inode(out / "pkg" / rel) for rel in OLD["pkg"]} == inodes
    assert all(os.stat(out / "pkg" / rel).st_nlink == 1 for rel in OLD["pkg"])
    assert [p.name for p in out.iterdir()] == ["pkg"]


def test_no_hard_links_falls_back_to_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    write_packages(out, OLD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    write_packages(out, NEW)
    assert tree(out) == {f"pkg/{rel}": text.encode() for rel, text in NEW["pkg"].items()}
    assert not list(out.glob(".trunkline-staging-*"))  # no half-linked file left behind
