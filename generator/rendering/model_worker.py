"""A process that imports datamodel-code-generator while the run reads the spec, then makes models.

That import is about a third of a small spec's cold run. `generate` and `check` start this
worker first when they have one package to render; it imports the library (and, if no call is
waiting yet, makes the models of a small schema, which loads the parts a run loads lazily) while
the main process loads, checks, builds and renders, and `call` later runs the
datamodel-code-generator step in it. The
worker is a fork of the process, taken before any thread starts and before the library is
imported, on Linux with a core to spare; anywhere else there is no worker and `call` runs the
step in this process, as before. Several packages render in a pool of processes instead.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from generator.errors import Location, TrunklineError

R = TypeVar("R")

_current: _Worker | None = None


@contextmanager
def prestarted(wanted: bool = True) -> Iterator[None]:
    """Within the block, a worker (when `wanted` and this machine can fork one) serves `call`."""
    global _current
    if not wanted or _current is not None or not _can_fork():
        yield
        return
    worker = _current = _Worker()
    try:
        yield
    finally:
        _current = None
        worker.stop()


def call(function: Callable[..., R], *args: Any) -> R:
    """`function(*args)` in the worker when one is running, else (or if it has died) in this process.

    `function` must be a module-level function, and its arguments and result picklable."""
    global _current
    worker = _current
    if worker is not None:
        try:
            return worker.call(function, *args)
        except _WorkerGone:
            worker.stop()
            _current = None
    return function(*args)


def _can_fork() -> bool:
    """Fork is safe only with no other thread running; it pays only with a second core."""
    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


class _WorkerGone(Exception):
    """The worker stopped answering; the call is made in this process instead."""


class _Worker:
    """One forked process answering calls over a pipe, one at a time."""

    def __init__(self) -> None:
        # What both processes need is imported once, before the fork (this process renders
        # with it later anyway); the worker then imports only the library.
        import generator.rendering.models  # noqa: F401

        ours, theirs = multiprocessing.get_context("fork").Pipe()
        self._connection = ours
        self._process: BaseProcess = multiprocessing.get_context("fork").Process(
            target=_serve, args=(theirs, ours), name="trunkline-models", daemon=True
        )
        self._process.start()
        theirs.close()

    def call(self, function: Callable[..., R], *args: Any) -> R:
        """Run `function(*args)` in the worker and return its result or raise its error."""
        try:
            self._connection.send((function, args))
            outcome, value = self._connection.recv()
        except (EOFError, OSError) as exc:  # the worker died (killed, out of memory): not the spec's doing
            raise _WorkerGone(str(exc)) from None
        if outcome == "error":
            raise _restored(value)
        result: R = value
        return result

    def stop(self) -> None:
        """End the worker, idle or not (it holds nothing that needs a clean exit), and reap it; again is harmless."""
        self._connection.close()
        self._process.terminate()
        self._process.join()


def _serve(connection: Connection, parent_end: Connection) -> None:
    """The worker: import the model generator, then run calls until the pipe closes."""
    parent_end.close()  # else the pipe never reports the parent gone
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it ends this
    _import_library()
    if not connection.poll():  # no call waiting yet: load the rest meanwhile (a waiting call loads it itself)
        _warm_up()
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", function(*args))
        except BaseException as exc:  # noqa: BLE001  (every failure goes back to the caller)
            answer = ("error", _portable(exc))
        connection.send(answer)


# Small, but with the shapes that make datamodel-code-generator load its other parts: a
# reference, an enum, a union, a list, a map, constraints, a default and descriptions.
_WARM_UP_SCHEMAS: dict[str, Any] = {
    "WarmUpKind": {"type": "string", "enum": ["a", "b"], "description": "A kind."},
    "WarmUp": {
        "type": "object",
        "description": "A model.",
        "required": ["id"],
        "properties": {
            "id": {"type": "integer", "minimum": 1, "description": "An id."},
            "kind": {"$ref": "#/$defs/WarmUpKind"},
            "name": {"anyOf": [{"type": "string", "maxLength": 9}, {"type": "null"}], "default": None},
            "tags": {"type": "array", "items": {"type": "string"}},
            "extra": {"type": "object", "additionalProperties": {"type": "number"}},
        },
    },
}


def _import_library() -> None:
    """The modules of datamodel-code-generator every run uses (the ones a run loads lazily come with `_warm_up`)."""
    import datamodel_code_generator.parser.jsonschema  # noqa: F401
    from datamodel_code_generator.model import pydantic_v2  # noqa: F401


def _warm_up() -> None:
    """Make the models of a small schema, with the cache off: this imports what
    datamodel-code-generator imports lazily, so the real call costs its own work only. A failure
    here is left for the real call to report, with its context."""
    from generator.rendering.models import render_models

    os.environ["TRUNKLINE_CACHE_DIR"] = "off"  # this process only; it makes nothing worth keeping
    try:
        render_models(_WARM_UP_SCHEMAS, "warm-up", parallel=False)
    except Exception:  # noqa: BLE001,S110
        pass


def _portable(error: BaseException) -> tuple[str, Any]:
    """`error` as data that survives pickling: a TrunklineError keeps its message and location."""
    if isinstance(error, TrunklineError):
        return ("trunkline", (error.message, error.location))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001
        return ("other", f"{type(error).__name__}: {error}")
    return ("exception", error)


def _restored(value: tuple[str, Any]) -> BaseException:
    kind, data = value
    if kind == "trunkline":
        message, location = data
        return TrunklineError(message, location if isinstance(location, Location) else None)
    if kind == "exception" and isinstance(data, BaseException):
        return data
    return RuntimeError(f"in the models worker: {data}")
