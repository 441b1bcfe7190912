"""The content cache: what is put is got back, in one folder a step, and a cache that is off or
cannot be written is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache import ContentCache, digest


def test_what_is_put_is_got_back_from_one_folder_a_step(tmp_path: Path) -> None:
    cache = ContentCache("black", tmp_path)
    keys = [digest("entry", str(i)) for i in range(20)]
    for i, key in enumerate(keys):
        cache.put(key, f"text {i}\n")
    assert [cache.get(key) for key in keys] == [f"text {i}\n" for i in range(20)]
    assert sorted(p.name for p in (tmp_path / "black").iterdir()) == sorted(keys)  # no temporary files, no sub-folders
    assert [p.name for p in tmp_path.iterdir()] == ["black"]
    assert ContentCache("black", tmp_path).get(digest("missing")) is None


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ContentCache("black", blocker)  # its folder would be inside a file
    cache.put(digest("k"), "text")
    assert cache.get(digest("k")) is None


def test_off_means_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUNKLINE_CACHE_DIR", "off")
    cache = ContentCache("black")
    cache.put(digest("k"), "text")
    assert cache.directory is None and cache.get(digest("k")) is None
