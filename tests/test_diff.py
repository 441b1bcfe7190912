"""`trunkline diff`: each classification rule on a fixture pair, the output formats, git sides, errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.reading.load import load
from generator.release.diff import Change, Level, compare

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "diff"
BASE = FIXTURES / "base.yaml"
B, N, D = Level.BREAKING, Level.NON_BREAKING, Level.DOCS

# (old, new, level, code, side, pointer): every case's fixture is base.yaml with one edit; a pair
# named (case, base) is the same edit undone.
RULES = [
    # breaking for callers of the client
    ("base", "operation_removed", B, "operation-removed", "old", "/paths/~1calls~1{id}/get"),
    ("base", "operation_renamed", B, "operation-renamed", "new", "/paths/~1calls~1{id}/get/operationId"),
    ("base", "operation_retagged", B, "operation-retagged", "new", "/paths/~1calls~1{id}/get/tags"),
    ("base", "parameter_removed", B, "parameter-removed", "old", "/paths/~1calls/get/parameters/1"),
    ("base", "required_parameter_added", B, "required-parameter-added", "new", "/paths/~1calls/get/parameters/2"),
    ("base", "path_parameter_added", B, "required-parameter-added", "new", "/paths/~1calls~1{id}~1{limit}/get/parameters/1"),
    ("base", "parameter_now_required", B, "parameter-now-required", "new", "/paths/~1calls/get/parameters/0/required"),
    ("base", "parameter_type_changed", B, "type-changed", "new", "/paths/~1calls/get/parameters/1/schema/type"),
    ("base", "request_enum_value_removed", B, "enum-value-removed", "new", "/paths/~1calls/get/parameters/0/schema/enum"),
    ("base", "response_enum_value_removed", B, "enum-value-removed", "new", "/components/schemas/Status/enum"),
    ("base", "response_field_removed", B, "field-removed", "old", "/components/schemas/Call/properties/duration"),
    ("base", "request_field_removed", B, "field-removed", "old", "/components/schemas/NewCall/properties/note"),
    ("base", "request_required_field_added", B, "required-field-added", "new", "/components/schemas/NewCall/properties/from"),
    ("base", "request_field_now_required", B, "field-required-changed", "new", "/components/schemas/NewCall/properties/priority"),
    ("base", "response_field_now_optional", B, "field-required-changed", "new", "/components/schemas/Call/properties/status"),
    ("base", "request_type_narrowed", B, "type-narrowed", "new", "/components/schemas/NewCall/properties/note/type"),
    ("base", "response_type_widened", B, "type-widened", "new", "/components/schemas/Call/properties/duration/type"),
    ("base", "response_integer_to_number", B, "type-widened", "new", "/components/schemas/Call/properties/duration/type"),
    ("base", "request_max_length_tightened", B, "maxLength-changed", "new", "/components/schemas/NewCall/properties/to/maxLength"),
    ("base", "request_minimum_added", B, "minimum-changed", "new", "/paths/~1calls/get/parameters/1/schema/minimum"),
    ("base", "response_format_changed", B, "format-changed", "new", "/components/schemas/Call/properties/started_at/format"),
    ("base", "response_oneof_variant_added", B, "oneOf-variant-added", "new", "/components/schemas/Call/properties/party/oneOf/2"),
    ("base", "request_body_media_type_removed", B, "media-type-removed", "old", "/paths/~1calls/post/requestBody/content/application~1json"),
    ("base", "success_response_removed", B, "response-removed", "old", "/paths/~1calls/post/responses/201"),
    ("base", "model_removed", B, "model-removed", "old", "/components/schemas/Company"),
    ("base", "security_changed", B, "security-changed", "new", "/security"),
    ("base", "security_scheme_changed", B, "security-scheme-changed", "new", "/components/securitySchemes/bearer"),
    ("base", "operation_security_scopes_changed", B, "security-changed", "new", "/paths/~1calls~1{id}/get/security"),
    ("base", "default_server_changed", B, "default-server-changed", "new", "/servers/0"),
    ("base", "pagination_changed", B, "pagination-changed", "new", "/paths/~1calls/get/x-pagination"),
    ("request_type_widened", "base", B, "type-narrowed", "new", "/components/schemas/NewCall/properties/to/type"),
    # non-breaking
    ("base", "operation_added", N, "operation-added", "new", "/paths/~1calls~1{id}/delete"),
    ("base", "operation_moved", N, "operation-moved", "new", "/paths/~1call-records~1{id}/get"),
    ("base", "optional_parameter_added", N, "optional-parameter-added", "new", "/paths/~1calls/get/parameters/2"),
    ("parameter_now_required", "base", N, "parameter-now-optional", "new", "/paths/~1calls/get/parameters/0"),
    ("base", "parameter_moved_to_header", N, "parameter-moved", "new", "/paths/~1calls/get/parameters/1"),
    ("base", "response_field_added", N, "field-added", "new", "/components/schemas/Call/properties/recording_url"),
    ("base", "request_optional_field_added", N, "field-added", "new", "/components/schemas/NewCall/properties/tags"),
    ("base", "request_field_now_optional", N, "field-required-changed", "new", "/components/schemas/NewCall/properties/to"),
    ("base", "response_field_now_required", N, "field-required-changed", "new", "/components/schemas/Call/properties/duration"),
    ("base", "request_type_widened", N, "type-widened", "new", "/components/schemas/NewCall/properties/to/type"),
    ("base", "request_integer_to_number", N, "type-widened", "new", "/components/schemas/NewCall/properties/priority/type"),
    ("base", "response_type_narrowed", N, "type-narrowed", "new", "/components/schemas/Call/properties/note/type"),
    ("base", "enum_value_added", N, "enum-value-added", "new", "/components/schemas/Status/enum"),
    ("base", "request_max_length_loosened", N, "maxLength-changed", "new", "/components/schemas/NewCall/properties/to/maxLength"),
    ("request_minimum_added", "base", N, "minimum-changed", "new", "/paths/~1calls/get/parameters/1/schema"),
    ("base", "response_oneof_variant_removed", N, "oneOf-variant-removed", "old", "/components/schemas/Call/properties/party/oneOf/1"),
    ("base", "error_response_added", N, "response-added", "new", "/paths/~1calls/get/responses/429"),
    ("base", "error_response_removed", N, "response-removed", "old", "/paths/~1calls/get/responses/404"),
    ("base", "security_alternative_added", N, "security-alternative-added", "new", "/security"),
    ("base", "server_added", N, "server-added", "new", "/servers/1"),
    ("base", "operation_deprecated", N, "operation-deprecated", "new", "/paths/~1calls~1{id}/get/deprecated"),
    # documentation only
    ("base", "summary_changed", D, "summary-changed", "new", "/paths/~1calls/get/summary"),
    ("base", "description_changed", D, "description-changed", "new", "/components/schemas/Call/description"),
    ("base", "example_changed", D, "examples-changed", "new", "/paths/~1calls/get/responses/200/content/application~1json/examples"),
    ("base", "api_version_changed", D, "api-version-changed", "new", "/info/version"),
    ("base", "parameter_description_changed", D, "description-changed", "new", "/paths/~1calls/get/parameters/1/description"),
]


def fixture(name: str) -> Path:
    return BASE if name == "base" else FIXTURES / "cases" / f"{name}.yaml"


def changes(old: str, new: str) -> list[Change]:
    return compare(load(fixture(old)), load(fixture(new)))


@pytest.mark.parametrize(("old", "new", "level", "code", "side", "ptr"), RULES, ids=[f"{r[0]}->{r[1]}" for r in RULES])
def test_rule(old: str, new: str, level: Level, code: str, side: str, ptr: str) -> None:
    found = changes(old, new)
    matching = [c for c in found if c.code == code and c.pointer == ptr]
    assert matching, f"no {code} at {ptr}; found {[(c.code, c.pointer) for c in found]}"
    assert matching[0].level is level and matching[0].side == side
    # the rule's change is the most severe one the edit causes: nothing louder slipped in
    assert max(c.level.rank for c in found) == level.rank, found
    # and its pointer exists in the side it names
    document = load(fixture(old if side == "old" else new))
    assert document.locate(ptr).line > 0


def test_every_fixture_case_is_exercised() -> None:
    used = {name for rule in RULES for name in rule[:2]} - {"base"}
    assert used == {p.stem for p in (FIXTURES / "cases").glob("*.yaml")}


def test_identical_specs_have_no_changes() -> None:
    assert changes("base", "base") == []
    for spec in sorted((ROOT / "specs").glob("*.yaml")):
        assert compare(load(spec), load(spec)) == [], spec.name


def test_messages_name_the_place() -> None:
    (change,) = changes("base", "response_field_removed")
    assert change.message == "GET /calls: response 200: field Call.duration removed (response)"
    (change,) = changes("base", "optional_parameter_added")
    assert change.message == "GET /calls: new optional query parameter contact_id"


def test_text_output_locates_each_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(BASE), str(fixture("response_field_removed"))]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = BASE.read_text().splitlines().index("        duration:") + 2  # the removed field's schema
    assert lines[0].split()[:2] == ["breaking", f"{BASE}:{line}:11"]
    assert lines[-1] == "1 change(s): 1 breaking, 0 non-breaking, 0 documentation-only"


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(BASE), str(fixture("security_alternative_added")), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"breaking": 0, "non-breaking": 2, "documentation": 0}
    assert {c["code"] for c in data["changes"]} == {"security-alternative-added", "security-scheme-added"}
    first = data["changes"][0]
    assert set(first) == {"level", "code", "side", "file", "line", "column", "pointer", "message"}
    assert first["file"] == str(fixture("security_alternative_added")) and first["line"] > 0


def test_markdown_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(BASE), str(fixture("success_response_removed")), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.index("### Breaking changes") < out.index("### Non-breaking changes")
    assert "- POST /calls: response 201 removed (`old#/paths/~1calls/post/responses/201`)" in out


@pytest.mark.parametrize(("case", "fail_on", "status"), [
    ("summary_changed", "breaking", 0), ("summary_changed", "non-breaking", 0), ("summary_changed", "any", 1),
    ("operation_added", "breaking", 0), ("operation_added", "non-breaking", 1),
    ("operation_removed", "breaking", 1), ("operation_removed", "any", 1),
])
def test_fail_on(case: str, fail_on: str, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(BASE), str(fixture(case)), "--fail-on", fail_on]) == status


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   check=True, capture_output=True)


def test_git_ref_sides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(tmp_path, "init", "-q")
    spec = tmp_path / "specs" / "calls.yaml"
    spec.parent.mkdir()
    shutil.copy(BASE, spec)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    shutil.copy(fixture("response_field_removed"), spec)
    git(tmp_path, "commit", "-qam", "second")
    shutil.copy(fixture("optional_parameter_added"), spec)
    assert main(["diff", f"{spec}@HEAD~1", f"{spec}@HEAD", "--fail-on", "breaking"]) == 1
    assert "field Call.duration removed" in capsys.readouterr().out
    assert main(["diff", f"{spec}@HEAD~1", str(spec), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"] == f"{spec}@HEAD~1"
    assert {c["code"] for c in data["changes"]} == {"optional-parameter-added"}


def test_unknown_ref_and_not_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "calls.yaml"
    shutil.copy(BASE, spec)
    assert main(["diff", f"{spec}@HEAD", str(spec)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("is not inside a git repository; give a plain file path instead") and "Traceback" not in err
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    assert main(["diff", f"{spec}@no-such-branch", str(spec)]) == 2
    assert "unknown git ref 'no-such-branch'" in capsys.readouterr().err
    assert main(["diff", f"{tmp_path / 'gone.yaml'}@HEAD", str(spec)]) == 2
    assert "does not exist at HEAD" in capsys.readouterr().err


def test_missing_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nope.yaml"), str(BASE)]) == 2
    assert "no such file" in capsys.readouterr().err


# ../shared/corpus beside the project (or beside the worktrees' directory); TRUNKLINE_CORPUS overrides
CORPUS = next((p for p in (Path(os.environ.get("TRUNKLINE_CORPUS", "/nonexistent")), ROOT.parent / "shared" / "corpus",
                            ROOT.parent.parent / "shared" / "corpus") if p.is_dir()), ROOT.parent / "shared" / "corpus")


@pytest.mark.skipif(not (CORPUS / "github.json").is_file(), reason="the public spec corpus ../shared/corpus is absent")
def test_a_large_real_spec(tmp_path: Path) -> None:
    """GitHub's spec (hundreds of operations, recursive schemas): no change against itself; a removed
    operation and a removed response field are found."""
    source = load(CORPUS / "github.json")
    assert compare(source, source) == []
    data = json.loads((CORPUS / "github.json").read_text())
    del data["paths"]["/zen"]
    del data["components"]["schemas"]["simple-user"]["properties"]["gravatar_id"]
    edited = tmp_path / "github.json"
    edited.write_text(json.dumps(data))
    found = {(c.level, c.code, c.pointer) for c in compare(source, load(edited))}
    assert (B, "operation-removed", "/paths/~1zen/get") in found
    assert (B, "field-removed", "/components/schemas/simple-user/properties/gravatar_id") in found
    assert {level for level, _, _ in found} == {B}


def test_a_header_parameter_openapi_ignores_is_no_client_change(tmp_path: Path) -> None:
    """A required `Content-Type` (or Accept, Authorization) header parameter changes no client: OpenAPI ignores it."""
    import yaml

    spec = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    op = spec["paths"]["/calls"]["get"]
    op.setdefault("parameters", []).extend(
        {"name": name, "in": "header", "required": True, "schema": {"type": "string"}} for name in ("Content-Type", "Accept")
    )
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(spec), encoding="utf-8")
    assert compare(load(BASE), load(changed)) == []
