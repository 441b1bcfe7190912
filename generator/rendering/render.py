"""Render a package IR into files in memory: jinja2 templates plus the models module."""

from __future__ import annotations

import functools
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2

from generator.modeling import ir
from generator.rendering.codecheck import check_package, check_printable
from generator.rendering.escape import (
    docstring,
    docstring_first,
    docstring_line,
    markdown,
    markdown_code,
    markdown_prose,
    markdown_url,
    plain_line,
    py_literal,
    toml_string,
)
from generator.rendering.layout import fit, unmarked
from generator.rendering.models import render_models
from generator.rendering.readme import readme_context
from generator.rendering.type_source import source


@functools.cache
def environment() -> jinja2.Environment:
    """The jinja2 environment over `templates/`: strict, no autoescape (it renders Python); one per
    process, so a worker rendering several packages compiles each template once."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(py=py_literal, pytype=source, pycode=_code_literal, doc=docstring, doc_line=docstring_line, doc_first=docstring_first, md=markdown, md_prose=markdown_prose, md_code=markdown_code, md_url=markdown_url, line=plain_line, toml=toml_string, fit=fit)
    return env


def template_root() -> Traversable:
    """`templates/` of the checkout, or `generator/templates` of an installed wheel."""
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if checkout.is_dir():
        return checkout
    return resources.files("generator.templates")


def _template_source(name: str) -> str:
    return template_root().joinpath(name).read_text(encoding="utf-8")


# Modules that are the same text in every package: real Python files in templates/module/, checked
# by ruff and kept black-formatted (a test), so they are copied as they are and black skips them.
STATIC_MODULES = ("_runtime.py", "errors.py", "pagination.py")


def static_paths(package: ir.Package) -> frozenset[str]:
    """The package paths of the static modules, which need no formatting."""
    return frozenset(f"src/{package.module}/{name}" for name in STATIC_MODULES)


@dataclass(frozen=True)
class ModuleHead:
    """What a resource module reads of its package besides its own namespace.

    The module is rendered from this and its namespace alone (a template that reads anything
    else of the package fails loudly), so the two are all of its input: a module whose inputs
    did not change need not be rendered again (`module_inputs`).
    """

    title: str


def module_inputs(package: ir.Package) -> dict[str, bytes]:
    """Each resource module's path and the exact inputs it is rendered from, serialized
    (pickle, fixed protocol): equal bytes are equal inputs, so they key a cache of the module."""
    head = ModuleHead(package.title)
    return {_module_path(package, ns): pickle.dumps((head, ns), protocol=5) for ns in package.namespaces}


def _module_path(package: ir.Package, ns: ir.Namespace) -> str:
    return f"src/{package.module}/resources/{ns.attribute}.py"


def render(package: ir.Package, made: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every file of the package but the models, by path relative to the package directory;
    lines that may run long carry `layout` marks for the formatting stage.

    `made` holds resource modules rendered (and laid out) before from the same `module_inputs`;
    they are taken as they are.
    """
    made = made or {}
    check_package(package)
    env = environment()
    src = f"src/{package.module}/"
    context = {"package": package}
    files = {
        "pyproject.toml": env.get_template("pyproject.toml.j2").render(context),
        "README.md": env.get_template("README.md.j2").render(context, **readme_context(package)),
        src + "py.typed": "",
        src + "resources/__init__.py": '"""Namespaces of the client, one module per tag, loaded on first use."""\n',
    }
    for name in ("__init__.py", "_client.py", "_package.py"):
        files[src + name] = env.get_template(f"module/{name}.j2").render(context)
    for name in STATIC_MODULES:
        files[src + name] = _template_source(f"module/{name}")
    head = ModuleHead(package.title)
    for ns in package.namespaces:
        path = _module_path(package, ns)
        if path in made:
            files[path] = made[path]
            continue
        namespace = env.get_template("module/resources/namespace.py.j2")  # compiled on first use only
        shadowed = frozenset(op.method_name for op in ns.operations)
        files[path] = namespace.render(package=head, ns=ns, annot=lambda tp, names=shadowed: source(tp, names))
    _check_printable({path: text for path, text in files.items() if path not in made})  # made ones were checked when made
    return files


def model_files(package: ir.Package, parallel: bool = True) -> dict[str, str]:
    """The `models` package's files, by path relative to the package directory (made on every
    core if `parallel`)."""
    src = f"src/{package.module}/"
    models = render_models(package.model_defs, package.api_name, parallel)
    files = {src + path: text for path, text in models.items()}
    _check_printable(files)
    return files


def _check_printable(files: dict[str, str]) -> None:
    for path, text in files.items():
        if path.endswith(".py"):
            check_printable(path, unmarked(text))


def _code_literal(value: Any) -> str:
    """A Python literal for a README code block: backticks (only ever inside strings) as `\\x60`, so no fence closes."""
    return py_literal(value).replace("`", "\\x60")
