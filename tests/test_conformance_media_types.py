"""The conformance harness answers in every documented media type and checks each reads as its own type.

tests/fixtures/media_types.yaml documents one answer as JSON, geo+json, vnd.geo+json (another
schema) and text/csv: the harness answers each in turn, and the call must return a Facility, a
GeoFacility (twice) and the text, as the IR's reading of each media type says.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.modeling import ir
from tests.conformance.harness import Answer, Caller, generate, imported, load_document, run_spec, validator_for

SPEC = Path(__file__).resolve().parent / "fixtures" / "media_types.yaml"


@pytest.fixture(scope="module")
def caller(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Caller, ir.Package, ModuleType]]:
    """A harness caller over the fixture's generated client."""
    warnings.simplefilter("ignore")
    document = load_document(SPEC)
    package, src = generate(SPEC, tmp_path_factory.mktemp("media"), "media_answers")
    with imported(package, src) as module:
        yield Caller(document, package, module, validator_for(document), 18), package, module


def _op(package: ir.Package, operation_id: str) -> ir.Operation:
    return next(op for op in package.operations if op.operation_id == operation_id)


def test_every_documented_media_type_is_answered(caller: tuple[Caller, ir.Package, ModuleType]) -> None:
    """The 200's four media types, then the 400's two: each answered with the Content-Type and body of its own kind."""
    harness, package, _ = caller
    op = _op(package, "facilities_get")
    answers = harness._answers(op, harness._spec_operation(op)[0])
    assert [(a.label, a.media_type, a.reading.kind if a.reading else None) for a in answers] == [
        ("synthesized application/json", "application/json", "json"),
        ("synthesized application/geo+json", "application/geo+json", "json"),
        ("synthesized application/vnd.geo+json", "application/vnd.geo+json", "json"),
        ("synthesized text/csv", "text/csv", "text"),
        ("synthesized 400 application/json", "application/json", "json"),
        ("synthesized 400 application/problem+json", "application/problem+json", "json"),
    ]
    request = httpx.Request("GET", "https://api.example.com/v1/facilities/f1")
    sent = {a.media_type: a.make(request) for a in answers}
    assert sent["application/geo+json"].json()["type"] == "Feature"
    assert sent["text/csv"].headers["content-type"] == "text/csv"
    assert not sent["text/csv"].content.startswith(b'"')  # text as text, not a JSON string


def test_each_answer_reads_as_its_media_types_type(caller: tuple[Caller, ir.Package, ModuleType]) -> None:
    """The harness's check on the fixture: every answer parsed, as its own type."""
    harness, package, _ = caller
    result = harness.check(_op(package, "facilities_get"))
    assert (result.response_ok, result.response_error, result.media_types_answered) == (True, "", 6)


def test_a_body_read_as_another_media_types_type_is_reported(caller: tuple[Caller, ir.Package, ModuleType]) -> None:
    """A Facility where the geo+json reading says GeoFacility, bytes where text/csv says text: both reported."""
    harness, package, module = caller
    readings = {a.media_type: a for r in _op(package, "facilities_get").responses if r.status == "200" for a in r.answers}

    def answer(media_type: str, body: bytes) -> Answer:
        return Answer(f"synthesized {media_type}", media_type, True, lambda r: httpx.Response(200), readings[media_type], body)

    facility = module.models.Facility(id="f1", name="Clinic")
    geo: Any = answer("application/geo+json", b'{"type": "Feature", "geometry": {"coordinates": [1]}}')
    assert harness._read_as_documented(geo, facility).startswith("read as Facility")
    assert "models.GeoFacility" in harness._read_as_documented(geo, facility)
    assert harness._read_as_documented(answer("application/json", b"{}"), facility) == ""
    csv = answer("text/csv", b"id,name\nf1,Clinic\n")
    assert harness._read_as_documented(csv, b"id,name\nf1,Clinic\n") == "read as bytes \"b'id,name\\\\nf1,Clinic\\\\n'\", not the text sent"
    assert harness._read_as_documented(csv, "id,name\nf1,Clinic\n") == ""


def test_the_whole_fixture_runs_clean(tmp_path: Path) -> None:
    """All three operations: requests valid, every media type's answer parsed, 10 (status, media type) pairs answered."""
    warnings.simplefilter("ignore")
    result = run_spec(SPEC, tmp_path, "media_whole")
    assert result.summary() == "media_whole: requests valid 3/3, responses parsed 3/3, mock agrees 3/3"
    assert sum(r.media_types_answered for r in result.operations) == 10


def test_an_error_body_read_as_another_media_types_type_is_reported(caller: tuple[Caller, ir.Package, ModuleType]) -> None:
    """The 400 in problem+json must hold a FieldProblems; a Problem there is reported, the right one is not."""
    harness, package, module = caller
    readings = {a.media_type: a for r in _op(package, "facilities_get").responses if r.status == "400" for a in r.answers}
    answer = Answer("synthesized 400 application/problem+json", "application/problem+json", True,
                    lambda r: httpx.Response(400), readings["application/problem+json"], b"{}")
    response = httpx.Response(400, request=httpx.Request("GET", "https://api.example.com/v1/facilities/f1"))
    wrong = module.errors.APIStatusError("x", response=response, parsed=module.models.Problem(detail="d"))
    assert "models.FieldProblems" in harness._error_as_documented(answer, wrong)
    right_type = readings["application/problem+json"].type
    assert isinstance(right_type, ir.ModelRef)
    field_problems = getattr(module.models, right_type.name)
    right = module.errors.APIStatusError("x", response=response, parsed=field_problems.model_validate({"errors": []}))
    assert harness._error_as_documented(answer, right) == ""


EMPTY_THEN_ERRORS = """\
openapi: 3.0.3
info: {title: Members, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /members/{id}:
    delete:
      operationId: members_remove
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '204': {description: removed}
        '415':
          description: not taken, as a plain error or as a SCIM one
          content:
            application/json:
              schema: {type: object, required: [message], properties: {message: {type: string}}}
            application/scim+json:
              schema: {type: object, required: [scimType], properties: {scimType: {type: string}, detail: {type: string}}}
"""


def test_an_empty_answer_still_lets_the_errors_media_types_be_answered(tmp_path: Path) -> None:
    """A 204 operation whose 415 is documented in JSON and scim+json (as GitHub's are): the 415 is answered in both."""
    warnings.simplefilter("ignore")
    spec = tmp_path / "members.yaml"
    spec.write_text(EMPTY_THEN_ERRORS, encoding="utf-8")
    result = run_spec(spec, tmp_path / "out", "members")
    (removed,) = result.operations
    assert (removed.request_ok, removed.response_ok, removed.response_error) == (True, True, "")
    assert removed.media_types_answered == 2
