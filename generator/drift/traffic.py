"""Read recorded traffic, an untrusted input: HAR 1.2 files and the drift logs of generated clients.

Both are bounded (file size, entries, line length); a file that does not parse, or an entry of the
wrong shape, is a TrunklineError at its file, line and JSON pointer.
"""

from __future__ import annotations

import base64
import binascii
import json
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from generator.drift.exchange import Exchange
from generator.errors import Location, TrunklineError
from generator.reading.load import Document, pointer

MAX_TRAFFIC_BYTES = 256 * 1024 * 1024  # a traffic file larger than this is refused
MAX_ENTRIES = 100_000  # exchanges (HAR entries or drift log lines) read from one file
MAX_LINE = 4 * 1024 * 1024  # characters of one drift log line
LOG_SUFFIXES = (".jsonl", ".ndjson", ".log")


@dataclass(frozen=True)
class LogRecord:
    """One line of a drift log: the operation a generated client called and what it tolerated."""

    method: str
    path: str  # the path template of the operation
    operation: str  # the client's name for it
    url: str  # already redacted by the client
    status: int
    drift: tuple[dict[str, Any], ...]
    where: Location
    content_type: str = ""  # the answer's media type, whose schema the drift paths are in ("" in older logs)


def read_text(path: Path) -> str:
    """A traffic file's text: a regular UTF-8 file of at most MAX_TRAFFIC_BYTES."""
    display = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise TrunklineError(f"cannot read the traffic file: {exc.strerror or exc}", Location(display)) from None
    if not stat.S_ISREG(info.st_mode):
        raise TrunklineError("not a regular file; give a HAR file or a drift log", Location(display))
    limit = MAX_TRAFFIC_BYTES // (1024 * 1024)
    too_big = TrunklineError(f"the traffic file is larger than {limit} MiB; split the recording", Location(display))
    if info.st_size > MAX_TRAFFIC_BYTES:
        raise too_big
    with open(path, "rb") as stream:
        data = stream.read(MAX_TRAFFIC_BYTES + 1)
    if len(data) > MAX_TRAFFIC_BYTES:
        raise too_big
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TrunklineError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8", Location(display, "", line, 1)) from None


def is_drift_log(path: Path, text: str) -> bool:
    """Whether a traffic file is a drift log (JSON lines) rather than a HAR file: by suffix, else by its first line."""
    if path.suffix.lower() in LOG_SUFFIXES:
        return True
    if path.suffix.lower() == ".har":
        return False
    first = text.lstrip().split("\n", 1)[0]
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and "drift" in value


def har_exchanges(path: Path, text: str) -> Iterator[Exchange]:
    """The exchanges of a HAR 1.2 file (`log.entries[]`); entries without an answer (status 0) are skipped."""
    display = str(path)
    try:
        data = json.loads(text)
    except RecursionError:
        raise TrunklineError("the HAR file nests too deeply", Location(display, "", 1, 1)) from None
    except json.JSONDecodeError as exc:
        raise TrunklineError(f"not JSON: {exc.msg}; give a HAR file exported by a browser or proxy", Location(display, "", exc.lineno, exc.colno)) from None
    document = Document(path, data, text, display, _is_json=True)
    entries = _get(document, data, "/log/entries", list)
    if len(entries) > MAX_ENTRIES:
        raise TrunklineError(f"more than {MAX_ENTRIES} entries; split the recording", document.locate("/log/entries"))
    for index, entry in enumerate(entries):
        at = pointer("log", "entries", index)
        request = _get(document, entry, at + "/request", dict, "/request")
        response = _get(document, entry, at + "/response", dict, "/response")
        status = response.get("status")
        if not isinstance(status, int) or isinstance(status, bool):
            raise TrunklineError("the response status is not a number", document.locate(at + "/response/status"))
        if status == 0:
            continue  # the browser got no answer (blocked or aborted)
        yield Exchange(
            method=str(_get(document, request, at + "/request/method", str, "/method")),
            url=str(_get(document, request, at + "/request/url", str, "/url")),
            request_headers=_headers(document, request, at + "/request"),
            request_body=_post_data(request.get("postData")),
            status=status,
            response_headers=_headers(document, response, at + "/response"),
            response_body=_content(document, response.get("content"), at + "/response/content"),
            source=f"{display}#{at}",
        )


def _get(document: Document, node: Any, ptr: str, kind: type, key: str | None = None) -> Any:
    """The member at the last token of `ptr` (read from `node`, or from the root) of type `kind`; a located error otherwise."""
    value: Any = node
    for token in (key or ptr).strip("/").split("/"):
        value = value.get(token) if isinstance(value, dict) else None
    if not isinstance(value, kind):
        noun = {"list": "a list", "dict": "an object", "str": "a string"}.get(kind.__name__, kind.__name__)
        raise TrunklineError(f"`{ptr.rsplit('/', 1)[-1]}` is missing or not {noun}; is this a HAR 1.2 file?", document.locate(ptr))
    return value


def _headers(document: Document, message: dict[str, Any], ptr: str) -> tuple[tuple[str, str], ...]:
    """The `headers` list of a HAR request or response as (name, value) pairs, HTTP/2 pseudo-headers left out."""
    raw = message.get("headers", [])
    if not isinstance(raw, list):
        raise TrunklineError("`headers` is not a list", document.locate(ptr + "/headers"))
    found = []
    for item in raw:
        name, value = (item.get("name"), item.get("value")) if isinstance(item, dict) else (None, None)
        if isinstance(name, str) and isinstance(value, str) and not name.startswith(":"):
            found.append((name, value))
    return tuple(found)


def _post_data(raw: Any) -> bytes:
    """A request body: `postData.text`, else its `params` as a form."""
    if not isinstance(raw, dict):
        return b""
    if isinstance(raw.get("text"), str):
        return str(raw["text"]).encode("utf-8", "surrogatepass")
    params = raw.get("params")
    if isinstance(params, list):
        pairs = [(str(p.get("name", "")), str(p.get("value", ""))) for p in params if isinstance(p, dict)]
        return urlencode(pairs).encode("ascii")
    return b""


def _content(document: Document, raw: Any, ptr: str) -> bytes:
    """A response body: `content.text`, base64-decoded when `content.encoding` says so."""
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return b""
    if str(raw.get("encoding", "")).lower() == "base64":
        try:
            return base64.b64decode(str(raw["text"]), validate=False)
        except (binascii.Error, ValueError):
            raise TrunklineError("`content.text` is not valid base64", document.locate(ptr + "/text")) from None
    return str(raw["text"]).encode("utf-8", "surrogatepass")


def log_records(path: Path, text: str) -> Iterator[LogRecord]:
    """The records of a drift log: one JSON object per line (blank lines skipped)."""
    display = str(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if number > MAX_ENTRIES:
            raise TrunklineError(f"more than {MAX_ENTRIES} lines; split the log", Location(display, "", number, 1))
        where = Location(display, "", number, 1)
        if len(line) > MAX_LINE:
            raise TrunklineError(f"a line longer than {MAX_LINE} characters", where)
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            raise TrunklineError("not a JSON object; each line of a drift log is one", where) from None
        if not isinstance(value, dict) or not isinstance(value.get("drift"), list):
            raise TrunklineError("not a drift log record (an object with a `drift` list)", where)
        status = value.get("status")
        yield LogRecord(
            method=str(value.get("method", "")).upper(),
            path=str(value.get("path", "")),
            operation=str(value.get("operation", "")),
            url=str(value.get("url", "")),
            status=status if isinstance(status, int) and not isinstance(status, bool) else 0,
            drift=tuple(d for d in value["drift"] if isinstance(d, dict)),
            where=where,
            content_type=str(value.get("content_type") or ""),
        )
