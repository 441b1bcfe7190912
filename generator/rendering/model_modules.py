"""Split the one models source of datamodel-code-generator into lazily imported modules.

A big API has thousands of models and building a pydantic class costs time, so importing the
package must not build them all. Each group of mutually referring models (a strongly connected
component of the reference graph) gets a module of its own that imports only what it refers
to, and `models/__init__.py` imports a model's module on first access (PEP 562).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.errors import TrunklineError
from generator.modeling.naming import Namer, module_name, snake


@dataclass
class _Definition:
    """One top-level model statement and what it refers to."""

    name: str
    source: str
    names: set[str]  # every name it mentions
    refers: set[str] = field(default_factory=set)  # the models among them
    after: list[str] = field(default_factory=list)


def split_models(source: str, docstring: str, tree: ast.Module | None = None) -> dict[str, str]:
    """`models/__init__.py` and one `models/_<name>.py` per group, from one models source (and
    its parse, if the caller has it: parsing thousands of models takes a while)."""
    tree = tree if tree is not None else ast.parse(source)
    lines = source.splitlines(keepends=True)
    header: list[ast.ImportFrom] = []
    definitions: dict[str, _Definition] = {}
    for node in tree.body:
        text = _segment(lines, node)
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            header.append(node)
        elif isinstance(node, ast.ClassDef):
            definitions[node.name] = _Definition(node.name, text, _names_in(node))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and len(_targets(node)) == 1:
            name = _targets(node)[0]
            definitions[name] = _Definition(name, text, _names_in(node))
        elif (rebuilt := _rebuilt(node)) is not None and rebuilt in definitions:
            definitions[rebuilt].after.append(text)
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            raise TrunklineError(f"unexpected statement in the models source at line {node.lineno}; this is a Trunkline bug")
    for definition in definitions.values():
        definition.refers = {n for n in definition.names if n in definitions and n != definition.name}
    groups = list(_components(definitions))
    homes = Namer(fold_case=True)  # file names: distinct on case-insensitive filesystems too
    home_of: dict[str, str] = {}
    for group in groups:
        home = homes.unique(module_name("_" + snake(group[0])), key=group[0])
        for name in group:
            home_of[name] = home
    files = {"models/__init__.py": _index(docstring, home_of)}
    for group in groups:
        home = home_of[group[0]]
        files[f"models/{home}.py"] = _module(docstring, header, [definitions[n] for n in group], home_of)
    return files


def _segment(lines: list[str], node: ast.stmt) -> str:
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    end = node.end_lineno if node.end_lineno is not None else node.lineno
    return "".join(lines[first - 1 : end]).rstrip() + "\n"


def _targets(node: ast.Assign | ast.AnnAssign) -> list[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return [t.id for t in targets if isinstance(t, ast.Name)]


def _rebuilt(node: ast.stmt) -> str | None:
    """`X` for a `X.model_rebuild()` statement."""
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if isinstance(func, ast.Attribute) and func.attr == "model_rebuild" and isinstance(func.value, ast.Name):
            return func.value.id
    return None


def _names_in(node: ast.AST) -> set[str]:
    """Every name a statement mentions, including names quoted as forward references."""
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value.isidentifier():
            found.add(child.value)
    return found


def _components(definitions: dict[str, _Definition]) -> Iterator[list[str]]:
    """Strongly connected components (Tarjan, iterative), each in source order, in source order."""
    order = {name: i for i, name in enumerate(definitions)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root, definition in definitions.items():
        if root in index:
            continue
        work = [(root, iter(sorted(definition.refers, key=order.__getitem__)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            name, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(definitions[child].refers, key=order.__getitem__))))
                elif child in on_stack:
                    low[name] = min(low[name], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[name])
            if low[name] == index[name]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == name:
                        break
                found.append(sorted(group, key=order.__getitem__))
    yield from sorted(found, key=lambda g: order[g[0]])


def _module(docstring: str, header: list[ast.ImportFrom], group: list[_Definition], home_of: dict[str, str]) -> str:
    own = {d.name for d in group}
    imports: dict[str, set[str]] = {}
    for definition in group:
        for name in definition.refers - own:
            imports.setdefault(home_of[name], set()).add(name)
    used = set().union(*(d.names for d in group))
    sources = [d.source for d in group]
    for node in header:
        for alias in node.names if node.module == "builtins" else []:
            if alias.asname in used and not any(re.search(rf"^    {alias.name}\b", text, re.MULTILINE) for text in sources):
                # only a class with a field named `int` needs `int_aliased`; the others say `int`
                sources = [re.sub(rf"\b{alias.asname}\b", alias.name, text) for text in sources]
                used.discard(alias.asname)
    parts = [f'"""{docstring}"""\n\n', *_library_imports(header, used)]
    parts += [_import(home, sorted(names)) for home, names in sorted(imports.items())]
    for text in sources:
        parts.append("\n\n" + text)
    after = [line for definition in group for line in definition.after]
    if after:
        parts += ["\n\n", *after]
    return "".join(parts)


def _library_imports(header: list[ast.ImportFrom], used: set[str]) -> list[str]:
    """The library imports of the models source that a module uses (and `__future__`'s)."""
    lines = []
    for node in header:
        kept = [a for a in node.names if node.module == "__future__" or (a.asname or a.name) in used]
        if kept:
            names = [a.name if a.asname is None else f"{a.name} as {a.asname}" for a in kept]
            lines.append(_import(str(node.module), names, relative=False))
    return lines


def _import(home: str, names: list[str], indent: str = "", relative: bool = True) -> str:
    """`from .home import A, B`, wrapped as black wraps it when longer than a line.

    Generated files are written in black's own layout where that is easy, so that black, which
    still formats every file, is done in one pass instead of two.
    """
    source = f".{home}" if relative else home
    line = f"{indent}from {source} import {', '.join(names)}\n"
    if len(line) <= 101:  # 100 characters and the newline
        return line
    return f"{indent}from {source} import (\n" + "".join(f"{indent}    {name},\n" for name in names) + f"{indent})\n"


def _index(docstring: str, home_of: dict[str, str]) -> str:
    names = list(home_of)
    parts = [
        f'"""{docstring}\n\nEach model is imported on first use, so that importing the package stays fast.\n"""\n\n',
        "from __future__ import annotations\n\nimport importlib\nfrom typing import TYPE_CHECKING, Any\n\n",
    ]
    if names:
        parts.append("if TYPE_CHECKING:\n")
        parts += [_import(home_of[n], [f"{n} as {n}"], indent="    ") for n in sorted(names)]
    parts.append("\n_HOMES: dict[str, str] = {\n")
    parts += [f"    \"{n}\": \"{home_of[n]}\",\n" for n in sorted(names)]
    parts.append("}\n\n__all__ = [\n")
    parts += [f"    \"{n}\",\n" for n in sorted(names)]
    parts.append("]\n")
    parts.append(
        "\nif not TYPE_CHECKING:\n\n"
        "    def __getattr__(name: str) -> Any:\n"
        '        """Import the module that defines `name` on first access, then keep the class."""\n'
        "        home = _HOMES.get(name)\n"
        "        if home is None:\n"
        '            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n'
        '        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)\n'
        "        globals()[name] = value\n"
        "        return value\n"
        "\n\ndef __dir__() -> list[str]:\n"
        '    """The loaded names and every model that can be loaded."""\n'
        "    return sorted(set(globals()) | set(_HOMES))\n"
    )
    return "".join(parts)
