"""Runtime behaviours no vendor spec exercises (cookie API keys, binary responses), through a package generated from a small spec."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.runtime.support import FLAVOURS, Script

ROOT = Path(__file__).resolve().parents[2]

SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info:
      title: Probe
      version: "1"
      description: A spec written to exercise runtime paths the vendor specs do not use.
    servers:
      - url: https://probe.example.com/v1
    security:
      - sessionCookie: []
    tags:
      - name: media
        description: Media files.
    paths:
      /media/{mediaId}:
        get:
          operationId: media_get
          tags: [media]
          summary: Download one media file
          parameters:
            - name: mediaId
              in: path
              required: true
              schema: {type: string}
          responses:
            "200":
              description: The file.
              content:
                audio/mpeg:
                  schema: {type: string, format: binary}
            "404":
              description: No such file.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/Problem"
    components:
      securitySchemes:
        sessionCookie:
          type: apiKey
          in: cookie
          name: probe_session
          description: Session cookie.
      schemas:
        Problem:
          type: object
          required: [code]
          properties:
            code: {type: string, description: What went wrong.}
    """
)


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Any:
    base = tmp_path_factory.mktemp("probe")
    (base / "specs").mkdir()
    (base / "specs" / "probe.yaml").write_text(SPEC, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--specs", str(base / "specs"), "--out", str(base / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False, env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(base / "out" / "probe" / "src"))
    try:
        yield importlib.import_module("trunkline_probe")
    finally:
        sys.path.remove(str(base / "out" / "probe" / "src"))
        for name in [n for n in sys.modules if n.startswith("trunkline_probe")]:
            del sys.modules[name]


def _run(probe: Any, flavour: str, script: Script, action: Any, **kwargs: Any) -> Any:
    import asyncio

    if flavour == "sync":
        with probe.Client(http_client=httpx.Client(transport=httpx.MockTransport(script)), **kwargs) as client:
            return action(client)

    async def main() -> Any:
        async with probe.AsyncClient(http_client=httpx.AsyncClient(transport=httpx.MockTransport(script)), **kwargs) as client:
            value = action(client)
            return await value

    return asyncio.run(main())


AUDIO = b"ID3" + bytes(range(256)) * 8


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_cookie_api_key_and_binary_body(probe: Any, flavour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROBE_API_KEY", "cookie-secret")
    script = Script(httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/mpeg"}))
    result = _run(probe, flavour, script, lambda c: c.media.get(media_id="a/../b"))
    assert result == AUDIO
    request = script.requests[0]
    assert request.headers["cookie"] == "probe_session=cookie-secret"
    assert request.url.raw_path == b"/v1/media/a%2F..%2Fb"
    assert request.headers["accept"] == "audio/mpeg"  # the documented answer's type, not JSON


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_binary_body_streams_in_chunks(probe: Any, flavour: str) -> None:
    script = Script(httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/mpeg"}))
    options = {"stream": True}

    def action(client: Any) -> Any:
        if flavour == "sync":
            with client.media.with_raw_response.get(media_id="m", request_options=options) as raw:
                return list(raw.iter_bytes(100))

        async def read() -> Any:
            async with await client.media.with_raw_response.get(media_id="m", request_options=options) as raw:
                return [chunk async for chunk in raw.aiter_bytes(100)]

        return read()

    chunks = _run(probe, flavour, script, action, api_key="k")
    assert len(chunks) == len(AUDIO) // 100 + 1
    assert b"".join(chunks) == AUDIO


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_binary_operation_error_reads_its_json_model(probe: Any, flavour: str) -> None:
    script = Script(httpx.Response(404, json={"code": "gone"}))

    def action(client: Any) -> Any:
        return client.media.get(media_id="m")

    with pytest.raises(probe.NotFoundError) as caught:
        _run(probe, flavour, script, action, api_key="k")
    assert isinstance(caught.value.parsed, probe.models.Problem)
    assert caught.value.parsed.code == "gone"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_binary_answer_over_the_cap(probe: Any, flavour: str) -> None:
    script = Script(httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/mpeg"}))
    with pytest.raises(probe.ResponseTooLargeError):
        _run(probe, flavour, script, lambda c: c.media.get(media_id="m"), api_key="k", max_response_size=1000)
