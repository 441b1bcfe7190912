"""Request bodies on the wire (issue 18): form bodies with their `encoding`, multipart parts, files and raw bodies.

Form bodies are compared byte for byte; multipart bodies are parsed back with the standard
library's email parser and compared part by part (name, filename, content type, bytes).
"""

from __future__ import annotations

import email.parser
import email.policy
import importlib
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.wire_support import FLAVOURS, package, send

_OK = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}


def _post(op_id: str, media: str, schema: dict[str, Any], encoding: dict[str, Any] | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": schema}
    if encoding:
        content["encoding"] = encoding
    return {"post": {"operationId": op_id, "tags": ["bodies"], "requestBody": {"required": True, "content": {media: content}}, "responses": _OK}}


_ADDRESS = {"type": "object", "properties": {"city": {"type": "string"}, "line1": {"type": "string"}}}
_FORM = "application/x-www-form-urlencoded"
_MULTI = "multipart/form-data"

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Bodies", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "bodies"}],
    "paths": {
        # Stripe's shape: nested fields and arrays under `style: deepObject, explode: true`
        "/customers": _post("create_customer", _FORM, {"type": "object", "properties": {
            "address": _ADDRESS, "expand": {"type": "array", "items": {"type": "string"}},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}}, "name": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "properties": {"price": {"type": "string"}, "quantity": {"type": "integer"}}}},
        }}, {k: {"style": "deepObject", "explode": True} for k in ("address", "expand", "metadata", "items")}),
        # Twilio's shape: no encoding object, so style form, explode true
        "/messages": _post("send_message", _FORM, {"type": "object", "required": ["To"], "properties": {
            "To": {"type": "string"}, "Body": {"type": "string"}, "MediaUrl": {"type": "array", "items": {"type": "string"}},
            "Flag": {"type": "boolean"}, "Price": {"type": "number"},
        }}),
        "/styled": _post("styled_form", _FORM, {"type": "object", "properties": {
            "tags": {"type": "array", "items": {"type": "string"}}, "pipes": {"type": "array", "items": {"type": "string"}},
            "spaces": {"type": "array", "items": {"type": "string"}}, "point": {"type": "object"}, "url": {"type": "string"},
        }}, {"tags": {"explode": False}, "pipes": {"style": "pipeDelimited", "explode": False},
             "spaces": {"style": "spaceDelimited", "explode": False}, "url": {"allowReserved": True}}),
        "/upload": _post("upload", _MULTI, {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}, "purpose": {"type": "string"}, "meta": {"type": "object"},
            "tags": {"type": "array", "items": {"type": "string"}}, "count": {"type": "integer"},
            "image": {"type": "string", "contentMediaType": "image/png"},
            "attachments": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "doc": {"type": "string", "format": "binary"},
            "note": {"type": "string"}, "pics": {"type": "string", "format": "binary"},
        }}, {"doc": {"contentType": "application/pdf"}, "meta": {"contentType": "application/vnd.meta+json"},
             "note": {"contentType": "text/plain\r\nX-Evil: 1"}, "pics": {"contentType": "image/png, image/jpeg"}}),
        # Stripe's file upload: a file part, and fields whose encoding names a style go as form pairs
        "/files": _post("stripe_file", _MULTI, {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}, "expand": {"type": "array", "items": {"type": "string"}},
            "file_link_data": {"type": "object", "properties": {"create": {"type": "boolean"}, "metadata": {"type": "object"}}},
        }}, {"expand": {"style": "deepObject", "explode": True}, "file_link_data": {"style": "deepObject", "explode": True}}),
        "/any": _post("any_body", "*/*", {"type": "object", "properties": {"a": {"type": "integer"}}}),
        "/nothing": _post("empty_upload", _MULTI, {"type": "object", "properties": {"note": {"type": "string"}}}),
        "/raw": _post("raw_upload", "application/octet-stream", {"type": "string", "format": "binary"}),
        "/note": _post("note", "text/plain", {"type": "string"}),
    },
}

PNG = b"\x89PNG\r\n\x1a\n\x00\xff\xfe" + bytes(range(256))


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("bodies"), "bodies") as module:
        yield module


def _parts(request: httpx.Request) -> list[tuple[str | None, str | None, str | None, bytes]]:
    """(name, filename, content type, bytes) of every part of a multipart request, in order."""
    ctype = request.headers["Content-Type"]
    assert ctype.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + request.content)
    assert message.is_multipart()
    result = []
    for part in message.iter_parts():
        disposition = part.get("Content-Disposition", "")
        assert disposition.startswith("form-data")
        result.append((part.get_param("name", header="content-disposition"), part.get_filename(), part.get("Content-Type"), part.get_payload(decode=True)))
    return result


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_stripe_nested_form(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.create_customer(
        metadata={"a": "b", "order id": "7&8"}, expand=["x", "y"], address={"city": "Köln", "line1": "l"}, name="Ann Lee",
        items=[{"price": "price_1", "quantity": 2}],
    ))
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == (
        b"address[city]=K%C3%B6ln&address[line1]=l&expand[0]=x&expand[1]=y&metadata[a]=b&metadata[order%20id]=7%268"
        b"&name=Ann%20Lee&items[0][price]=price_1&items[0][quantity]=2"
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_form_arrays_default_to_form_exploded(bodies: ModuleType, flavour: str) -> None:
    """Twilio-style: no encoding object, so an array repeats its name (`MediaUrl=a&MediaUrl=b`)."""
    fields = {"To": "+15551234567", "Body": "hi there", "MediaUrl": ["https://a.example/1.png", "https://a.example/2.png"], "Flag": True, "Price": 1.5}
    request, _ = send(bodies, flavour, lambda c: c.bodies.send_message(body=fields))  # `Body` is a field: the body goes whole
    assert request.content == (
        b"To=%2B15551234567&Body=hi%20there&MediaUrl=https%3A%2F%2Fa.example%2F1.png&MediaUrl=https%3A%2F%2Fa.example%2F2.png"
        b"&Flag=true&Price=1.5"
    )


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_form_encoding_styles(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.styled_form(
        tags=["a", "b"], pipes=["c", "d"], spaces=["e", "f"], point={"x": 1, "y": 2}, url="https://h.example/p?q",
    ))
    assert request.content == b"tags=a,b&pipes=c|d&spaces=e%20f&x=1&y=2&url=https://h.example/p?q"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_multipart_parts(bodies: ModuleType, flavour: str, tmp_path: Path) -> None:
    on_disk = tmp_path / "report.pdf"
    on_disk.write_bytes(b"%PDF-1.4\n\xe2\x82\xac\xff")
    request, _ = send(bodies, flavour, lambda c: c.bodies.upload(
        file=PNG, purpose="dispute evidence", meta={"k": ["v", 1]}, tags=["a", "b"], count=3,
        image=("pic.png", io.BytesIO(PNG), "image/png"), attachments=[io.BytesIO(b"one"), ("two.txt", b"two")], doc=on_disk,
    ))
    assert _parts(request) == [
        ("file", "file", "application/octet-stream", PNG),
        ("purpose", None, None, b"dispute evidence"),
        ("meta", None, "application/vnd.meta+json", b'{"k":["v",1]}'),
        ("tags", None, None, b"a"),
        ("tags", None, None, b"b"),
        ("count", None, None, b"3"),
        ("image", "pic.png", "image/png", PNG),
        ("attachments", "attachments", "application/octet-stream", b"one"),
        ("attachments", "two.txt", "application/octet-stream", b"two"),
        ("doc", "report.pdf", "application/pdf", b"%PDF-1.4\n\xe2\x82\xac\xff"),
    ]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_multipart_styled_fields_are_form_pairs(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.stripe_file(
        file=("evidence.png", PNG), expand=["links"], file_link_data={"create": True, "metadata": {"order": "7 8"}},
    ))
    assert _parts(request) == [
        ("file", "evidence.png", "application/octet-stream", PNG),
        ("expand[0]", None, None, b"links"),
        ("file_link_data[create]", None, None, b"true"),
        ("file_link_data[metadata][order]", None, None, b"7 8"),
    ]


def test_multipart_part_types_from_the_spec_are_header_safe(bodies: ModuleType) -> None:
    """A contentType no header can carry falls back to the default; nothing reaches the part headers. A list sends its
    first type (tests/test_multipart_part_types.py has the rest)."""
    request, _ = send(bodies, "sync", lambda c: c.bodies.upload(file=b"x", note="n", pics=b"p"))
    assert b"X-Evil" not in request.content
    assert _parts(request)[1:] == [("note", None, None, b"n"), ("pics", "pics", "image/png", b"p")]


def test_multipart_file_field_refuses_text(bodies: ModuleType) -> None:
    with pytest.raises(TypeError, match="file field 'file'"):
        send(bodies, "sync", lambda c: c.bodies.upload(file=io.StringIO("text")))


def test_multipart_file_streams_in_chunks(bodies: ModuleType) -> None:
    """A large file is read chunk by chunk while the request is sent, never whole."""

    class Tracked(io.BytesIO):
        biggest = 0

        def read(self, size: int | None = -1) -> bytes:
            assert size is not None and 0 < size <= 1024 * 1024, f"read({size}) reads the file whole"
            data = super().read(size)
            Tracked.biggest = max(Tracked.biggest, len(data))
            return data

    big = Tracked(b"\x00\xff" * (2 * 1024 * 1024))
    request, _ = send(bodies, "sync", lambda c: c.bodies.upload(file=("big.bin", big)))
    parts = _parts(request)
    assert parts[0][1] == "big.bin" and len(parts[0][3]) == 4 * 1024 * 1024
    assert 0 < Tracked.biggest <= 1024 * 1024


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_octet_stream_body_from_bytes_file_and_path(bodies: ModuleType, flavour: str, tmp_path: Path) -> None:
    on_disk = tmp_path / "blob.bin"
    on_disk.write_bytes(PNG * 1000)
    for value, expected in ((PNG, PNG), (io.BytesIO(PNG), PNG), (on_disk, PNG * 1000)):
        request, _ = send(bodies, flavour, lambda c, v=value: c.bodies.raw_upload(body=v))
        assert request.headers["Content-Type"] == "application/octet-stream"
        assert request.content == expected
        assert request.headers["Content-Length"] == str(len(expected))


def _thread_tracked() -> tuple[set[int], type[io.BytesIO]]:
    """The threads that read a file, and the file type that records them."""
    readers: set[int] = set()

    class Tracked(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            readers.add(threading.get_ident())
            return super().read(size)

    return readers, Tracked


def test_async_file_body_is_read_off_the_event_loop(bodies: ModuleType) -> None:
    """The async client reads a file body in worker threads, never on the thread running the loop."""
    readers, Tracked = _thread_tracked()
    loop_thread: list[int] = []

    def call(client: Any) -> Any:
        loop_thread.append(threading.get_ident())
        return client.bodies.raw_upload(body=Tracked(PNG * 50_000))

    request, _ = send(bodies, "async", call)
    assert request.content == PNG * 50_000
    assert readers and loop_thread[0] not in readers


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_text_plain_body(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.note(body="héllo"))
    assert request.headers["Content-Type"] == "text/plain"
    assert request.content == "héllo".encode()


def test_file_fields_are_typed(bodies: ModuleType) -> None:
    import inspect

    rt = importlib.import_module(bodies.__name__ + "._runtime")

    signature = inspect.signature(bodies.Client(base_url="https://x.example").bodies.upload)
    assert signature.parameters["file"].annotation == "FileInput"
    assert signature.parameters["attachments"].annotation == "list[FileInput] | NotGiven"
    assert "FileInput" in rt.__all__


def test_readme_shows_an_upload_and_a_nested_form(bodies: ModuleType, tmp_path: Path) -> None:
    from tests.fuzz.roundtrip import generate

    readme = generate(SPEC, tmp_path, "bodies_readme").files["README.md"]
    section = readme.split("## Uploads and form bodies", 1)[1].split("\n## ", 1)[0]
    assert 'client.bodies.upload(file=Path("report.pdf"))' in section
    assert 'client.bodies.raw_upload(body=Path("upload.bin"))' in section
    assert (  # values of the field types (a model from its JSON), from the schema where nothing is documented
        'client.bodies.create_customer(address=models.CreateCustomerBodyAddress.model_validate({"city": "string", "line1": "string"}),'
        ' expand=["string"], metadata={"key": "string"})'
    ) in section
    assert "key[member]=value" in section


def test_streamed_body_is_sent_again_on_retry(bodies: ModuleType, tmp_path: Path) -> None:
    """A retried PUT/POST sends the whole file again, not the empty rest of it."""
    on_disk = tmp_path / "again.bin"
    on_disk.write_bytes(PNG * 10)
    bodies_seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies_seen.append(request.read())
        return httpx.Response(503 if len(bodies_seen) == 1 else 200, json={})

    client = bodies.Client(base_url="https://api.example.com/v1", http_client=httpx.Client(transport=httpx.MockTransport(handler)),
                           retry_non_idempotent=True, sleep=lambda _: None)
    with open(on_disk, "rb") as handle:
        client.bodies.raw_upload(body=handle)
    assert bodies_seen == [PNG * 10, PNG * 10]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_wildcard_body_type_goes_as_json(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.any_body(a=1))
    assert request.headers["Content-Type"] == "application/json" and request.content == b'{"a":1}'


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_required_multipart_body_without_fields_is_an_empty_multipart(bodies: ModuleType, flavour: str) -> None:
    request, _ = send(bodies, flavour, lambda c: c.bodies.empty_upload())
    boundary = request.headers["Content-Type"].split("boundary=", 1)[1]
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert request.content == f"--{boundary}--\r\n".encode()


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_hostile_keys_and_filenames_stay_inside_their_field(bodies: ModuleType, flavour: str) -> None:
    """A key cannot forge brackets or another pair; a filename cannot add a part header or end the part."""
    request, _ = send(bodies, flavour, lambda c: c.bodies.create_customer(metadata={"a]&x[b": "v=1&y=2"}))
    assert request.content == b"metadata[a%5D%26x%5Bb]=v%3D1%26y%3D2"
    evil = 'x.png"\r\nContent-Type: text/html\r\n\r\n<script>'
    request, _ = send(bodies, flavour, lambda c: c.bodies.upload(file=(evil, b"data")))
    assert b"\r\nContent-Type: text/html" not in request.content
    parts = _parts(request)
    assert len(parts) == 1 and parts[0][2] == "application/octet-stream" and parts[0][3] == b"data"
    with pytest.raises(ValueError, match="line break"):
        send(bodies, flavour, lambda c: c.bodies.upload(file=("f", b"d", "text/plain\r\nX-Evil: 1")))


def test_async_multipart_file_part_is_read_off_the_event_loop(bodies: ModuleType) -> None:
    """The async client reads a multipart file part in worker threads, never on the loop's thread;
    the sync client reads it as it sends, and both send the same parts."""
    readers, Tracked = _thread_tracked()
    loop_thread: list[int] = []

    def call(client: Any) -> Any:
        loop_thread.append(threading.get_ident())
        return client.bodies.upload(file=("big.bin", Tracked(PNG * 50_000)))

    sent = {}
    for flavour in FLAVOURS:
        readers.clear()
        loop_thread.clear()
        request, _ = send(bodies, flavour, call)
        sent[flavour] = [(p[0], p[1], p[3]) for p in _parts(request)]
        assert sent[flavour][0] == ("file", "big.bin", PNG * 50_000)
        assert readers and (loop_thread[0] in readers) == (flavour == "sync")
    assert sent["async"] == sent["sync"]
