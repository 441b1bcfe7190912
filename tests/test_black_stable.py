"""What the generator writes is black's output: black run over every Python file of the five
vendor packages and of the corpus specs' packages changes nothing.

The format stage gives black only what `settled.black_reason` finds something in, so this is the
proof that the rest is black-stable as it is. Slow (tests/conftest.py SLOW_FILES): GitHub alone
is 7,000 files; the packages are made in memory, with the session's cache.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black
import pytest

from generator.formatting.fmt import MODE
from generator.pipeline import render_target
from generator.targets import spec_target, vendor_targets
from tests.corpus_audit import CORPUS, SPECS

ROOT = Path(__file__).resolve().parent.parent
VENDORS = ["agendize", "hipcall", "monica", "snapcall", "voipnow"]


def first_change(item: tuple[str, str]) -> str | None:
    """Where black changes one file: its path, the first line that differs and both versions."""
    path, text = item
    formatted = black.format_str(text, mode=MODE)
    if formatted == text:
        return None
    ours, blacks = text.split("\n"), formatted.split("\n")
    line = next((i for i, (a, b) in enumerate(zip(ours, blacks)) if a != b), min(len(ours), len(blacks)))
    shown = [ours[line] if line < len(ours) else "(end)", blacks[line] if line < len(blacks) else "(end)"]
    return f"{path}:{line + 1}: black changes {shown[0]!r} into {shown[1]!r}"


def changes(files: dict[str, str]) -> list[str]:
    """What black changes in the Python files of a package, on every core."""
    items = sorted((path, text) for path, text in files.items() if path.endswith(".py"))
    workers = os.cpu_count() or 1
    if workers < 2 or sum(len(text) for _, text in items) < 500_000:
        return [found for found in map(first_change, items) if found is not None]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [found for found in pool.map(first_change, items, chunksize=64) if found is not None]


@pytest.mark.parametrize("vendor", VENDORS)
def test_vendor_package_is_what_black_writes(vendor: str) -> None:
    files = render_target(vendor_targets(ROOT / "specs", [vendor])[0])
    assert len([p for p in files if p.endswith(".py")]) > 10
    found = changes(files)
    assert found == [], f"{len(found)} file(s) black would change; the first: {found[0]}"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus of public specs is not at {CORPUS}")
@pytest.mark.parametrize("name", list(SPECS))
def test_corpus_package_is_what_black_writes(name: str) -> None:
    files = render_target(spec_target(CORPUS / SPECS[name], name))
    found = changes(files)
    assert found == [], f"{len(found)} file(s) black would change; the first: {found[0]}"


def test_a_change_is_named_by_file_and_line() -> None:
    """The report that makes a failure readable: the file, the line, ours and black's."""
    assert first_change(("m.py", "x = 1\ny = {'a':1}\n")) == "m.py:2: black changes \"y = {'a':1}\" into 'y = {\"a\": 1}'"
    assert first_change(("m.py", 'x = "a"\n')) is None
