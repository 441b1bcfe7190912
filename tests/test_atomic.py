"""Interrupted and killed runs leave the output tree byte-for-byte as it was, with no staging left."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.errors import TrunklineError
from generator.writing import write
from generator.writing.write import STAGING_PREFIX, recover, tree, write_packages
from tests.scratch import copy_vendor

ROOT = Path(__file__).resolve().parent.parent
OLD = {"alpha": {"a.py": "A = 1\n", "sub/b.py": "B = 1\n"}, "beta": {"b.txt": "old beta\n"}}
NEW = {"alpha": {"a.py": "A = 2\n"}, "beta": {"b.txt": "new beta\n", "c.txt": "c\n"}, "gamma": {"g.txt": "g\n"}}
MOVES = 5  # alpha and beta: out, then in; gamma: in


def _expected(packages: dict[str, dict[str, str]]) -> dict[str, bytes]:
    return {f"{name}/{rel}": text.encode() for name, files in packages.items() for rel, text in files.items()}


def _entries(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    directory = tmp_path / "generated"
    write_packages(directory, OLD)
    assert tree(directory) == _expected(OLD)
    return directory


def test_write_replaces_every_package_and_leaves_no_staging(out: Path) -> None:
    write_packages(out, NEW)
    assert tree(out) == _expected(NEW)
    assert _entries(out) == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize("at", range(MOVES))
@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError])
def test_interrupted_swap_is_undone(out: Path, at: int, error: type[BaseException], monkeypatch: pytest.MonkeyPatch) -> None:
    real, calls = write._move, [0]

    def move(source: Path, target: Path) -> None:
        calls[0] += 1
        if calls[0] == at + 1:
            raise error("stop here")
        real(source, target)

    monkeypatch.setattr(write, "_move", move)
    with pytest.raises(KeyboardInterrupt if error is KeyboardInterrupt else TrunklineError):
        write_packages(out, NEW)
    assert tree(out) == _expected(OLD)
    assert _entries(out) == ["alpha", "beta"]


_KILLER = textwrap.dedent("""\
    import json, os, signal, sys
    from pathlib import Path
    from generator.writing import write

    out, kill_at, interrupt_at = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    real, calls = write._move, [0]

    def move(source, target):
        calls[0] += 1
        if calls[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        if calls[0] == interrupt_at:
            raise KeyboardInterrupt
        real(source, target)

    def journal(staging, data):
        if kill_at == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        real_journal(staging, data)

    real_journal = write._write_journal
    write._move, write._write_journal = move, journal
    write.write_packages(out, json.loads(sys.argv[4]))
""")


def _run_killed(out: Path, kill_at: int, interrupt_at: int = -1) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", _KILLER, str(out), str(kill_at), str(interrupt_at), json.dumps(NEW)],
        check=False, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.parametrize("kill_at", range(MOVES + 1))
def test_killed_write_is_rolled_back_by_the_next_run(out: Path, kill_at: int) -> None:
    _run_killed(out, kill_at)  # 0: after staging, before the journal; n: at the n-th rename
    assert any(name.startswith(STAGING_PREFIX) for name in _entries(out))
    recover(out)
    assert tree(out) == _expected(OLD)
    assert _entries(out) == ["alpha", "beta"]
    write_packages(out, NEW)
    assert tree(out) == _expected(NEW)
    assert _entries(out) == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize("interrupt_at", [2, 4])
def test_kill_during_the_rollback_is_finished_by_the_next_run(out: Path, interrupt_at: int) -> None:
    _run_killed(out, interrupt_at + 1, interrupt_at)  # Ctrl-C, then killed while undoing
    write_packages(out, OLD | {"delta": {"d.txt": "d\n"}})  # the next run recovers first
    assert tree(out) == _expected(OLD | {"delta": {"d.txt": "d\n"}})
    assert _entries(out) == ["alpha", "beta", "delta"]


# -- the whole generate command ----------------------------------------------------------------


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """Monica's spec and an earlier, different output that a failed run must keep."""
    copy_vendor(tmp_path, "monica")
    (tmp_path / "generated" / "monica" / "README.md").write_text("an older README\n")
    (tmp_path / "generated" / "monica" / "stale.py").write_text("OLD = True\n")
    return tmp_path


@pytest.mark.parametrize("stage", ["load", "build", "render", "model_files", "Formatter"])
@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError])
def test_generate_interrupted_between_stages_changes_nothing(
    project: Path, stage: str, error: type[BaseException], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree(project / "generated")

    def broken(*args: object, **kwargs: object) -> None:
        raise error("stopped")

    monkeypatch.setattr(pipeline, stage, broken)
    code = main(["generate", "--specs", str(project / "specs"), "--out", str(project / "generated")])
    assert code == (130 if error is KeyboardInterrupt else 3)
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert tree(project / "generated") == before
    assert _entries(project / "generated") == ["monica"]


_GENERATE = textwrap.dedent("""\
    import os, signal, sys
    from generator.writing import write
    from generator.cli import main

    sig, real, calls = getattr(signal, sys.argv[1]), write._move, [0]

    def move(source, target):
        calls[0] += 1
        if calls[0] == 2:
            os.kill(os.getpid(), sig)
        real(source, target)

    write._move = move
    sys.exit(main(["generate", "--specs", sys.argv[2], "--out", sys.argv[3]]))
""")


@pytest.mark.parametrize("sig", ["SIGINT", "SIGKILL"])
def test_generate_process_signalled_mid_swap(project: Path, sig: str) -> None:
    out = project / "generated"
    before = tree(out)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", _GENERATE, sig, str(project / "specs"), str(out)],
        check=False, env=env, capture_output=True, text=True, timeout=300,
    )
    if sig == "SIGINT":
        assert done.returncode == 130, done.stderr
        assert done.stderr.strip() == "trunkline: interrupted; nothing was written"
        assert _entries(out) == ["monica"]
    else:
        assert done.returncode == -signal.SIGKILL, done.stderr
        assert not (out / "monica").exists()  # killed between moving the old package out and the new in
        recover(out)
    assert tree(out) == before
    assert _entries(out) == ["monica"]
    assert main(["generate", "--specs", str(project / "specs"), "--out", str(out)]) == 0
    assert tree(out / "monica") == tree(ROOT / "generated" / "monica")
    assert _entries(out) == ["monica"]
