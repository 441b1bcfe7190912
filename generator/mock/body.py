"""Read a request body within a size cap, and parse JSON within a nesting bound: bad framing is a 4xx, not a 500."""

from __future__ import annotations

import io
import json
import re
from typing import IO, Any, Protocol

MAX_BODY = 10 * 1024 * 1024  # bytes of request body the mock reads at most (`--max-body`)
MAX_DEPTH = 100  # nesting of a JSON body the mock accepts: deeper would recurse in json and jsonschema
_PIECE = 64 * 1024  # bytes read at a time
_LINE = 4096  # longest chunk-size or trailer line taken
_MAX_TRAILERS = 100  # trailer lines taken after the last chunk
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,15})[ \t]*(;[^\r\n]*)?\r?\n")  # size, then extensions (ignored)


class BadBody(Exception):
    """A body the mock refuses before looking at its content: `status` (400 or 413) and what was wrong."""

    def __init__(self, status: int, message: str) -> None:
        """Keep the status to answer with."""
        super().__init__(message)
        self.status = status
        self.message = message


def read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The whole body of a WSGI request, at most `limit` bytes; BadBody when it is too large or malformed.

    A declared length over the limit is refused before anything is read; a chunked body is counted
    as it comes and cut off at the limit.
    """
    stream: IO[bytes] = environ["wsgi.input"]
    try:
        if environ.get("wsgi.input_terminated"):  # chunked (the server gives a Dechunked): no length known
            return _read_to_end(stream, limit)
        return _read_exactly(stream, _declared_length(environ.get("CONTENT_LENGTH"), limit))
    except TimeoutError as exc:
        raise BadBody(400, f"the body did not arrive in time: {exc}") from None
    except BrokenChunks as exc:
        raise BadBody(400, f"the chunked body is malformed: {exc}") from None
    except OSError as exc:  # reset by the client, or the like
        raise BadBody(400, f"the connection failed inside the body: {exc}") from None


def _declared_length(text: str | None, limit: int) -> int:
    """The Content-Length as a number (0 when absent); BadBody when it is not digits or exceeds `limit`."""
    text = (text or "").strip()
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()):
        raise BadBody(400, f"Content-Length {text[:40]!r} is not a number of bytes")
    if len(text.lstrip("0")) > len(str(limit)) or int(text) > limit:
        raise BadBody(413, f"the body is {text[:40]} bytes; the mock takes at most {limit} (--max-body)")
    return int(text)


def _read_exactly(stream: IO[bytes], length: int) -> bytes:
    """`length` bytes of `stream`; BadBody when it ends sooner (the client sent less than it declared)."""
    pieces: list[bytes] = []
    got = 0
    while got < length:
        piece = stream.read(min(_PIECE, length - got))
        if not piece:
            raise BadBody(400, f"the body ended after {got} of the {length} bytes its Content-Length declares")
        pieces.append(piece)
        got += len(piece)
    return b"".join(pieces)


def _read_to_end(stream: IO[bytes], limit: int) -> bytes:
    """A chunked body to its last chunk; BadBody 413 as soon as it passes `limit`."""
    pieces: list[bytes] = []
    got = 0
    while True:
        piece = stream.read(min(_PIECE, limit + 1 - got))  # never ask for more than one byte past the cap
        if not piece:
            return b"".join(pieces)
        got += len(piece)
        if got > limit:
            raise BadBody(413, f"the chunked body passed {limit} bytes, the most the mock takes (--max-body)")
        pieces.append(piece)


def parse_json(raw: bytes) -> Any:
    """A JSON body as a value; ValueError (with what is wrong) when it does not parse or nests too deep."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise ValueError(f"it nests deeper than {MAX_DEPTH} levels") from None
    if _too_deep(value):
        raise ValueError(f"it nests deeper than {MAX_DEPTH} levels")
    return value


def _too_deep(value: Any) -> bool:
    """Whether arrays and objects nest more than MAX_DEPTH levels, walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > MAX_DEPTH:
                    return True
                stack.append((child, depth + 1))
    return False


class Lines(Protocol):
    """A buffered byte stream: what Dechunked reads from."""

    def read(self, size: int = -1, /) -> bytes:
        """At most `size` bytes."""
        ...

    def readline(self, size: int = -1, /) -> bytes:
        """One line, at most `size` bytes."""
        ...


class BrokenChunks(ValueError):
    """A chunked body that does not follow RFC 9112 section 7.1."""


class Dechunked(io.RawIOBase):
    """The data of a chunked body read from `stream`; extensions and trailers are read and ignored.

    BrokenChunks says what is wrong with the framing; the stream's own errors (a timeout) pass through.
    """

    def __init__(self, stream: Lines) -> None:
        """Read chunks from `stream` (the connection, after the head)."""
        self.stream = stream
        self.left = 0  # bytes left in the current chunk
        self.done = False

    def readable(self) -> bool:
        """A readable stream."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill `buffer` with data of the current chunk (reading the next size line first); 0 at the end."""
        if self.done:
            return 0
        if self.left == 0:
            self.left = self._size()
            if self.left == 0:
                self._trailers()
                self.done = True
                return 0
        data = self.stream.read(min(len(buffer), self.left))
        if not data:
            raise BrokenChunks(f"the body ended with {self.left} bytes of a chunk still to come")
        buffer[: len(data)] = data
        self.left -= len(data)
        if self.left == 0 and self._line() not in (b"\r\n", b"\n"):
            raise BrokenChunks("a chunk is longer than its size says (no line end after its data)")
        return len(data)

    def _size(self) -> int:
        """The size on the next chunk-size line."""
        line = self._line()
        found = _CHUNK_SIZE.fullmatch(line)
        if found is None:
            shown = line[:40].decode("latin-1") if line else "the end of the body"
            raise BrokenChunks(f"expected a chunk size in hexadecimal, got {shown!r}")
        return int(found.group(1), 16)

    def _trailers(self) -> None:
        """Read the trailer section after the last chunk, up to its empty line."""
        for _ in range(_MAX_TRAILERS + 1):
            line = self._line()
            if line in (b"\r\n", b"\n"):
                return
            if not line.endswith(b"\n"):
                raise BrokenChunks("the body ended before the empty line after the last chunk")
        raise BrokenChunks(f"more than {_MAX_TRAILERS} trailer lines after the last chunk")

    def _line(self) -> bytes:
        """One line, at most _LINE bytes; BrokenChunks when it is longer."""
        line = self.stream.readline(_LINE + 1)
        if len(line) > _LINE:
            raise BrokenChunks(f"a line of the chunked framing is longer than {_LINE} bytes")
        return line
