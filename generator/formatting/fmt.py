"""Format rendered Python files with black, the formatter of record.

Black is the slowest stage on big specs. The generator lays out its files as black does, so a
file black would give back unchanged (`settled.black_reason`) is taken as it is; of the others,
black gets only the statements that need it (`format_statements`), and not even those of the
shapes `split` lays out. Each file's result is cached by its content, and files not in the cache
are checked and formatted on every core when there is enough work to share. The pipeline hands
over the template files first and the models later, so black works on the one while
datamodel-code-generator makes the other.
"""

from __future__ import annotations

import ast
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from functools import cache
from types import TracebackType
from typing import TYPE_CHECKING, Self

from generator.cache import ContentCache, digest, tool_version
from generator.errors import TrunklineError
from generator.formatting.settled import LINE_LENGTH, SCAFFOLD, black_reason, class_body, statements
from generator.formatting.split import lay_out

if TYPE_CHECKING:
    import black

# black is imported when a file needs it, not before: most packages have none (its import is a
# tenth of a small spec's run). The mode is made from these, and the cache key says them.
_TARGET = "PY311"
MODE_KEY = f"black {tool_version('black')} target {_TARGET} line length {LINE_LENGTH}"
# Below this much unformatted source, starting worker processes costs more than it saves.
_PARALLEL_MIN_CHARS = 400_000
# Tasks a core gets: enough to even out, few enough that sending files to workers costs little.
_TASKS_PER_CORE = 8


class Formatter:
    """Formats batches of files; a pool of worker processes is started for the first big batch."""

    def __init__(self, parallel: bool = True) -> None:
        self._parallel = parallel and (os.cpu_count() or 1) > 1
        self._pool: Executor | None = None
        self._cache = ContentCache("black")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=True)

    def start(
        self, files: dict[str, str], cores: int | None = None, formatted: frozenset[str] = frozenset()
    ) -> Callable[[], dict[str, str]]:
        """Begin formatting `files` on at most `cores` workers (all by default); the returned
        call waits for and returns the formatted files. Paths in `formatted` are black-stable
        already; so is any file `black_reason` finds nothing in, which is kept (and cached) as it is."""
        keys = {
            path: digest(MODE_KEY, text) for path, text in files.items() if path.endswith(".py") and path not in formatted
        }
        done: dict[str, str] = {path: files[path] for path in formatted if path in files}
        for path, key in keys.items():
            cached = self._cache.get(key)
            if cached is not None:
                done[path] = cached
        uncached = sorted((path for path in keys if path not in done), key=lambda p: -len(files[p]))
        if self._parallel and sum(len(files[p]) for p in uncached) >= _PARALLEL_MIN_CHARS:
            # The workers check each file as well as format it, and cache the result: on a big
            # spec the check alone (compile and black_reason over thousands of models) is seconds.
            if self._pool is None:  # forkserver: workers start small instead of copying this process
                context = multiprocessing.get_context("forkserver")
                self._pool = ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context)
            batches = _batches(uncached, files, cores or _TASKS_PER_CORE * (os.cpu_count() or 1))
            futures = [
                self._pool.submit(format_batch, [(p, files[p]) for p in batch], self._cache, [keys[p] for p in batch])
                for batch in batches
            ]
        else:
            batches = [uncached]
            futures = [_done(format_batch([(p, files[p]) for p in uncached], self._cache, [keys[p] for p in uncached]))]

        def result() -> dict[str, str]:
            for batch, future in zip(batches, futures):
                done.update(zip(batch, future.result()))
            return {path: done.get(path, text) for path, text in files.items()}

        return result


def _batches(paths: list[str], files: dict[str, str], count: int) -> list[list[str]]:
    """`paths` (biggest first) in `count` batches of about equal size: each goes to the
    batch with the least text so far."""
    batches: list[list[str]] = [[] for _ in range(max(1, min(count, len(paths))))]
    sizes = [0] * len(batches)
    for path in paths:
        smallest = sizes.index(min(sizes))
        batches[smallest].append(path)
        sizes[smallest] += len(files[path])
    return batches


def _done(value: list[str]) -> Future[list[str]]:
    future: Future[list[str]] = Future()
    future.set_result(value)
    return future


def format_batch(items: list[tuple[str, str]], cache: ContentCache | None = None, keys: list[str] | None = None) -> list[str]:
    """Several sources formatted, in order, each put in `cache` under its key (one task for a worker)."""
    results = [text if settled(path, text) else format_statements(path, text) for path, text in items]
    if cache is not None and keys is not None:
        for key, text in zip(keys, results):
            cache.put(key, text)
    return results


def format_statements(path: str, text: str) -> str:
    """One source formatted as black formats it, black given only the top-level statements (and
    class body statements) that `black_reason` finds something in: one long field of a 300-line
    module costs a field's formatting, not a module's. The whole file goes to black when it cannot
    be cut so (`settled.statements`)."""
    cut = statements(text) if _parses(path, text) else None  # black reports what does not parse
    if cut is None:
        return format_source(path, text)
    pieces: list[str] = []
    for blank, statement in cut:
        pieces.append("\n" * blank)
        if black_reason(statement) is None:
            pieces.append(statement)
        else:
            pieces.append(_by_hand(statement, 0, "") or _format_class(path, statement) or format_source(path, statement))
    return "".join(pieces)


def _format_class(path: str, statement: str) -> str | None:
    """A top-level class formatted statement by statement of its body, each after `SCAFFOLD`;
    None if it cannot be cut so or its head needs black."""
    cut = class_body(statement)
    if cut is None:
        return None
    head, body = cut
    if black_reason(head + "\n    pass\n") is not None:  # the head may end in a docstring
        laid = _by_hand(head, 0, "", after="\n    pass\n")
        if laid is None:
            return None
        head = laid
    pieces = [head]
    for blank, inner in body:
        scaffolded = SCAFFOLD + "\n" * blank + inner
        if black_reason(scaffolded) is None:
            pieces.append("\n" * blank + inner)
            continue
        laid = _by_hand(inner, 1, SCAFFOLD + "\n" * blank)
        if laid is not None:
            pieces.append("\n" * blank + laid)
            continue
        formatted = format_source(path, scaffolded)
        if not formatted.startswith(SCAFFOLD):
            return None
        pieces.append("\n" * blank + formatted[len(SCAFFOLD):].lstrip("\n"))
    return "".join(pieces)


def _by_hand(statement: str, depth: int, before: str, after: str = "") -> str | None:
    """A one-line statement at `depth` split by `split.lay_out` as black splits it, if that
    models its shape and black then finds nothing else to change (between `before` and `after`)."""
    indent = "    " * depth
    if not statement.startswith(indent) or statement.count("\n") != 1 or not statement.endswith("\n"):
        return None
    laid = lay_out(statement[len(indent) : -1], depth)
    if laid is None:
        return None
    laid += "\n"
    return laid if black_reason(before + laid + after) is None else None


def format_files(files: dict[str, str], parallel: bool = True) -> dict[str, str]:
    """The same files, Python sources formatted by black (cached; on all cores if `parallel`)."""
    with Formatter(parallel) as formatter:
        return formatter.start(files)()


def settled(path: str, text: str) -> bool:
    """Whether black would give `text` back as it is: valid Python (else black reports the bug)
    in which `black_reason` finds nothing."""
    return black_reason(text) is None and _parses(path, text)


def _parses(path: str, text: str) -> bool:
    try:
        compile(text, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


@cache
def mode() -> black.Mode:
    """black's settings for every file: Python 3.11 and lines of LINE_LENGTH."""
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion[_TARGET]}, line_length=LINE_LENGTH)


def __getattr__(name: str) -> black.Mode:
    """`MODE`, black's settings, made (and black imported) on first use."""
    if name == "MODE":
        return mode()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def format_source(path: str, text: str) -> str:
    """One source formatted; a TrunklineError if it is not valid Python (a generator bug)."""
    import black
    from black.parsing import InvalidInput

    try:
        return black.format_str(text, mode=mode())
    except InvalidInput as exc:
        reason = " ".join(str(exc).split())
        raise TrunklineError(f"generated {path} is not valid Python ({reason}); this is a Trunkline bug") from None
