"""Audit a package generated from a third-party spec: nothing dropped, every body typed, all imports.

Shared by tests/test_corpus.py and bench/; each check returns what is wrong, empty when nothing.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.modeling import ir
from generator.modeling.build import build
from generator.reading.load import Document, load, pointer
from generator.reading.spec import deref, operations

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = {"petstore": "petstore.yaml", "stripe": "stripe.yaml", "telnyx": "telnyx.yml", "github": "github.json"}


@dataclass
class Audit:
    """What one generated package lacks compared with its spec."""

    operations: int = 0
    schemas: int = 0
    missing_operations: list[str] = field(default_factory=list)
    missing_schemas: list[str] = field(default_factory=list)
    untyped_bodies: list[str] = field(default_factory=list)
    import_failures: list[str] = field(default_factory=list)


def audit(spec: Path, package_dir: Path, name: str) -> Audit:
    """Compare the package in `package_dir` (OUT/NAME) with `spec`."""
    document = load(spec)
    result = Audit()
    wanted = list(operations(document))
    result.operations = len(wanted)
    package = build(document, name)
    module_dir = package_dir / "src" / package.module
    defined = _methods(module_dir / "resources")
    for ns in package.namespaces:
        for op in ns.operations:
            if (ns.class_name, op.method_name) not in defined:
                result.missing_operations.append(f"{op.http_method} {op.path} ({ns.attribute}.{op.method_name})")
            for response in op.responses:
                untyped = response.status.startswith("2") and response.kind == "json" and response.type == ir.ANY
                if untyped and _has_typed_schema(document, op.path, op.http_method.lower(), response.status, response.content_type):
                    result.untyped_bodies.append(f"{op.http_method} {op.path} {response.status}")
    built_ops = sum(len(ns.operations) for ns in package.namespaces)
    if built_ops != len(wanted):
        result.missing_operations.append(f"{len(wanted) - built_ops} operation(s) not in the IR")
    components = (document.data.get("components") or {}).get("schemas") or {}
    result.schemas = len(components)
    homes = _model_names(module_dir / "models" / "__init__.py")
    for key in components:
        model = package.component_models.get(str(key))
        if model is None or model not in homes:
            result.missing_schemas.append(str(key))
    result.import_failures = _import_everything(package_dir / "src", package.module)
    return result


def _methods(resources: Path) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in resources.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            # the sync classes' methods: async ones are `async def` (a tag `async` makes `AsyncResource` sync)
            if isinstance(node, ast.ClassDef) and not node.name.endswith("WithRawResponse"):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and not item.name.startswith("_") and item.name != "with_raw_response":
                        found.add((node.name, item.name))
    return found


def _model_names(index: Path) -> set[str]:
    for node in ast.parse(index.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "_HOMES":
            assert isinstance(node.value, ast.Dict)
            return {k.value for k in node.value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    return set()


def _has_typed_schema(document: Document, path: str, method: str, status: str, content_type: str) -> bool:
    """Whether the spec gives this body a schema that says more than "anything"."""
    op_ptr = pointer("paths", path, method)
    node, ptr = deref(document, document.resolve("#" + op_ptr + pointer("responses", status)), op_ptr)
    schema = ((node or {}).get("content") or {}).get(content_type, {}).get("schema")
    if not isinstance(schema, dict):
        return False
    schema, _ = deref(document, schema, ptr)
    said = set(schema) - {"description", "title", "example", "examples", "nullable"}
    if "type" not in schema:  # array keywords bind only arrays: alone they admit any body (Slack's pins.list)
        said -= {"items", "minItems", "maxItems", "uniqueItems", "contains", "prefixItems"}
    return bool(said)


def _import_everything(src: Path, module: str) -> list[str]:
    """Import every module of the package in a fresh interpreter; the ones that fail."""
    script = (
        "import importlib, json, pkgutil, sys\n"
        f"package = importlib.import_module({module!r})\n"
        "failed = []\n"
        "for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "    try:\n"
        "        importlib.import_module(info.name)\n"
        "    except Exception as exc:\n"
        "        failed.append(f'{info.name}: {type(exc).__name__}: {exc}'[:300])\n"
        "print(json.dumps(failed))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], env={"PYTHONPATH": str(src)}, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [f"{module}: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'crashed'}"]
    failed: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return failed
