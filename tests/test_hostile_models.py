"""Hostile specs against the models stage: only keywords we understand reach datamodel-code-generator,
no reference is ever fetched, and every file a spec leads to has a short, distinct, non-device name."""

from __future__ import annotations

import ast
import enum
import importlib
import json
import pathlib
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest

from generator.cli import main
from generator.errors import TrunklineError
from generator.lint import lint
from generator.modeling.naming import MAX_PATH_COMPONENT, Namer, check_file_names, is_device_name, module_name
from generator.modeling.schemas import SCHEMA_KEYWORDS
from generator.reading.load import load
from generator.rendering import codecheck, models

IMPORT_STRING = "pydantic.ImportString"
OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}


def _spec(schemas: dict[str, Any], paths: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.0", "info": {"title": "H", "version": "1"}, "servers": [{"url": "https://api.example.com"}],
        "paths": paths or {"/things": {"get": {"operationId": "get_thing", "responses": OK}}},
        "components": {"schemas": schemas},
    }


@pytest.fixture()
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Any]:
    """Generate a spec into tmp_path/out/<name> and import the package; forget it afterwards."""
    loaded: list[str] = []

    def make(spec: dict[str, Any], name: str = "h") -> Any:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out"), "--name", name]) == 0, capsys.readouterr().err
        sys.path.insert(0, str(tmp_path / "out" / name / "src"))
        loaded.append(f"trunkline_{name}")
        return importlib.import_module(f"trunkline_{name}")

    yield make
    for entry in [p for p in sys.path if p.startswith(str(tmp_path))]:
        sys.path.remove(entry)
    for name in [m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in loaded)]:
        del sys.modules[name]


def _model_sources(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.rglob("models/*.py"))}


# -- 1. the model generator's own keywords never reach it -----------------------------------
def _hostile_schemas() -> dict[str, Any]:
    custom = {"type": "string", "customTypePath": IMPORT_STRING}
    return {
        "Thing": {
            "type": "object",
            "properties": {
                "handler": custom,
                "customTypePath": {"type": "string"},  # a property's name is data, not a keyword
                "listed": {"type": "array", "items": custom},
                "tupled": {"type": "array", "prefixItems": [custom]},
                "mapped": {"type": "object", "additionalProperties": custom},
                "patterned": {"type": "object", "patternProperties": {"^a": custom}},
                "joined": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "customBasePath": "enum.Enum"}]},
                "either": {"anyOf": [custom, {"type": "integer", "x-python-type": "os.system"}]},
                "typed": {"type": "string", "x-python-import": {"from": "os", "import": "system"}},
                "made": {"type": "array", "default_factory": "os.getcwd", "is_classvar": True},
                "not_this": {"not": custom},
            },
        },
        "Base": {"type": "object", "customBasePath": "pathlib.Path", "properties": {"x": {"type": "string"}}},
        "Sub": {"type": "object", "customBasePath": ["enum.Enum", "pathlib.Path"], "properties": {"y": {"type": "integer"}}},
    }


def test_a_parsed_answer_stays_data_whatever_the_spec_names(package: Any, tmp_path: Path) -> None:
    h = package(_spec(_hostile_schemas()))
    thing = h.models.Thing.model_validate({
        "handler": "os.system", "customTypePath": "os.system", "listed": ["os.system"], "tupled": ["os.system"],
        "mapped": {"k": "os.system"}, "patterned": {"a": "os.system"}, "either": "os.system", "typed": "os.system",
        "made": ["x"], "joined": {"x": "os.system"},
    })
    assert thing.handler == "os.system" and isinstance(thing.handler, str)
    assert thing.custom_type_path == "os.system"
    assert thing.listed == ["os.system"] and thing.mapped == {"k": "os.system"} and thing.either == "os.system"
    assert thing.model_dump(by_alias=True, exclude_none=True)["patterned"] == {"a": "os.system"}
    for name in ("Base", "Sub"):
        model = getattr(h.models, name)
        assert model.__bases__ == (pydantic.BaseModel,) and not issubclass(model, (pathlib.PurePath, enum.Enum))
    sources = _model_sources(tmp_path / "out")
    text = "\n".join(sources.values())
    for word in ("ImportString", "pathlib", "(Path", "os.", "getcwd", "ClassVar", "Enum)"):
        assert word not in text, word
    for source in sources.values():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                assert all(ast.unparse(b).split("[")[0] in {"BaseModel", "RootModel", "StrEnum", "IntEnum", "Enum"} | set(h.models.__all__)
                           for b in node.bases), ast.unparse(node)[:200]


def test_the_input_guard_refuses_a_private_keyword_at_its_pointer() -> None:
    defs = {"A": {"type": "object", "properties": {"h": {"type": "string", "customTypePath": IMPORT_STRING}}}}
    with pytest.raises(TrunklineError) as caught:
        models.render_models(defs, "Guarded")
    assert caught.value.location is not None
    assert caught.value.location.pointer == "/$defs/A/properties/h/customTypePath"
    nested = {"A": {"type": "array", "prefixItems": [{"patternProperties": {"~/": {"customBasePath": "x.Y"}}}]}}
    with pytest.raises(TrunklineError) as caught:
        codecheck.check_model_input(nested)
    assert caught.value.location is not None
    assert caught.value.location.pointer == "/$defs/A/prefixItems/0/patternProperties/~0~1/customBasePath"


@pytest.mark.parametrize("source", [
    "from pydantic import ImportString\n",
    "from pydantic import BaseModel, ImportString\n",
    "from pathlib import Path\n",
    "from pydantic import BaseModel\nclass A(BaseModel):\n    pass\nclass B(A, dict):\n    pass\n",
    "import enum\nclass A(enum.Enum):\n    X = 1\n",
    "from pydantic import BaseModel\nclass A(BaseModel.__base__):\n    pass\n",
])
def test_the_models_guard_allows_only_known_names_and_model_bases(source: str) -> None:
    with pytest.raises(TrunklineError, match="Trunkline bug"):
        codecheck.check_models(source)


def test_the_models_guard_still_allows_models_of_sibling_modules() -> None:
    codecheck.check_models(
        "from __future__ import annotations\nfrom pydantic import BaseModel, RootModel\nfrom enum import StrEnum\n"
        "from ._base import Base\nclass A(Base):\n    x: int\nclass B(RootModel[list[A]]):\n    root: list[A]\n"
        "class C(StrEnum):\n    X = \"x\"\n"
    )


def test_lint_reports_a_private_keyword_at_its_key(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n"
        "      type: object\n      customBasePath: pathlib.Path\n      properties:\n        customTypePath: {type: string}\n"
        "        handler:\n          type: string\n          customTypePath: pydantic.ImportString\n"
        "          x-python-type: os.system\n          requried: true\n          x-note: fine\n",
        encoding="utf-8",
    )
    found = {(f.location.pointer, f.location.line, f.severity.value) for f in lint(load(path)) if f.rule == "no-private-schema-keywords"}
    handler = "/components/schemas/Thing/properties/handler"
    assert found == {
        ("/components/schemas/Thing/customBasePath", 8, "error"),
        (f"{handler}/customTypePath", 13, "error"),
        (f"{handler}/x-python-type", 14, "error"),
        (f"{handler}/requried", 15, "error"),
    }


def test_every_keyword_passed_on_is_a_known_schema_keyword() -> None:
    from generator.modeling.schemas import PASSED_KEYWORDS

    assert PASSED_KEYWORDS <= SCHEMA_KEYWORDS
    assert not {"customTypePath", "customBasePath", "$ref", "$dynamicRef", "$id", "title", "discriminator"} & PASSED_KEYWORDS


# -- 2. no reference is fetched -----------------------------------------------------------
@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every attempt to resolve or connect is recorded and fails."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("the network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize("ref", ["http://127.0.0.1:9/x.json#/X", "https://evil.example/s.json", "file:///etc/passwd", "x.json", "#/components/schemas/A"])
def test_a_non_local_ref_handed_to_the_models_is_refused_unopened(ref: str, no_network: list[Any]) -> None:
    defs = {"A": {"type": "object", "properties": {"x": {"$ref": ref}}}}
    with pytest.raises(TrunklineError) as caught:
        models.render_models(defs, "Remote")
    assert caught.value.location is not None and caught.value.location.pointer == "/$defs/A/properties/x/$ref"
    assert no_network == []


def test_the_model_generator_itself_runs_with_remote_refs_off(no_network: list[Any]) -> None:
    # Were the guard ever bypassed, datamodel-code-generator refuses the reference rather than fetch it.
    text = json.dumps({"$defs": {"A": {"type": "object", "properties": {"x": {"$ref": "http://127.0.0.1:9/x.json#/X"}}}}})
    with pytest.raises(TrunklineError, match="remote \\$ref is disabled"):
        models._model_source(text, {})
    assert no_network == []


def test_a_spec_with_a_remote_ref_stops_located_and_fetches_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[Any]) -> None:
    spec = _spec({"Thing": {"type": "object", "properties": {"x": {"$ref": "https://evil.example/s.json#/X"}}}})
    path = tmp_path / "r.json"
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "/components/schemas/Thing/properties/x/$ref" in err and f"{path}:" in err
    assert not (tmp_path / "out" / "r").exists()
    assert no_network == []


# -- 3. file names -------------------------------------------------------------------------
LONG = "Very" + "Long" * 75  # 304 characters
NAME_SPEC_SCHEMAS: dict[str, Any] = {
    LONG: {"type": "object", "properties": {"a": {"type": "string"}}},
    LONG + "Too": {"type": "object", "properties": {"b": {"type": "string"}}},
    "con": {"type": "object", "properties": {"c": {"type": "string"}}},
    "AUX": {"type": "string", "enum": ["a", "b"]},
    "Nul": {"type": "object", "properties": {"n": {"type": "integer"}}},
    "Pet": {"type": "object", "properties": {"p": {"type": "string"}}},
    "pet": {"type": "object", "properties": {"q": {"type": "string"}}},
    "a b": {"type": "object", "properties": {"r": {"type": "string"}}},  # class AB, module `_ab`
    "ab": {"type": "object", "properties": {"s": {"type": "string"}}},  # class Ab, module `_ab` too
}
NAME_SPEC_TAGS = ["con", "AUX", "Nul", "com1", "LPT9", "Calls", "calls", "tag " * 80, "tag " * 80 + "two"]


def _name_spec() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for i, tag in enumerate(NAME_SPEC_TAGS):
        props = {f"p{j}": {"$ref": f"#/components/schemas/{key}"} for j, key in enumerate(NAME_SPEC_SCHEMAS)}
        body = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": props}}}}}
        paths[f"/r{i}"] = {"get": {"operationId": f"get_r{i}", "tags": [tag], "responses": body}}
    return _spec(NAME_SPEC_SCHEMAS, paths)


def test_file_names_are_short_never_devices_and_distinct_in_any_case(package: Any, tmp_path: Path) -> None:
    n = package(_name_spec(), "names")
    files = [p.relative_to(tmp_path / "out") for p in sorted((tmp_path / "out").rglob("*")) if "__pycache__" not in p.parts]
    for rel in files:
        for part in rel.parts:
            assert len(part.encode()) <= MAX_PATH_COMPONENT and not is_device_name(part), rel
    assert len({str(f).casefold() for f in files}) == len(files)
    resources = sorted(p.stem for p in (tmp_path / "out" / "names" / "src" / "trunkline_names" / "resources").glob("*.py") if p.stem != "__init__")
    assert len(resources) == len(NAME_SPEC_TAGS)
    assert {"con_", "aux_", "nul_", "com1_", "lpt9_"} <= set(resources)
    for stem in resources:
        importlib.import_module(f"trunkline_names.resources.{stem}")
    for name in n.models.__all__:  # every model imports from its module, none overwritten by another
        assert getattr(n.models, name).__name__ == name
    long_classes = [name for name in n.models.__all__ if len(name) > MAX_PATH_COMPONENT]
    assert len(long_classes) == 2  # class names stay whole; only file names are cut
    assert {"AB", "Ab", "Pet", "Pet2"} <= set(n.models.__all__)
    client = n.Client(base_url="https://api.example.com")
    assert {"con_", "aux_", "nul_", "com1_", "lpt9_", "calls", "calls_2"} <= set(dir(client))


def test_file_names_are_the_same_on_every_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "names.json"
    path.write_text(json.dumps(_name_spec()), encoding="utf-8")
    trees = []
    for out in ("a", "b"):
        assert main(["generate", "--spec", str(path), "--out", str(tmp_path / out)]) == 0, capsys.readouterr().err
        trees.append({p.relative_to(tmp_path / out): p.read_bytes() for p in (tmp_path / out).rglob("*") if p.is_file()})
    assert trees[0] == trees[1]


@pytest.mark.parametrize("name", ["con", "aux", "com1", "lpt9", "x" * 65])
def test_a_package_name_no_filesystem_takes_is_refused(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(_spec({"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}})), encoding="utf-8")
    assert main(["generate", "--spec", str(path), "--out", str(tmp_path / "out"), "--name", name]) == 2
    assert "--name" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_module_names_are_cut_with_a_stable_hash_and_devices_renamed() -> None:
    long = "_" + "a" * 300
    assert module_name(long) == module_name(long) and len(module_name(long)) <= 80
    assert module_name(long) != module_name(long + "b")
    assert [module_name(n) for n in ("con", "CON", "aux", "nul", "prn", "com1", "lpt9", "console", "_con")] == [
        "con_", "CON_", "aux_", "nul_", "prn_", "com1_", "lpt9_", "console", "_con"]
    assert all(is_device_name(n) for n in ("con.py", "Aux.tar.gz", "NUL", "com\u00b9.py", "conout$"))
    names = Namer(fold_case=True)
    assert [names.unique(n) for n in ("calls", "Calls", "CALLS")] == ["calls", "Calls_2", "CALLS_3"]


@pytest.mark.parametrize("paths", [["p/src/a/" + "x" * 101 + ".py"], ["p/src/con.py"], ["p/src/A.py", "p/src/a.py"]])
def test_the_writer_refuses_an_unsafe_file_name(paths: list[str]) -> None:
    with pytest.raises(TrunklineError, match="Trunkline bug"):
        check_file_names(paths)


def test_normalizing_keeps_json_schema_types_and_drops_unknown_keywords(tmp_path: Path) -> None:
    from generator.modeling.build import build

    schemas = {"Thing": {"type": "object", "properties": {
        "done": {"type": "null", "description": "always null"},
        "upload": {"customTypePath": IMPORT_STRING},
        "either": {"type": ["string", "null"]},
        "names": {"type": "array", "items": {"title": "T", "xml": {}}},
    }}}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_spec(schemas)), encoding="utf-8")
    props = build(load(path), "t").model_defs["Thing"]["properties"]
    assert props["done"] == {"type": "null", "description": "always null"}
    assert props["upload"] == {}
    assert props["either"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert props["names"] == {"type": "array", "items": {}}


@pytest.mark.parametrize(("schema", "where"), [
    ({"type": "object", "properties": ["a"]}, "/properties"),
    ({"allOf": {"type": "string"}}, "/allOf"),
    ({"type": "array", "prefixItems": {"type": "string"}}, "/prefixItems"),
    ({"enum": "abc"}, "/enum"),
])
def test_a_keyword_of_the_wrong_shape_is_a_located_error(schema: dict[str, Any], where: str, tmp_path: Path) -> None:
    from generator.reading.preflight import preflight

    path = tmp_path / "t.json"
    path.write_text(json.dumps(_spec({"Thing": schema}), indent=1), encoding="utf-8")
    with pytest.raises(TrunklineError) as caught:
        preflight(load(path))
    assert caught.value.location is not None and caught.value.location.pointer == "/components/schemas/Thing" + where
    assert caught.value.location.line > 1


def test_lint_finds_a_private_keyword_in_a_schema_only_a_ref_reaches(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-defs:\n  Hidden:\n    type: object\n"
        "    properties:\n      h: {type: string, customTypePath: pydantic.ImportString}\n"
        "components:\n  schemas:\n    Thing: {$ref: '#/x-defs/Hidden'}\n",
        encoding="utf-8",
    )
    found = [(f.location.pointer, f.location.line) for f in lint(load(path)) if f.rule == "no-private-schema-keywords"]
    assert found == [("/x-defs/Hidden/properties/h/customTypePath", 8)]


def test_keywords_left_empty_are_as_if_absent(tmp_path: Path) -> None:
    from generator.modeling.build import build

    path = tmp_path / "t.yaml"
    path.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n"
        "      description:\n      required:\n      properties:\n        a:\n          type: string\n          description: 5\n"
        "          default:\n          enum:\n",
        encoding="utf-8",
    )
    assert build(load(path), "t").model_defs["Thing"] == {"type": "object", "properties": {"a": {"type": "string", "default": None}}}


def test_a_wrong_shape_in_a_schema_only_a_ref_reaches_is_a_located_error(tmp_path: Path) -> None:
    from generator.reading.preflight import preflight

    path = tmp_path / "t.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n"
        "x-defs:\n  Hidden:\n    type: object\n    properties: [a, b]\n"
        "components:\n  schemas:\n    Thing: {$ref: '#/x-defs/Hidden'}\n",
        encoding="utf-8",
    )
    with pytest.raises(TrunklineError) as caught:
        preflight(load(path))
    assert caught.value.location is not None
    assert (caught.value.location.pointer, caught.value.location.line) == ("/x-defs/Hidden/properties", 10)
