"""An answer documented in several media types is read by the schema of the Content-Type it came in (issue 18).

va.gov documents one answer as application/json, application/geo+json and application/vnd.geo+json
with different schemas; the client read each with the schema of the one type it picked. The
fixture (tests/fixtures/media_types.yaml) has JSON, geo+json (twice, same schema) and text/csv
answers of one operation, one operation whose two JSON types share a schema, and one with
different inline schemas.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from generator.cli import main
from generator.modeling.build import build
from generator.reading.load import load
from generator.rendering.type_source import source
from tests.wire_support import FLAVOURS, package, send

FIXTURE = Path(__file__).parent / "fixtures" / "media_types.yaml"
SPEC: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
DOCUMENTED = "application/json, application/geo+json, application/vnd.geo+json, text/csv"
FACILITY = {"id": "f1", "name": "Clinic", "visits": 3}
GEO = {"type": "Feature", "geometry": {"coordinates": [1.5, -2.0]}, "properties": {"name": "Clinic"}}
MODES = (True, False)  # strict, lenient


@pytest.fixture(scope="module")
def facilities(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("facilities"), "facilities") as module:
        yield module


def _answer(content_type: str | None, body: bytes) -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type is not None else {}
    return httpx.Response(200, content=body, headers=headers)


def _get(module: ModuleType, flavour: str, answer: httpx.Response, strict: bool, method: str = "get") -> Any:
    def call(client: Any) -> Any:
        kwargs: dict[str, Any] = {"id": "f1"} if method == "get" else {}
        return getattr(client.facilities, method)(request_options={"strict": strict}, **kwargs)

    request, result = send(module, flavour, call, answer)
    assert request.headers["Accept"] == "application/json"  # the picked type, as before
    return result


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


# -- the IR and the generated code ----------------------------------------------------------


def test_the_ir_keeps_each_media_type_with_its_own_type(tmp_path: Path) -> None:
    path = tmp_path / "media_types.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    ops = {op.operation_id: op for op in build(load(path), "facilities").operations}
    ok = ops["facilities_get"].responses[0]
    assert ok.content_type == "application/json"
    assert [(a.media_type, a.kind, source(a.type, frozenset())) for a in ok.answers] == [
        ("application/json", "json", "models.Facility"),
        ("application/geo+json", "json", "models.GeoFacility"),
        ("application/vnd.geo+json", "json", "models.GeoFacility"),
        ("text/csv", "text", "str"),
    ]
    assert [(g.kind, source(g.type, frozenset()), g.media_types) for g in ok.readings] == [
        ("json", "models.Facility", ("application/json",)),
        ("json", "models.GeoFacility", ("application/geo+json", "application/vnd.geo+json")),
        ("text", "str", ("text/csv",)),
    ]
    assert source(ops["facilities_get"].return_type, frozenset()) == "models.Facility | models.GeoFacility | str"
    # the same (inline) schema in two media types: one reading, one model, the return type as before
    listed = ops["facilities_list"].responses[0]
    assert [(g.kind, source(g.type, frozenset()), g.media_types) for g in listed.readings] == [
        ("json", "models.FacilitiesListResponse", ("application/json", "application/vnd.api+json"))
    ]
    assert source(ops["facilities_list"].return_type, frozenset()) == "models.FacilitiesListResponse"
    assert source(ops["facilities_stats"].return_type, frozenset()) == "models.FacilitiesStatsResponse | models.FacilitiesStatsResponseGeoJson"


def test_the_generated_specs(facilities: ModuleType) -> None:
    resource = import_module(f"{facilities.__name__}.resources.facilities")
    ok = resource._GET.responses["200"]
    assert (ok.kind, ok.type(), ok.media_types) == ("json", facilities.models.Facility, ("application/json",))
    assert [(o.kind, o.type() if o.type else None, o.media_types) for o in ok.others] == [
        ("json", facilities.models.GeoFacility, ("application/geo+json", "application/vnd.geo+json")),
        ("text", None, ("text/csv",)),
    ]
    listed = resource._LIST.responses["200"]
    assert (listed.media_types, listed.others) == ((), ())  # one reading: rendered exactly as before
    assert not hasattr(facilities.models, "FacilitiesListResponseVndApiJson")


# -- each documented Content-Type reads by its own schema, strict and lenient ------------------


@pytest.mark.parametrize("strict", MODES)
@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/hal+json", None],
)
def test_json_reads_as_the_json_schema(facilities: ModuleType, flavour: str, strict: bool, content_type: str | None) -> None:
    """The documented JSON type (any case, any parameters), another +json type, or none at all: the picked schema."""
    result = _get(facilities, flavour, _answer(content_type, _json(FACILITY)), strict)
    assert type(result) is facilities.models.Facility
    assert result.model_dump() == FACILITY
    assert facilities.drift_of(result) == ()


@pytest.mark.parametrize("strict", MODES)
@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("content_type", ["application/geo+json", "application/vnd.geo+json; charset=UTF-8", "APPLICATION/GEO+JSON"])
def test_geo_json_reads_as_the_geo_schema(facilities: ModuleType, flavour: str, strict: bool, content_type: str) -> None:
    result = _get(facilities, flavour, _answer(content_type, _json(GEO)), strict)
    assert type(result) is facilities.models.GeoFacility
    assert result.model_dump(mode="json") == GEO
    assert result.geometry.coordinates == [1.5, -2.0]


@pytest.mark.parametrize("strict", MODES)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_csv_reads_as_text(facilities: ModuleType, flavour: str, strict: bool) -> None:
    csv = "id,name\r\nf1,Clinic\r\n"
    result = _get(facilities, flavour, _answer("text/csv; charset=utf-8", csv.encode()), strict)
    assert result == csv and type(result) is str


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_geo_answer_that_drifts_drifts_from_the_geo_schema(facilities: ModuleType, flavour: str) -> None:
    """The schema chosen by Content-Type is the one drift is measured against."""
    drifted = {**GEO, "type": "Point"}
    result = _get(facilities, flavour, _answer("application/geo+json", _json(drifted)), False)
    assert type(result) is facilities.models.GeoFacility
    assert result.type == "Point"
    assert [(d.path, d.kind, d.value) for d in facilities.drift_of(result)] == [("$.type", "enum", "Point")]
    with pytest.raises(facilities.ResponseValidationError) as caught:
        _get(facilities, flavour, _answer("application/geo+json", _json(drifted)), True)
    assert [(d.path, d.kind) for d in caught.value.drift] == [("$.type", "enum")]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_json_sent_as_geo_json_is_held_to_the_geo_schema(facilities: ModuleType, flavour: str) -> None:
    with pytest.raises(facilities.ResponseValidationError) as caught:
        _get(facilities, flavour, _answer("application/geo+json", _json(FACILITY)), True)
    assert sorted((d.path, d.kind) for d in caught.value.drift) == [("$.geometry", "missing"), ("$.type", "missing")]


# -- a Content-Type the response does not document ----------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_undocumented_type_strict_names_the_documented_ones(facilities: ModuleType, flavour: str) -> None:
    with pytest.raises(facilities.ResponseValidationError) as caught:
        _get(facilities, flavour, _answer("text/plain; charset=utf-8", _json(FACILITY)), True)
    assert str(caught.value) == (
        f"facilities_get: the answer is 'text/plain', not a media type the spec documents ({DOCUMENTED})"
    )
    assert [(d.path, d.kind, d.value) for d in caught.value.drift] == [("$", "content-type", "text/plain")]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_undocumented_type_lenient_keeps_the_data_as_the_picked_type(facilities: ModuleType, flavour: str, caplog: pytest.LogCaptureFixture) -> None:
    import_module(f"{facilities.__name__}._runtime")._WARNED.clear()  # logged once per operation, path and kind
    result = _get(facilities, flavour, _answer("text/plain", _json(FACILITY)), False)
    assert type(result) is facilities.models.Facility
    assert result.model_dump() == FACILITY
    assert [(d.path, d.kind, d.message, d.value) for d in facilities.drift_of(result)] == [
        ("$", "content-type", f"answered as 'text/plain'; documented: {DOCUMENTED}", "text/plain")
    ]
    assert "facilities_get" in caplog.text and "content-type" in caplog.text


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_undocumented_type_lenient_with_a_drifting_body_reports_both(facilities: ModuleType, flavour: str) -> None:
    result = _get(facilities, flavour, _answer("application/octet-stream", _json({"id": "f1", "name": None})), False)
    assert (result.id, result.name) == ("f1", None)
    assert [(d.path, d.kind) for d in facilities.drift_of(result)] == [("$", "content-type"), ("$.name", "null")]


@pytest.mark.parametrize("strict", MODES)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_undocumented_type_that_is_not_json_is_an_error(facilities: ModuleType, flavour: str, strict: bool) -> None:
    """Nothing typed to hand back: an error in both modes, as before."""
    with pytest.raises(facilities.ResponseValidationError) as caught:
        _get(facilities, flavour, _answer("text/html", b"<html>maintenance</html>"), strict)
    assert str(caught.value) == f"facilities_get: the answer is 'text/html', not the JSON the spec documents ({DOCUMENTED})"
    assert caught.value.content == b"<html>maintenance</html>"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_one_reading_undocumented_type(facilities: ModuleType, flavour: str) -> None:
    """A response whose media types share a schema: any JSON type reads; another is drift (lenient) or an error (strict)."""
    body = {"data": [FACILITY]}
    result = _get(facilities, flavour, _answer("application/vnd.api+json", _json(body)), True, "list")
    assert result.model_dump() == body
    result = _get(facilities, flavour, _answer("text/plain", _json(body)), False, "list")
    assert result.model_dump() == body
    assert [(d.kind, d.message) for d in facilities.drift_of(result)] == [("content-type", "answered as 'text/plain'; documented: JSON")]
    with pytest.raises(facilities.ResponseValidationError, match=r"the answer is 'text/plain', not a media type the spec documents \(JSON\)"):
        _get(facilities, flavour, _answer("text/plain", _json(body)), True, "list")


@pytest.mark.parametrize("strict", MODES)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_inline_schemas_read_by_content_type(facilities: ModuleType, flavour: str, strict: bool) -> None:
    counts = _get(facilities, flavour, _answer("application/json", b'{"count": 4}'), strict, "stats")
    assert type(counts) is facilities.models.FacilitiesStatsResponse and counts.count == 4
    geo = _get(facilities, flavour, _answer("application/geo+json", b'{"features": [{"a": 1}]}'), strict, "stats")
    assert type(geo) is facilities.models.FacilitiesStatsResponseGeoJson and geo.features == [{"a": 1}]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_response_parses_by_content_type(facilities: ModuleType, flavour: str) -> None:
    def call(client: Any) -> Any:
        return client.facilities.with_raw_response.get(id="f1")

    _, raw = send(facilities, flavour, call, _answer("text/csv", b"id\r\nf1\r\n"))
    assert raw.parse() == "id\r\nf1\r\n"
    assert raw.drift == ()


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("content_type", "model"), [("application/problem+json", "FieldProblems"), ("application/json", "Problem")]
)
def test_an_error_reads_by_its_content_type(facilities: ModuleType, flavour: str, content_type: str, model: str) -> None:
    """Both error models accept the body; the one of the answer's media type is the one read."""
    answer = httpx.Response(400, content=_json({"detail": "bad", "errors": ["name"]}), headers={"Content-Type": content_type})
    with pytest.raises(facilities.BadRequestError) as caught:
        _get(facilities, flavour, answer, True)
    assert type(caught.value.parsed) is getattr(facilities.models, model)
    assert caught.value.parsed.model_dump(mode="json", exclude_unset=True) == {"detail": "bad", "errors": ["name"]}


def test_the_drift_log_points_into_the_media_type_answered(
    facilities: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`trunkline verify` reads a drift path in the schema of the media type the answer came in."""
    log = tmp_path / "drift.jsonl"
    monkeypatch.setenv("FACILITIES_DRIFT_LOG", str(log))
    _get(facilities, "sync", _answer("application/geo+json", _json({**GEO, "type": "Point"})), False)
    _get(facilities, "sync", _answer("text/plain", _json(FACILITY)), False)
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(r["content_type"], [d["kind"] for d in r["drift"]]) for r in records] == [
        ("application/geo+json", ["enum"]), ("text/plain", ["content-type"])]
    assert main(["verify", str(FIXTURE), str(log), "--format", "json"]) == 1
    found = {(f["kind"], f["pointer"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found == {
        ("enum-value", "/components/schemas/GeoFacility/properties/type"),
        ("undocumented-content-type", "/paths/~1facilities~1{id}/get/responses/200/content"),
    }


@pytest.mark.slow
def test_the_union_return_types_pass_mypy_strict(facilities: ModuleType) -> None:
    """`Facility | GeoFacility | str` and the nested ResponseSpecs type-check as every generated package must."""
    src = Path(facilities.__file__).parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--strict", "-p", facilities.__name__],
        cwd=src, capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(src)}, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
