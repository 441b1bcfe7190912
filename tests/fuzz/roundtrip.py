"""Generate a package from a hostile spec, import it, and check it says exactly what the spec says.

Shared by the injection tests, the hostile corpus and the property tests. Payloads in test specs
set the environment variable `PWNED`; a generated package that runs one is caught on import.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic

from generator.modeling import ir
from generator.modeling.build import build
from generator.pipeline import render_target
from generator.reading.load import load
from generator.rendering.escape import docstring_lines, one_line
from generator.targets import Target

MARKER = "PWNED"
# Ways spec text would try to run code, each setting the marker when it runs.
PAYLOADS = (
    f'__import__("os").environ.__setitem__("{MARKER}", "1")',
    f"\"\"\"\nimport os; os.environ['{MARKER}'] = '1'\n\"\"\"",
    f"'''\nimport os; os.environ['{MARKER}'] = '1'\n'''",
    f"\"; import os; os.environ['{MARKER}'] = '1'; x = \"",
    f"'); import os; os.environ['{MARKER}'] = '1'; ('",
    f"\\\nimport os; os.environ['{MARKER}'] = '1'",
    f"{{{{ cycler.__init__.__globals__.os.environ.__setitem__('{MARKER}', '1') }}}}",
    "{% for x in range(3) %}loop{% endfor %}{# comment #}",
    f"\r\nimport os; os.environ['{MARKER}'] = '1'\r\n",
    f"\u2028import os; os.environ['{MARKER}'] = '1'\u2029",
    f"\x0cimport os\x0b\x1c\x85os.environ['{MARKER}'] = '1'",
    "\x00 nul \x1b[31m escape \u202e bidi \u200b zero width \ufeff bom",
)


@dataclass
class Generated:
    """A generated package on disk, its IR and its files."""

    ir: ir.Package
    src: Path
    files: dict[str, str]


def generate(spec: dict[str, Any], root: Path, name: str) -> Generated:
    """Render the package of `spec` (written as JSON) under `root/name`, as `generate` would."""
    path = root / f"{name}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    files = render_target(Target(name, path, strict=False))  # a spec from outside: usable, not lint-clean
    out = root / name
    for relative, text in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return Generated(build(load(path), name), out / "src", files)


@contextmanager
def imported(generated: Generated) -> Iterator[ModuleType]:
    """Import the package and every resource module, warnings as errors; forget them afterwards."""
    module_name = generated.ir.module
    os.environ.pop(MARKER, None)
    sys.path.insert(0, str(generated.src))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            module = importlib.import_module(module_name)
            for ns in generated.ir.namespaces:
                importlib.import_module(f"{module_name}.resources.{ns.attribute}")
        assert MARKER not in os.environ, "importing the package ran code from the spec"
        yield module
    finally:
        sys.path.remove(str(generated.src))
        for loaded in [m for m in sys.modules if m == module_name or m.startswith(module_name + ".")]:
            del sys.modules[loaded]


def check_no_live_code(generated: Generated) -> None:
    """No generated module calls `__import__`, `exec`, `eval` or touches `os.environ` (what payloads do)."""
    for relative, text in generated.files.items():
        if not relative.endswith(".py"):
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("__import__", "exec", "eval", "compile"), (relative, ast.unparse(node))
            if isinstance(node, ast.Attribute) and node.attr == "environ":
                assert relative.endswith(("_client.py", "_runtime.py")), (relative, ast.unparse(node))
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names]
                assert "os" not in names or relative.endswith(("_client.py", "_runtime.py")), relative


def check_models(generated: Generated, module: ModuleType) -> None:
    """Enum values, defaults, property names and descriptions of every model are the spec's own."""
    models = module.models
    prefix = f"src/{generated.ir.module}/models/_"
    field_docs: dict[tuple[str, str], str] = {}
    for path, source in generated.files.items():
        if path.startswith(prefix):
            field_docs.update(_field_docstrings(source))
    for name, schema in generated.ir.model_defs.items():
        cls = getattr(models, name)
        if "description" in schema:  # a root model documents its `root` field instead of the class
            shown = "\n".join(filter(None, [cls.__doc__ or "", field_docs.get((name, "root"), "")]))
            _assert_doc(schema["description"], shown, f"model {name}")
        if "enum" in schema:
            assert [member.value for member in cls] == schema["enum"], name
        properties = schema.get("properties") or {}
        if not properties or "model_fields" not in dir(cls) or issubclass(cls, pydantic.RootModel):
            continue  # a root model (a union of variants) holds the properties in its variants
        by_alias = {(field.alias or attr): (attr, field) for attr, field in cls.model_fields.items()}
        assert set(properties) <= set(by_alias), (name, sorted(set(properties) - set(by_alias)))
        for key, prop in properties.items():
            attr, field = by_alias[key]
            if "default" in prop and key not in (schema.get("required") or ()):  # a required field has no default
                value = field.default
                assert value == prop["default"] or getattr(value, "value", object()) == prop["default"], (name, key)
            if isinstance(prop.get("description"), str):
                _assert_doc(prop["description"], field_docs.get((name, attr)), f"field {name}.{attr}")


def check_operations(generated: Generated, module: ModuleType) -> None:
    """Method names, docstrings and wire names of every operation are the spec's own."""
    client = module.Client(base_url="https://example.invalid")
    for ns in generated.ir.namespaces:
        resource = getattr(client, ns.attribute)
        assert type(resource).__name__ == ns.class_name
        resource_module = sys.modules[f"{generated.ir.module}.resources.{ns.attribute}"]
        if ns.description:
            assert one_line(ns.description) in one_line(type(resource).__doc__ or "")
        for op in ns.operations:
            method = getattr(resource, op.method_name)
            doc = method.__doc__ or ""
            assert one_line(op.summary or op.operation_id) in one_line(doc), op.operation_id
            if op.description:
                _assert_doc(op.description, doc, f"method {op.method_name}")
            spec = getattr(resource_module, "_" + op.method_name.upper())
            assert spec.id == op.operation_id and spec.path == op.path
            assert [(a.name, a.wire) for a in spec.params] == [(p.name, p.wire) for p in op.params]
            arguments = set(inspect.signature(method).parameters) - {"request_options", "body"}
            fields = {f.name for f in op.body.fields or ()} if op.body else set()
            assert arguments == {p.name for p in op.params} | fields


def _assert_doc(text: str, doc: str | None, what: str) -> None:
    shown = [line.strip() for line in (doc or "").split("\n")]
    wanted = [line for line in docstring_lines(text.strip())]
    assert any(shown[i : i + len(wanted)] == wanted for i in range(len(shown))), (what, wanted, shown)


def _field_docstrings(source: str) -> dict[tuple[str, str], str]:
    """(class, field) -> the docstring under the field's declaration in one models module."""
    docs: dict[tuple[str, str], str] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        for before, after in zip(node.body, node.body[1:]):
            if (
                isinstance(before, ast.AnnAssign) and isinstance(before.target, ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[(node.name, before.target.id)] = after.value.value
    return docs
