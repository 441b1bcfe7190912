"""Format rendered Python files with black, the formatter of record.

Black is the slowest stage on big specs, so each file's result is cached by its content, and
files not in the cache are formatted on every core when there is enough work to share.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

from generator.cache import ContentCache, digest
from generator.errors import TrunklineError

MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
_MODE_KEY = f"black {version('black')} {MODE!r}"
# Below this much unformatted source, starting worker processes costs more than it saves.
_PARALLEL_MIN_CHARS = 400_000


def format_files(files: dict[str, str], parallel: bool = True) -> dict[str, str]:
    """The same files, Python sources formatted by black (cached; on all cores if `parallel`)."""
    cache = ContentCache("black")
    keys = {path: digest(_MODE_KEY, text) for path, text in files.items() if path.endswith(".py")}
    done: dict[str, str] = {}
    for path, key in keys.items():
        cached = cache.get(key)
        if cached is not None:
            done[path] = cached
    todo = sorted((path for path in keys if path not in done), key=lambda p: -len(files[p]))
    size = sum(len(files[p]) for p in todo)
    workers = os.cpu_count() or 1
    if parallel and workers > 1 and size >= _PARALLEL_MIN_CHARS:
        # forkserver: workers start small instead of copying this process's memory
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
            results = list(pool.map(format_source, todo, [files[p] for p in todo], chunksize=8))
    else:
        results = [format_source(p, files[p]) for p in todo]
    for path, text in zip(todo, results):
        cache.put(keys[path], text)
        done[path] = text
    return {path: done.get(path, text) for path, text in files.items()}


def format_source(path: str, text: str) -> str:
    """One source formatted; a TrunklineError if it is not valid Python (a generator bug)."""
    try:
        return black.format_str(text, mode=MODE)
    except InvalidInput as exc:
        reason = " ".join(str(exc).split())
        raise TrunklineError(f"generated {path} is not valid Python ({reason}); this is a Trunkline bug") from None
