"""Loading specs: fast JSON positions agree with YAML's, and local external `$ref`s are bundled."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.errors import TrunklineError
from generator.reading.load import BUNDLE_KEY, Document, load, parse, pointer

ROOT = Path(__file__).resolve().parent.parent
VENDOR_SPECS = sorted((ROOT / "specs").glob("*.yaml"))
GITHUB = ROOT.parent / "shared" / "corpus" / "github.json"
if not GITHUB.exists():
    GITHUB = Path("/work/shared/corpus/github.json")


def _pointers(data: Any, ptr: str = "") -> Iterator[str]:
    yield ptr
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _pointers(value, ptr + pointer(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _pointers(value, f"{ptr}/{index}")


def _both(text: str) -> tuple[Document, Document]:
    """The same JSON text loaded by the fast JSON path and composed by YAML."""
    return parse(text, Path("spec.json"), "spec.json"), parse(text, Path("spec.yaml"), "spec.json")


@pytest.mark.parametrize("spec", VENDOR_SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("indent", [2, None])
def test_json_positions_match_yaml_composition(spec: Path, indent: int | None) -> None:
    data = yaml.safe_load(spec.read_text())
    fast, composed = _both(json.dumps(data, indent=indent))
    assert fast.data == composed.data == json.loads(json.dumps(data))
    every = list(_pointers(data))
    sample = every[:: max(1, len(every) // 400)] + every[-20:]
    sample += [every[-1] + "/missing", "/paths/nope/get", "/components/schemas/zzz"]
    for ptr in sample:
        assert fast.locate(ptr) == composed.locate(ptr), ptr


def test_json_positions_with_escapes_arrays_and_duplicates() -> None:
    text = '{\n "a/b": {"m~n": [10, {"x": "é\\n"}, [true]]},\n "dup": 1,\n  "dup": {"z": null}\n}\n'
    fast, composed = _both(text)
    for ptr in ["", "/a~1b", "/a~1b/m~0n", "/a~1b/m~0n/1/x", "/a~1b/m~0n/2/0", "/a~1b/m~0n/7", "/dup", "/dup/z"]:
        assert fast.locate(ptr) == composed.locate(ptr), ptr
    assert (fast.locate("/dup").line, fast.locate("/dup").col) == (4, 10)  # the last duplicate, as in the data
    assert (fast.locate("/a~1b/m~0n/1/x").line, fast.locate("/a~1b/m~0n/1/x").col) == (2, 28)
    assert fast.data["dup"] == {"z": None}


def test_yaml_merge_keys_and_non_string_keys_are_located(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text("base: &b\n  x: 1\n  y: 2\nover:\n  <<: *b\n  y: 3\nresponses:\n  200: {description: ok}\n  true: yes\n")
    doc = load(spec)
    assert doc.data["over"] == {"x": 1, "y": 3}
    assert doc.data["responses"] == {"200": {"description": "ok"}, "true": True}
    assert (doc.locate("/over/y").line, doc.locate("/over/x").line) == (6, 2)
    assert doc.locate("/responses/200").line == 8 and doc.locate("/responses/true").line == 9


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    spec = tmp_path / "s.json"
    spec.write_bytes(b'\xef\xbb\xbf{"openapi": "3.1.0",\n "info": {"title": "t"}}')
    doc = load(spec)
    assert doc.data["info"] == {"title": "t"}
    assert (doc.locate("/info/title").line, doc.locate("/info/title").col) == (2, 20)


@pytest.mark.skipif(not GITHUB.exists(), reason="needs ../shared/corpus/github.json (the real-world spec corpus)")
def test_github_positions_point_at_their_keys() -> None:
    doc = load(GITHUB)
    lines = doc.text.splitlines()
    paths = list(doc.data["paths"])
    schemas = list(doc.data["components"]["schemas"])
    for ptr in [pointer("paths", paths[0], "get"), pointer("paths", paths[-1]), pointer("components", "schemas", schemas[-1]),
                pointer("paths", paths[len(paths) // 2]), pointer("components", "schemas", schemas[100], "properties")]:
        location = doc.locate(ptr)
        key = ptr.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        before = lines[location.line - 1][: location.col - 1]
        assert before.rstrip().endswith(json.dumps(key) + ":"), (ptr, before)


# -- external references ------------------------------------------------------------------------


MAIN = """\
openapi: 3.1.0
info: {title: Pets, version: "1"}
security: []
paths:
  /pets:
    get:
      operationId: list_pets
      summary: The pets
      parameters:
        - $ref: "parts/params.json#/limit"
      responses:
        "200":
          description: pets
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "parts/pet.yaml#/Pet"}
  /owners:
    $ref: "parts/paths/owners.yaml"
components:
  schemas:
    Shared:
      type: object
      properties:
        note: {type: string}
"""
PET = """\
Pet:
  type: object
  properties:
    name: {type: string}
    tag: {$ref: "#/Tag"}
    owner: {$ref: "owner.json"}
    shared: {$ref: "../main.yaml#/components/schemas/Shared"}
Tag:
  type: string
"""
OWNER = '{\n  "type": "object",\n  "properties": {\n    "name": {"type": "string"},\n    "pets": {"type": "array", "items": {"$ref": "pet.yaml#/Pet"}}\n  }\n}\n'
PARAMS = '{"limit": {"name": "limit", "in": "query", "schema": {"type": "integer"},\n  "examples": {"bad": {"value": "many"}}}}\n'
OWNERS = """\
get:
  operationId: list_owners
  summary: The owners
  responses:
    "200":
      description: owners
      content:
        application/json:
          schema:
            type: array
            items: {$ref: "../owner.json"}
"""


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    (tmp_path / "specs" / "parts" / "paths").mkdir(parents=True)
    (tmp_path / "specs" / "main.yaml").write_text(MAIN)
    (tmp_path / "specs" / "parts" / "pet.yaml").write_text(PET)
    (tmp_path / "specs" / "parts" / "owner.json").write_text(OWNER)
    (tmp_path / "specs" / "parts" / "params.json").write_text(PARAMS)
    (tmp_path / "specs" / "parts" / "paths" / "owners.yaml").write_text(OWNERS)
    return tmp_path / "specs" / "main.yaml"


def test_local_external_refs_are_bundled_with_their_own_positions(bundle: Path) -> None:
    doc = load(bundle, "specs/main.yaml")
    assert sorted(doc.data[BUNDLE_KEY]) == ["owner", "owners", "params", "pet"]
    item = doc.data["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    assert item == {"$ref": f"#/{BUNDLE_KEY}/pet/Pet"}
    pet = doc.resolve(item["$ref"])
    assert doc.resolve(pet["properties"]["tag"]["$ref"]) == {"type": "string"}
    assert doc.resolve(pet["properties"]["shared"]["$ref"]) is doc.data["components"]["schemas"]["Shared"]
    owner = doc.resolve(pet["properties"]["owner"]["$ref"])
    assert doc.resolve(owner["properties"]["pets"]["items"]["$ref"]) is pet  # a cycle between files, through properties
    tag = doc.locate(f"/{BUNDLE_KEY}/pet/Tag")
    assert (tag.file, tag.pointer, tag.line, tag.col) == ("specs/parts/pet.yaml", "/Tag", 9, 3)
    pets = doc.locate(f"/{BUNDLE_KEY}/owner/properties/pets/items")
    assert (pets.file, pets.pointer, pets.line, pets.col) == ("specs/parts/owner.json", "/properties/pets/items", 5, 40)
    assert doc.describe(f"/{BUNDLE_KEY}/pet/Tag") == "specs/parts/pet.yaml#/Tag"
    written = {ref.written for ref in doc.refs}
    assert {"parts/pet.yaml#/Pet", "owner.json", "../main.yaml#/components/schemas/Shared", "../owner.json"} <= written


def test_lint_findings_inside_a_referenced_file_point_into_it(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(bundle)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if " error [" in line]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{bundle.parent}/parts/params.json:2:33 /limit/examples/bad/value error [oas3-valid-"), lines[0]


def test_bundled_spec_generates_an_importable_package(bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundle.parent.joinpath("parts", "params.json").write_text(PARAMS.replace('"many"', "5"))
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(bundle.parent), "--out", str(out)]) == 0, capsys.readouterr().err
    sys.path.insert(0, str(out / "main" / "src"))
    try:
        models: Any = importlib.import_module("trunkline_main.models")
        pet = models.Pet.model_validate({"name": "Rex", "tag": "dog", "owner": {"name": "Ann", "pets": [{"name": "Tom"}]},
                                         "shared": {"note": "n"}})
        assert pet.owner.pets[0].name == "Tom" and isinstance(pet.owner, models.Owner)
        owners: Any = importlib.import_module("trunkline_main.resources.owners")
        pets: Any = importlib.import_module("trunkline_main.resources.pets")
        assert callable(owners.OwnersResource.list) and callable(pets.PetsResource.list)  # `list_owners` in `owners`
    finally:
        sys.path.remove(str(out / "main" / "src"))
        for name in [m for m in sys.modules if m == "trunkline_main" or m.startswith("trunkline_main.")]:
            del sys.modules[name]


def test_files_sharing_a_name_get_distinct_bundle_keys(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "pet.yaml").write_text("type: string\n")
    (tmp_path / "b" / "pet.yaml").write_text("type: integer\n")
    spec = tmp_path / "s.yaml"
    spec.write_text('openapi: 3.1.0\nx-a: {$ref: "a/pet.yaml"}\nx-b: {$ref: "./b/pet.yaml#"}\nx-c: {$ref: "a/../a/pet.yaml"}\n')
    doc = load(spec)
    assert [doc.data[k]["$ref"] for k in ("x-a", "x-b", "x-c")] == [f"#/{BUNDLE_KEY}/pet", f"#/{BUNDLE_KEY}/pet2", f"#/{BUNDLE_KEY}/pet"]
    assert doc.resolve(doc.data["x-b"]["$ref"]) == {"type": "integer"}


def test_the_bundle_key_is_reserved(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(f"openapi: 3.1.0\n{BUNDLE_KEY}: {{}}\n")
    with pytest.raises(TrunklineError, match="reserved"):
        load(spec)


def test_percent_encoded_ref_fragments_are_decoded(tmp_path: Path) -> None:
    # RFC 6901 section 6: a pointer in a URI fragment is percent-encoded; APIs.guru specs write
    # `{` as %7B in refs into `paths`. A name that really holds `%` is left as written.
    (tmp_path / "part.json").write_text(json.dumps({"Pet Name": {"type": "string"}}))
    spec = tmp_path / "s.json"
    spec.write_text(json.dumps({
        "openapi": "3.1.0",
        "paths": {"/pets/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "schema": {"type": "integer"}}]}}},
        "x-a": {"$ref": "#/paths/~1pets~1%7Bid%7D/get/parameters/0/schema"},
        "x-b": {"$ref": "part.json#/Pet%20Name"},
        "x-c": {"$ref": "#/x-50%25"},
        "x-50%25": {"type": "boolean"},
        "x-d": {"$ref": "#/x-missing%7B"},
    }))
    doc = load(spec)
    assert doc.data["x-a"]["$ref"] == "#/paths/~1pets~1{id}/get/parameters/0/schema"
    assert doc.resolve(doc.data["x-a"]["$ref"]) == {"type": "integer"}
    assert doc.resolve(doc.data["x-b"]["$ref"]) == {"type": "string"}
    assert doc.data["x-c"]["$ref"] == "#/x-50%25"  # found as written: not decoded
    assert doc.data["x-d"]["$ref"] == "#/x-missing%7B"  # found neither way: left for the unresolved-ref error
    assert {ref.written for ref in doc.refs} >= {"#/paths/~1pets~1%7Bid%7D/get/parameters/0/schema", "part.json#/Pet%20Name"}
