"""The format stage: black's output, cached by content, the same on one core or several."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.formatting import fmt

SOURCES = {
    "a.py": "x = {  'a':1,\n'b':2}\n",
    "b.py": "def f(a,b):\n  return a+b\n",
    "notes.md": "x = {  'a':1 }\n",
}


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_python_files_are_formatted_by_black_and_others_kept() -> None:
    out = fmt.format_files(SOURCES)
    assert out["a.py"] == black.format_str(SOURCES["a.py"], mode=fmt.MODE) == 'x = {"a": 1, "b": 2}\n'
    assert out["b.py"] == "def f(a, b):\n    return a + b\n"
    assert out["notes.md"] == SOURCES["notes.md"]


def test_second_run_is_served_from_the_cache(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    first = fmt.format_files(SOURCES)
    assert len(list(cache.rglob("*"))) >= 2

    def refuse(path: str, text: str) -> str:
        raise AssertionError(f"{path} was formatted again")

    monkeypatch.setattr(fmt, "format_source", refuse)
    assert fmt.format_files(SOURCES) == first


def test_cache_off_formats_every_time(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    fmt.format_files(SOURCES)
    assert not cache.exists()


def test_parallel_formatting_gives_the_serial_result(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {f"m{i}.py": f"def f{i}(a,b):\n  return [a,b,{i}]\n" for i in range(12)}
    monkeypatch.setattr(fmt, "_PARALLEL_MIN_CHARS", 0)
    parallel = fmt.format_files(files)
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    assert parallel == fmt.format_files(files, parallel=False)
    assert parallel["m3.py"] == "def f3(a, b):\n    return [a, b, 3]\n"


def test_invalid_python_is_a_located_bug_report() -> None:
    with pytest.raises(fmt.TrunklineError, match=r"generated bad\.py is not valid Python .*Trunkline bug"):
        fmt.format_files({"bad.py": "def (:\n"})


@pytest.mark.parametrize("vendor", ["agendize", "hipcall", "monica", "snapcall", "voipnow"])
def test_models_come_in_black_layout_so_black_needs_one_pass(vendor: str) -> None:
    """Black formats twice when its first pass changes anything, so the models reach it as it
    would write them: the only lines it may change are those longer than a line (it splits them)."""
    from generator.pipeline import package_ir
    from generator.rendering.render import model_files
    from generator.targets import vendor_targets

    root = Path(__file__).resolve().parent.parent
    files = model_files(package_ir(vendor_targets(root / "specs", [vendor])[0]))
    changed = {}
    for path, text in files.items():
        formatted = fmt.format_source(path, text)
        removed = set(text.splitlines()) - set(formatted.splitlines())
        changed[path] = sorted(line for line in removed if len(line) <= 100)
    assert changed == {path: [] for path in files}


def test_a_batch_kept_to_fewer_cores_gives_the_same_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The template files go to the cores the models leave free: fewer, bigger tasks."""
    files = {f"m{i}.py": f"def f{i}(a,b):\n  return [a,b,{'x' * i}]\n" for i in range(9)}
    monkeypatch.setattr(fmt, "_PARALLEL_MIN_CHARS", 0)
    with fmt.Formatter() as formatter:
        kept = formatter.start(files, cores=1)()
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    assert kept == fmt.format_files(files, parallel=False)
    batches = fmt._batches(sorted(files, key=lambda p: -len(files[p])), files, 2)
    sizes = [sum(len(files[p]) for p in batch) for batch in batches]
    assert sorted(p for batch in batches for p in batch) == sorted(files)
    assert abs(sizes[0] - sizes[1]) <= max(len(text) for text in files.values())


def test_static_modules_are_black_stable() -> None:
    """The runtime modules copied as they are (black skips them) are exactly what black would write."""
    import black

    from generator.formatting.fmt import MODE
    from generator.rendering.render import STATIC_MODULES, template_root

    for name in STATIC_MODULES:
        text = template_root().joinpath("module", name).read_text(encoding="utf-8")
        assert black.format_str(text, mode=MODE) == text, f"run black on templates/module/{name}"


def test_static_modules_pass_ruff() -> None:
    """The runtime modules are real Python files, linted as the generator's own code is."""
    import subprocess
    import sys

    from generator.rendering.render import STATIC_MODULES, template_root

    paths = [str(template_root().joinpath("module", name)) for name in STATIC_MODULES]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *paths], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
