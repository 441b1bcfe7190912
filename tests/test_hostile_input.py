"""Hostile spec files end in one located exit-2 error from `lint` and `generate`, fast, writing nothing.

Each case is a file an attacker could hand to `trunkline generate --spec`: alias bombs, devices and
FIFOs, huge files, bytes that are not UTF-8, numbers Python cannot print, lone surrogates, YAML
tags that make non-JSON values, nesting and `$ref` chains deep enough to exhaust the stack, and
reference keywords only a network fetch could resolve. Loading refuses each with the file, line,
column and JSON pointer of the culprit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.errors import TrunklineError
from generator.reading import load as load_module
from generator.reading.load import load, parse
from generator.reading.spec import deref
from generator.writing.write import tree

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 20  # every hostile case must end well within this (a hang or a blow-up would not)

HEAD = """\
openapi: 3.1.0
info: {title: T, version: "1"}
security: []
paths:
  /a:
    get:
      operationId: a_get
      summary: s
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/A"}
components:
  schemas:
"""  # 16 lines: a case's own text starts on line 17


def _laughs() -> str:
    lines = ["    A: {type: string}", "x-lol:", "  l0: &l0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return HEAD + "\n".join(lines) + "\n"


def _json(schema_a: str, **schemas: object) -> str:
    """A JSON spec whose schema `A` is the raw JSON text `schema_a` (on line 5 of the file)."""
    rest = "".join(f",\n  {json.dumps(name)}: {json.dumps(value)}" for name, value in schemas.items())
    paths = {"/a": {"get": {"operationId": "a_get", "summary": "s", "responses": {"200": {
        "description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}}
    return (
        '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "security": [],\n'
        f'"paths": {json.dumps(paths)},\n'
        '"components": {"schemas": {\n'
        '"B": {"type": "string"},\n'
        f'"A": {schema_a}{rest}\n'
        "}}}\n"
    )


def _nested_json(levels: int) -> str:
    schema: object = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "array", "items": schema}
    return _json(json.dumps(schema))


def _chain(length: int, through_property: bool) -> str:
    """Schemas A -> S1 -> S2 ... each a bare `$ref` to the next, or an object whose property refers to it."""
    def link(i: int) -> object:
        ref = {"$ref": f"#/components/schemas/S{i + 1}"}
        return {"type": "object", "properties": {"next": ref}} if through_property else ref
    schemas: dict[str, object] = {f"S{i}": link(i) for i in range(1, length)}
    schemas[f"S{length}"] = {"type": "string"}
    return _json(json.dumps(link(0)), **schemas)


@dataclass(frozen=True)
class Case:
    """A hostile file and where its error must point: line, column, pointer, words of the message."""

    file: str
    text: str | bytes
    line: int
    col: int
    pointer: str
    says: str


CASES = [
    # 1. YAML aliases: a billion laughs stops at the alias that passes the budget; a recursive alias at once.
    Case("laughs.yaml", _laughs(), 23, 47, "/x-lol/l4/7", "aliases expand to more than 100,000 nodes"),
    Case("alias-recursive.yaml", HEAD + "    A: &a\n      type: object\n      properties:\n        self: *a\n",
         20, 15, "/components/schemas/A/properties/self", "alias inside its own anchor"),
    Case("merge-recursive.yaml", HEAD + "    A: &a\n      type: object\n      <<: *a\n",
         19, 11, "/components/schemas/A/<<", "alias inside its own anchor"),
    # 3. bytes that are not UTF-8: the line and column (in characters) of the first bad byte
    Case("latin1.yaml", (HEAD + "    A:\n      type: string\n      description: café caf").encode() + b"\xe9 au lait\n",
         19, 28, "", "not UTF-8 text: byte 0xe9"),
    # 4. integers Python refuses to print, numbers JSON has no value for
    Case("bigint.json", _json('{"type": "integer", "default": ' + "9" * 5000 + "}"),
         5, 37, "/components/schemas/A/default", "an integer of 5000 digits"),
    Case("bigint.yaml", HEAD + "    A: {type: integer, default: " + "9" * 5000 + "}\n",
         17, 33, "/components/schemas/A/default", "an integer of more than 1000 digits"),
    Case("bighex.yaml", HEAD + "    A: {type: integer, default: 0x" + "f" * 5000 + "}\n",
         17, 33, "/components/schemas/A/default", "an integer of more than 1000 digits"),
    Case("nan.json", _json('{"type": "number", "default": NaN}'), 5, 36, "/components/schemas/A/default", "not finite"),
    Case("overflow.json", _json('{"type": "number", "maximum": 1e999}'), 5, 36, "/components/schemas/A/maximum", "not finite"),
    Case("inf.yaml", HEAD + "    A: {type: number, default: .inf}\n", 17, 32, "/components/schemas/A/default", "not finite"),
    # 5. nesting and reference chains deep enough to exhaust a recursive walker
    # depth 65 is A's 62nd `items`; each level opens with `{"type": "array", "items": ` (27 characters)
    Case("nested.json", _nested_json(900), 5, 6 + 27 * 62, "/components/schemas/A" + "/items" * 62, "nests more than 64 levels"),
    Case("nested.yaml", HEAD + "    A:\n" + "".join("      " + "  " * i + "items:\n" for i in range(100)) + "  " * 106 + "type: string\n",
         18 + 62, 7 + 2 * 62, "/components/schemas/A" + "/items" * 62, "nests more than 64 levels"),
    Case("deep.json", '{"a":\n' + "[" * 100_000 + "]" * 100_000 + "}\n", 2, 65, "", "nests more than 64 levels"),
    Case("ref-chain.json", _chain(2000, through_property=False), 5, 15, "/components/schemas/A/$ref", "`$ref`s in a row"),
    Case("ref-depth.json", _chain(2000, through_property=True), 2, 161,
         "/paths/~1a/get/responses/200/content/application~1json/schema/$ref", "once `$ref`s are followed"),
    # 6. strings that are not Unicode text
    Case("surrogate.json", _json('{"type": "string", "description": "bad \\ud800 here"}'),
         5, 40, "/components/schemas/A/description", "lone UTF-16 surrogate"),
    Case("surrogate-key.json", _json('{"type": "string", "x-\\udfff": 1}'), 5, 6, "/components/schemas/A", "lone UTF-16 surrogate"),
    Case("surrogate.yaml", HEAD + '    A: {type: string, description: "bad \\ud800 here"}\n', 17, 43, "", "invalid Unicode character escape"),
    # 8. YAML tags that make values JSON has no type for
    Case("binary.yaml", HEAD + "    A:\n      type: string\n      enum: [a, !!binary aGVsbG8=]\n",
         19, 17, "/components/schemas/A/enum/1", "YAML tag 'tag:yaml.org,2002:binary'"),
    Case("set.yaml", HEAD + "    A:\n      type: string\n      x-s: !!set {a, b}\n", 19, 12, "/components/schemas/A/x-s", "2002:set'"),
    Case("python.yaml", HEAD + "    A:\n      type: string\n      default: !!python/name:os.system\n",
         19, 16, "/components/schemas/A/default", "2002:python/name:os.system'"),
    Case("timestamp.yaml", HEAD + "    A:\n      type: string\n      default: !!timestamp 2020-01-01\n",
         19, 16, "/components/schemas/A/default", "2002:timestamp'"),
    Case("custom-tag.yaml", HEAD + "    A:\n      type: string\n      default: !evil x\n", 19, 16, "/components/schemas/A/default", "'!evil'"),
    Case("complex-key.yaml", HEAD + "    A:\n      type: string\n      ? [a, b]\n      : 1\n", 19, 9, "/components/schemas/A", "key must be a plain string"),
    # 9. reference keywords other than `$ref`: resolving them would take the network
    Case("dynamic-ref.yaml", HEAD + "    A:\n      type: object\n      properties:\n        n: {$dynamicRef: '#node'}\n",
         20, 26, "/components/schemas/A/properties/n/$dynamicRef", "`$dynamicRef` is a JSON Schema keyword"),
    Case("recursive-ref.json", _json('{"type": "object", "properties": {"n": {"$recursiveRef": "#"}}}'),
         5, 63, "/components/schemas/A/properties/n/$recursiveRef", "`$recursiveRef`"),
    Case("dynamic-anchor.yaml", HEAD + "    A:\n      $dynamicAnchor: node\n      type: object\n",
         18, 23, "/components/schemas/A/$dynamicAnchor", "`$dynamicAnchor`"),
    Case("id.yaml", HEAD + "    A:\n      $id: https://evil.example/a.json\n      type: string\n", 18, 12, "/components/schemas/A/$id", "`$id`"),
    Case("schema-not-text.yaml", HEAD + "    A:\n      $schema: 5\n      type: string\n",
         18, 16, "/components/schemas/A/$schema", "`$schema` must be the URI of a dialect"),
    Case("dialect-not-text.yaml", HEAD.replace("security: []", "security: []\njsonSchemaDialect: [1]") + "    A: {type: string}\n",
         4, 20, "/jsonSchemaDialect", "`jsonSchemaDialect` must be the URI"),
]


def _write(directory: Path, case: Case) -> Path:
    path = directory / case.file
    if isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_text(case.text, encoding="utf-8")
    return path


def _where(path: Path, case: Case) -> str:
    return f"{path}:{case.line}:{case.col} {case.pointer or '#'}"


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_lint_refuses_with_one_located_line(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, case)
    started = time.monotonic()
    status = main(["lint", str(path)])
    assert time.monotonic() - started < SECONDS
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert status == 2, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(_where(path, case) + " error [unreadable] "), lines[0]
    assert case.says in lines[0]
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_generate_refuses_with_one_located_line_and_writes_nothing(
    case: Case, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, case)
    before = tree(out)
    started = time.monotonic()
    status = main(["generate", "--spec", str(path), "--out", str(out), "--name", "x"])
    assert time.monotonic() - started < SECONDS
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert status == 2, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"trunkline: error: {_where(path, case)}: "), lines[0]
    assert case.says in lines[0]
    assert tree(out) == before


# -- 2. what is not a regular file, and files too large ----------------------------------------


def _trunkline(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process, so that a read that never ends fails the test instead of hanging it."""
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          timeout=SECONDS, cwd=ROOT, check=False)


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_lint_refuses_a_fifo_or_device_without_reading_it(kind: str, tmp_path: Path) -> None:
    if kind == "fifo":
        path = tmp_path / "spec.yaml"
        os.mkfifo(path)  # opening it for reading would block until a writer comes
    else:
        path = tmp_path / "zero.yaml"
        path.symlink_to("/dev/zero")  # reading it never ends
    result = _trunkline("lint", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.startswith(f"{path}:1:1 # error [unreadable] not a regular file"), result.stdout


def test_generate_refuses_a_device(tmp_path: Path, out: Path) -> None:
    before = tree(out)
    result = _trunkline("generate", "--spec", "/dev/zero", "--out", str(out), "--name", "x")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("trunkline: error: "), result.stderr
    assert "/dev/zero" in result.stderr and "Traceback" not in result.stderr
    assert tree(out) == before


def test_a_file_past_the_size_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.yaml"
    path.write_text(HEAD + "    A:\n      type: string\n      description: " + "x" * 2000 + "\n")
    assert main(["lint", str(path)]) == 2
    assert capsys.readouterr().out.startswith(f"{path}:1:1 # error [unreadable] the file is larger than 0 MiB")
    assert main(["generate", "--spec", str(path), "--out", str(out), "--name", "x"]) == 2
    assert "the file is larger than" in capsys.readouterr().err


def test_yaml_too_dense_to_compose_is_refused_before_composing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(load_module, "MAX_YAML_NODES", 10_000)
    path = tmp_path / "dense.yaml"
    path.write_text(HEAD + "    A: {type: integer, enum: [" + ",".join(["1"] * 5_000) + "]}\n")
    assert main(["lint", str(path)]) == 2
    assert capsys.readouterr().out.startswith(f"{path}:1:1 # error [unreadable] the YAML holds too many values")
    path.write_text(HEAD + "    A: {type: integer, enum: [" + ",".join(["1"] * 1_000) + "]}\n")
    assert len(load(path).data["components"]["schemas"]["A"]["enum"]) == 1_000


def test_external_refs_count_toward_the_size_limit_and_may_not_name_a_fifo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(HEAD + "    A: {$ref: 'parts/a.yaml#/A'}\n")
    (tmp_path / "parts").mkdir()
    os.mkfifo(tmp_path / "parts" / "a.yaml")
    with pytest.raises(TrunklineError, match="not a regular file") as fifo:
        load(spec)
    assert (fifo.value.location.line, fifo.value.location.pointer) == (17, "/components/schemas/A/$ref")  # type: ignore[union-attr]
    (tmp_path / "parts" / "a.yaml").unlink()
    (tmp_path / "parts" / "a.yaml").write_text("A: {type: string, description: " + "x" * 2000 + "}\n")
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", len(spec.read_text()) + 1000)
    with pytest.raises(TrunklineError, match="larger than 0 MiB together") as big:
        load(spec)
    assert (big.value.location.line, big.value.location.pointer) == (17, "/components/schemas/A/$ref")  # type: ignore[union-attr]


# -- 7. duplicate keys: recorded once at load; lint reports them, generate refuses them ----------


DUPLICATES = [
    Case("dupe.yaml", HEAD + "    A:\n      type: string\n      type: integer\n", 19, 7, "/components/schemas/A/type", "key 'type'"),
    Case("dupe.json", _json('{"type": "string", "type": "integer"}'), 5, 33, "/components/schemas/A/type", "key 'type'"),
]


@pytest.mark.parametrize("case", DUPLICATES, ids=[c.file for c in DUPLICATES])
def test_duplicate_keys_fail_lint_and_stop_generate(
    case: Case, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, case)
    assert [(d.ptr, d.key) for d in load(path).duplicates] == [(case.pointer, "type")]
    assert main(["lint", str(path)]) == 1
    assert any(line.startswith(_where(path, case) + " error [parser] ") for line in capsys.readouterr().out.splitlines())
    before = tree(out)
    assert main(["generate", "--spec", str(path), "--out", str(out), "--name", "x"]) == 2
    err = capsys.readouterr().err.splitlines()
    message = f"{case.says} appears twice in this mapping; only the last one would count, so merge them"
    assert err == [f"trunkline: error: {_where(path, case)}: {message}"]
    assert tree(out) == before


def test_a_duplicate_key_in_a_bundled_file_stops_generate(tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(HEAD + "    A: {$ref: 'parts/a.yaml#/A'}\n")
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "a.yaml").write_text("A:\n  type: string\n  type: integer\n")
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "x"]) == 2
    assert capsys.readouterr().err.startswith(f"trunkline: error: {tmp_path}/parts/a.yaml:3:3 /A/type: key 'type' appears twice")


def test_keys_overriding_a_merge_are_not_duplicates() -> None:
    document = parse("b: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n", Path("m.yaml"), "m.yaml")
    assert document.data["d"] == {"x": 3, "y": 2}
    assert document.duplicates == []


# -- what must still load ----------------------------------------------------------------------


def test_anchors_merge_keys_and_dollar_text_still_load_and_generate(tmp_path: Path, out: Path) -> None:
    spec = tmp_path / "fine.yaml"
    spec.write_text(HEAD + """\
    Base: &base
      type: object
      properties:
        id: {type: string, description: costs $5 or $PRICE}
    A:
      <<: *base
      $schema: https://json-schema.org/draft/2020-12/schema
      $comment: a merged schema
      description: merged
      properties:
        $id: {type: string}
        tags: {type: array, items: &tag {type: string, maxLength: 20}}
        more: {type: array, items: *tag}
      default: {$id: x, $anchor: y}
""")
    document = load(spec)
    assert document.data["components"]["schemas"]["A"]["type"] == "object"
    assert document.data["components"]["schemas"]["A"]["properties"]["more"]["items"] == {"type": "string", "maxLength": 20}
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--name", "fine"]) == 0
    assert (out / "fine").is_dir()


def test_every_vendor_and_corpus_spec_still_loads() -> None:
    corpus = Path("/work/shared/corpus")
    paths = sorted((ROOT / "specs").glob("*.yaml")) + (sorted(corpus.glob("*.y*ml")) if corpus.is_dir() else [])
    for path in paths:
        assert isinstance(load(path).data, dict), path


def test_yaml_data_is_plain_json_shaped() -> None:
    data = parse("a: 2020-01-01\nb: [1, 2.5, true, null, '']\n200: x\n", Path("t.yaml"), "t.yaml").data
    assert data == {"a": "2020-01-01", "b": [1, 2.5, True, None, ""], "200": "x"}
    assert json.loads(json.dumps(data)) == data
    assert yaml.safe_load(json.dumps(data)) == data


def test_a_surrogate_pair_is_one_character_and_loads() -> None:
    document = parse('{"description": "smile \\ud83d\\ude00"}', Path("p.json"), "p.json")
    assert document.data == {"description": "smile \U0001f600"}


def test_deref_tells_a_long_chain_from_a_cycle() -> None:
    chain = {f"S{i}": {"$ref": f"#/S{i + 1}"} for i in range(100)} | {"S100": {"type": "string"}}
    document = parse(json.dumps(chain), Path("c.json"), "c.json")
    with pytest.raises(TrunklineError, match="in a row") as long:
        deref(document, chain["S0"], "/S0")
    assert "cycle" not in long.value.message
    loop = {"A": {"$ref": "#/B"}, "B": {"$ref": "#/A"}}
    document = parse(json.dumps(loop), Path("l.json"), "l.json")
    with pytest.raises(TrunklineError, match="cycle"):
        deref(document, loop["A"], "/A")


def test_a_dialect_trunkline_does_not_know_is_named_not_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from generator.lint import lint

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network call: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    spec = tmp_path / "dialect.yaml"
    spec.write_text(HEAD.replace("security: []", "security: []\njsonSchemaDialect: https://evil.example/d")
                    + "    A:\n      $schema: 'https://json-schema.org/draft-05/schema#'\n      type: string\n")
    document = load(spec)  # a dialect is a name: loading takes it, the models stage never sees it
    found = [(f.rule, f.message) for f in lint(document) if "dialect" in f.message.lower()]
    assert found == [("oas3-schema", "Unknown JSON Schema dialect: 'https://json-schema.org/draft-05/schema#'")]
