"""`trunkline mock` reads a styled multipart field the way the generated client writes it, in 3.0 specs too.

The fixture is an OpenAPI 3.0 spec whose multipart body has deepObject fields (as Stripe's
PostFiles has): the client sends `link[create]`, `expand[0]` as text parts of their own, and the
mock must read them back into the object and the array its schema describes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.mock.app import MOCK_HEADER, MockApp
from generator.mock.model import mock_spec
from generator.reading.load import load
from tests.conformance.harness import generate, imported

SPEC = Path(__file__).resolve().parent / "fixtures" / "multipart_deep_30.yaml"
URL = "https://files.example.test/v1/files"


@pytest.fixture(scope="module")
def app() -> MockApp:
    """The mock's WSGI application over the 3.0 fixture."""
    return MockApp(mock_spec(load(SPEC)))


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The fixture's generated client package, imported."""
    package, src = generate(SPEC, tmp_path_factory.mktemp("uploads"), "uploads_30")
    with imported(package, src) as module:
        yield module


def _sent(uploads: ModuleType, app: MockApp, **fields: Any) -> tuple[httpx.Request, httpx.Response]:
    """Call files.create through the client with the mock behind it; the request and the mock's answer."""
    seen: list[httpx.Request] = []
    mock = httpx.WSGITransport(app=app)

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return mock.handle_request(request)

    with httpx.Client(transport=httpx.MockTransport(handle)) as http:
        client = uploads.Client(max_retries=0, http_client=http)
        raw = client.files.with_raw_response.create(**fields)
        answer = httpx.Response(raw.status_code, headers=raw.headers, content=raw.content)
    return seen[0], answer


def _parts(request: httpx.Request) -> list[tuple[str, bytes]]:
    """The (name, content) of each part of a multipart request, in order."""
    import email.parser
    import email.policy

    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    found = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        found.append((str(part.get_param("name", header="content-disposition")), payload if isinstance(payload, bytes) else b""))
    return found


def _post_body(parts: list[tuple[str, bytes]]) -> bytes:
    """A multipart body with boundary `b0undary`: each (name, content) a part, `file` a file part."""
    chunks = []
    for name, content in parts:
        disposition = f'form-data; name="{name}"' + ('; filename="a.png"' if name == "file" else "")
        chunks.append(f"--b0undary\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(chunks) + b"--b0undary--\r\n"


def _post(app: MockApp, parts: list[tuple[str, bytes]]) -> httpx.Response:
    """A hand-made multipart request to the mock."""
    headers = {"Content-Type": "multipart/form-data; boundary=b0undary"}
    with httpx.Client(transport=httpx.WSGITransport(app=app)) as http:
        return http.post(URL, content=_post_body(parts), headers=headers)


def test_client_sends_brackets_and_the_mock_accepts_them(uploads: ModuleType, app: MockApp) -> None:
    """The client's bracketed text parts (3.0 spec, deepObject and form explode=false) are accepted by the mock."""
    request, answer = _sent(
        uploads, app, file=b"\x89PNG\x00", purpose="avatar", expand=["x", "y"], tags=["a", "b"],
        link={"create": True, "expires_at": 7, "metadata": {"k": "v"}},
    )
    assert _parts(request) == [
        ("file", b"\x89PNG\x00"), ("purpose", b"avatar"), ("expand[0]", b"x"), ("expand[1]", b"y"),
        ("tags", b"a,b"), ("link[create]", b"true"), ("link[expires_at]", b"7"), ("link[metadata][k]", b"v"),
    ]
    assert answer.status_code == 200, answer.text
    assert answer.headers[MOCK_HEADER]


def test_mock_reads_the_bracketed_parts_into_the_schema_types(app: MockApp) -> None:
    """What the mock reads: the object and array back together, each leaf typed by its schema."""
    from generator.mock.checks import Incoming, check

    body = _post_body([("file", b"\x00"), ("purpose", b"evidence"), ("expand[0]", b"x"), ("tags", b"a,b"),
                       ("codes", b"p,q"), ("link[create]", b"false"), ("link[expires_at]", b"12")])
    op = next(o for o in app.spec.operations if o.operation_id == "files_create")
    incoming = Incoming("POST", {}, {}, {"content-type": "multipart/form-data; boundary=b0undary"}, {}, body)
    verdict = check(app.checker, op, incoming)
    assert verdict.problems == []
    assert verdict.body == {"file": "\x00", "purpose": "evidence", "expand": ["x"], "tags": ["a", "b"],
                            "codes": ["p", "q"], "link": {"create": False, "expires_at": 12}}


def test_explode_alone_means_style_form_and_its_content_type_is_ignored(app: MockApp) -> None:
    """`codes: {explode: false, contentType: application/json}`: style form, comma-joined, not JSON (OpenAPI 3.0.4, 3.1.1)."""
    op = next(o for o in app.spec.operations if o.operation_id == "files_create")
    assert op.body is not None
    encoding = op.body.encoding["multipart/form-data"]
    assert (encoding["codes"].style, encoding["codes"].explode, encoding["codes"].content_type) == ("form", False, "")
    assert (encoding["link"].style, encoding["link"].explode) == ("deepObject", True)
    assert "file" not in encoding  # no entry: the part goes by its type


@pytest.mark.parametrize(
    ("parts", "location"),
    [
        pytest.param([("link[create]", b"maybe")], "body/link/create", id="not-a-boolean"),
        pytest.param([("link[expires_at]", b"7")], "body/link", id="required-member-missing"),
        pytest.param([("link", json.dumps({"create": True}).encode())], "body/link", id="json-part-for-deepObject"),
        pytest.param([("bogus[a]", b"x")], "body", id="undeclared-field"),
    ],
)
def test_mock_refuses_a_wrong_styled_part(app: MockApp, parts: list[tuple[str, bytes]], location: str) -> None:
    """A bracketed value of the wrong type, a missing member, or the field not in its style: 400 at its place."""
    answer = _post(app, [("file", b"\x00"), ("purpose", b"avatar"), *parts])
    assert answer.status_code == 400, answer.text
    assert MOCK_HEADER not in answer.headers
    assert [e["location"] for e in answer.json()["errors"]] == [location]
