"""`trunkline verify`: recorded traffic (a HAR file, a client's drift log) from a fake Hipcall with planted departures.

Every planted departure must be found at its place in the spec (pointer and line), nothing else,
and the API key must appear in no output format.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.cli import main
from generator.drift import traffic
from generator.drift.checker import DriftChecker
from generator.drift.exchange import Exchange
from generator.drift.redact import Redactor
from generator.reading.load import load
from tests.drift_upstream import LINE_TEXT, PLANTED, SPEC, TOKEN, HarRecorder, Upstream, example, session
from tests.replay import client_module

KINDS = {kind for kind, _ in PLANTED}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The session against the fake upstream, recorded as a HAR file, with the client's drift log."""
    folder = tmp_path_factory.mktemp("traffic")
    har, log = folder / "session.har", folder / "drift.jsonl"
    previous = os.environ.get("HIPCALL_DRIFT_LOG")
    os.environ["HIPCALL_DRIFT_LOG"] = str(log)
    try:
        with Upstream().running() as upstream:
            recorder = HarRecorder()
            with recorder.client() as http:
                session(upstream.url, http)
        recorder.write(har)
    finally:
        if previous is None:
            del os.environ["HIPCALL_DRIFT_LOG"]
        else:
            os.environ["HIPCALL_DRIFT_LOG"] = previous
    yield har, log


def verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `trunkline verify` in-process: exit status, stdout, stderr."""
    status = main(["verify", str(SPEC), *args])
    out, err = capsys.readouterr()
    return status, out, err


def spec_lines() -> list[str]:
    return SPEC.read_text().splitlines()


def test_every_planted_departure_is_found_at_its_place(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    har, _ = recorded
    status, out, err = verify(capsys, str(har), "--format", "json")
    assert status == 1, err  # errors among them: the default --fail-on
    report = json.loads(out)
    assert report["exchanges"] == 6
    found = {(f["kind"], f["pointer"]) for f in report["findings"]}
    assert found == PLANTED  # each one, nothing else
    document = load(SPEC)
    lines = spec_lines()
    for f in report["findings"]:
        assert f["file"] == str(SPEC)
        assert f["count"] == 1
        assert f["line"] == document.locate(f["pointer"]).line
        assert lines[f["line"] - 1].strip() == LINE_TEXT[f["pointer"]], f["pointer"]
    by_kind = {f["kind"]: f for f in report["findings"]}
    assert by_kind["wrong-type"]["operation"] == "GET /numbers/{id}"
    assert by_kind["wrong-type"]["seen"] == "/data/id: \"1\" (is not of type 'integer')"
    assert by_kind["undocumented-operation"]["operation"] == "DELETE /numbers/{id}"
    assert by_kind["enum-value"]["seen"] == "/data/0/direction: 7 (is not one of [1, 2, 3])"
    assert by_kind["undocumented-field"]["seen"] == "/data has 'echo': \"[redacted]\""  # the token, scrubbed


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif"])
def test_no_secret_in_any_format(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    har, log = recorded
    assert TOKEN in har.read_text() or TOKEN.encode() in har.read_bytes()  # the recording has it (Authorization)
    status, out, err = verify(capsys, str(har), str(log), "--format", fmt)
    assert status == 1
    assert TOKEN not in out and TOKEN not in err
    assert "[redacted]" in out


def test_sarif_points_into_the_spec(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    har, _ = recorded
    _, out, _ = verify(capsys, str(har), "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    document = load(SPEC)
    pointers = set()
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "specs/hipcall.yaml", "uriBaseId": "%SRCROOT%"}
        ptr = result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        assert physical["region"]["startLine"] == document.locate(ptr).line
        pointers.add((result["ruleId"], ptr))
    assert pointers == PLANTED


def test_markdown_table_has_one_row_per_finding(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    har, _ = recorded
    _, out, _ = verify(capsys, str(har), "--format", "markdown")
    assert out.startswith("### Spec drift: 11 findings in 6 exchanges\n")
    rows = [line for line in out.splitlines() if line.startswith("| `specs/hipcall.yaml:")]
    assert len(rows) == 11


def test_the_drift_log_gives_the_same_places(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, log = recorded
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(r["operation"], r["method"], r["path"], r["status"]) for r in records] == [
        ("calls_list", "GET", "/cdrs", 200), ("extensions_list", "GET", "/extensions", 200)]
    assert TOKEN not in log.read_text()
    status, out, _ = verify(capsys, str(log), "--format", "json")
    found = {(f["kind"], f["pointer"]) for f in json.loads(out)["findings"]}
    assert found == {("enum-value", "/components/schemas/CallDirection"),
                     ("missing-field", "/components/schemas/PaginationMeta/required/4")}
    assert status == 1


def test_findings_are_aggregated_with_counts_in_a_stable_order(recorded: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    har, _ = recorded
    _, once, _ = verify(capsys, str(har), "--format", "json")
    _, twice, _ = verify(capsys, str(har), str(har), "--format", "json")
    first, second = json.loads(once)["findings"], json.loads(twice)["findings"]
    assert [(f["pointer"], f["kind"]) for f in first] == [(f["pointer"], f["kind"]) for f in second]
    assert {f["count"] for f in second} == {2}
    assert [f["line"] for f in first] == sorted(f["line"] for f in first)


def _har(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    path = tmp_path / "one.har"
    path.write_text(json.dumps({"log": {"version": "1.2", "entries": list(entries)}}))
    return path


def _entry(method: str, url: str, status: int, body: Any) -> dict[str, Any]:
    return {
        "request": {"method": method, "url": url, "headers": [{"name": "Authorization", "value": f"Bearer {TOKEN}"}]},
        "response": {"status": status, "headers": [{"name": "Content-Type", "value": "application/json"}],
                     "content": {"mimeType": "application/json", "text": json.dumps(body)}},
    }


def test_documented_traffic_is_clean_and_fail_on_chooses_what_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = load(SPEC)
    clean = _har(tmp_path, _entry("GET", "https://api.hipcall.com/api/v20211124/numbers/1", 200, example(document, "/numbers/{id}", "get")))
    status, out, _ = verify(capsys, str(clean), "--format", "json")
    assert (status, json.loads(out)["findings"]) == (0, [])
    warning_only = _har(tmp_path, _entry("DELETE", "https://api.hipcall.com/api/v20211124/numbers/1", 200, {}))
    assert verify(capsys, str(warning_only))[0] == 0  # a warning does not fail by default
    assert verify(capsys, str(warning_only), "--fail-on", "warning")[0] == 1
    assert verify(capsys, str(warning_only), "--fail-on", "undocumented-operation")[0] == 1
    assert verify(capsys, str(warning_only), "--fail-on", "wrong-type")[0] == 0


def test_unreadable_traffic_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.har"
    broken.write_text('{"log": {"entries": [\n  {"request": ]}}')
    status, _, err = verify(capsys, str(broken))
    assert status == 2
    assert f"{broken}:2:" in err and "not JSON" in err
    shaped = tmp_path / "shaped.har"
    shaped.write_text('{"log": {"entries": {"request": 1}}}')
    status, _, err = verify(capsys, str(shaped))
    assert status == 2
    assert f"{shaped}:1:" in err and "/log/entries" in err and "not a list" in err
    log = tmp_path / "bad.jsonl"
    log.write_text('{"drift": []}\nnot json\n')
    status, _, err = verify(capsys, str(log))
    assert status == 2 and f"{log}:2:1" in err
    monkeypatch.setattr(traffic, "MAX_TRAFFIC_BYTES", 10)
    status, _, err = verify(capsys, str(shaped))
    assert status == 2 and "larger than" in err


def test_entries_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry("GET", "https://api.hipcall.com/api/v20211124/numbers/1", 200, {})
    many = _har(tmp_path, entry, entry, entry)
    monkeypatch.setattr(traffic, "MAX_ENTRIES", 2)
    status, _, err = verify(capsys, str(many))
    assert status == 2 and "more than 2 entries" in err


OPEN_SPEC = """\
openapi: 3.0.3
info: {title: t, version: '1'}
components:
  securitySchemes:
    key: {type: apiKey, in: query, name: api_key}
security: [{key: []}]
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  listed:
                    type: object
                    properties: {a: {type: string}}
                  open:
                    type: object
                    additionalProperties: true
                    properties: {a: {type: string}}
                  free:
                    type: object
"""


def test_undocumented_fields_only_where_a_schema_lists_its_own(tmp_path: Path) -> None:
    spec = tmp_path / "open.yaml"
    spec.write_text(OPEN_SPEC)
    checker = DriftChecker(load(spec))
    body = {"listed": {"a": "x", "b": 1}, "open": {"a": "x", "b": 1}, "free": {"b": 1}}
    exchange = Exchange("GET", "http://h/things?api_key=KEY-0451-secret", (), b"", 200,
                        (("Content-Type", "application/json"),), json.dumps(body).encode())
    found = [(d.kind, d.location.pointer) for d in checker.check(exchange)]
    listed = "/paths/~1things/get/responses/200/content/application~1json/schema/properties/listed/properties/b"
    assert found == [("undocumented-field", listed)]


def test_query_credentials_are_masked_and_scrubbed(tmp_path: Path) -> None:
    spec = tmp_path / "open.yaml"
    spec.write_text(OPEN_SPEC)
    checker = DriftChecker(load(spec))
    redactor = Redactor.of(checker.spec)
    assert redactor.query == frozenset({"api_key"})
    assert redactor.url("http://h/x?api_key=KEY-0451-secret&page=2") == "http://h/x?api_key=[redacted]&page=2"
    exchange = Exchange("GET", "http://h/nowhere?api_key=KEY-0451-secret", (), b"", 200)
    (undocumented,) = checker.check(exchange)
    assert undocumented.kind == "undocumented-operation"
    assert "KEY-0451-secret" not in undocumented.seen


def test_the_client_drift_log_never_holds_its_credential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hipcall = client_module("hipcall")
    body = example(load(SPEC), "/cdrs", "get")
    body["data"][0]["direction"] = f"echo {TOKEN}"  # the API echoes the key into a drifting value

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    log = tmp_path / "drift.jsonl"
    monkeypatch.setenv("HIPCALL_DRIFT_LOG", str(log))
    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        client = hipcall.Client(api_key=TOKEN, base_url="https://api.example.test/v1", http_client=http, strict=False)
        client.calls.list()
    (line,) = log.read_text().splitlines()
    record = json.loads(line)
    assert TOKEN not in line
    assert record["drift"][0]["value"] == "echo [redacted]"
    assert (record["operation"], record["status"], record["drift"][0]["loc"]) == ("calls_list", 200, ["data", 0, "direction"])
