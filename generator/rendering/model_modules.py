"""Lay the models out as lazily imported modules, one per reference group.

A big API has thousands of models and building a pydantic class costs time, so importing the
package must not build them all. Each group of mutually referring models gets a module of its
own that imports only what it refers to, and `models/__init__.py` imports a model's module on
first access (PEP 562). A group's module but for its imports of other groups is a `Part`,
which is what the models stage caches.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from generator.errors import TrunklineError
from generator.modeling.naming import Namer, module_name, snake
from generator.rendering.model_input import rename


@dataclass
class _Definition:
    """One top-level model statement and what it refers to."""

    name: str
    source: str
    names: set[str]  # every name it mentions
    after: list[str] = field(default_factory=list)


@dataclass
class Part:
    """One group's module, but for the imports of other groups' models, which depend on where
    those live: what is cached per group and laid out with the others."""

    names: list[str]  # the models it defines, in order; the first names the module
    refers: list[str]  # the models of other groups it uses
    imports: str  # its library imports
    body: str  # its statements


def parts_of(source: str, groups: list[tuple[str, ...]], known: frozenset[str], tree: ast.Module | None = None) -> list[Part]:
    """The parts of a models source: one per group of `groups` (all of them `known` models).

    A class the model generator made up on its own (not `known`) goes, under a private name,
    into each group whose classes use it, so that its name never depends on what else was in
    the run.
    """
    tree = tree if tree is not None else ast.parse(source)
    header, definitions = _read(source, tree)
    order = {name: i for i, name in enumerate(definitions)}
    parts = []
    for group in groups:
        missing = [name for name in group if name not in definitions]
        if missing:
            raise TrunklineError(f"datamodel-code-generator renamed or dropped models: {', '.join(missing[:5])}")
        members = sorted({*group, *_made_up(group, definitions, known)}, key=order.__getitem__)
        parts.append(_part(header, [definitions[name] for name in members], known))
    return parts


def _read(source: str, tree: ast.Module) -> tuple[list[ast.ImportFrom], dict[str, _Definition]]:
    """The library imports and the definitions of a models source, in order."""
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
    return header, definitions


def _made_up(group: tuple[str, ...], definitions: dict[str, _Definition], known: frozenset[str]) -> set[str]:
    """The classes not `known` that the group's classes use, directly or through others of them."""
    found: set[str] = set()
    todo = list(group)
    while todo:
        for name in definitions[todo.pop()].names:
            if name in definitions and name not in known and name not in found:
                found.add(name)
                todo.append(name)
    return found


def _part(header: list[ast.ImportFrom], members: list[_Definition], known: frozenset[str]) -> Part:
    """One group's part: made-up classes renamed `_<Name>`, then numbered within the group."""
    renames: dict[str, str] = {}
    taken = {d.name for d in members} | set().union(*(d.names for d in members))
    for definition in members:
        if definition.name not in known:
            base, n = "_" + re.sub(r"\d+$", "", definition.name), 1
            private = base
            while private in taken or private in renames.values():
                n += 1
                private = f"{base}{n}"
            renames[definition.name] = private
    sources = [_alias_named(rename(d.source, renames), renames.get(d.name)) for d in members]
    after = [rename(line, renames) for d in members for line in d.after]
    used = {renames.get(n, n) for d in members for n in d.names}
    for node in header:
        for alias in node.names if node.module == "builtins" else []:
            if alias.asname in used and not any(re.search(rf"^    {alias.name}\b", text, re.MULTILINE) for text in sources):
                # only a class with a field named `int` needs `int_aliased`; the others say `int`
                sources = [re.sub(rf"\b{alias.asname}\b", alias.name, text) for text in sources]
                used.discard(alias.asname)
    own = [renames.get(d.name, d.name) for d in members]
    body = "".join("\n\n" + text for text in sources) + ("\n\n" + "".join(after) if after else "")
    return Part(
        names=[name for name in own if name in known],
        refers=sorted((used & known) - set(own)),
        imports="".join(_library_imports(header, used)),
        body=body,
    )


def _alias_named(source: str, private: str | None) -> str:
    """A renamed type alias's source with its own name inside (`_X = TypeAliasType("_X", ...)`), as
    type checkers require; any other source as it is."""
    if private is None:
        return source
    return re.sub(r"\A(\w+ = TypeAliasType\(\s*)([\"'])\w+\2", lambda m: f'{m.group(1)}"{private}"', source)


def layout(parts: list[Part], docstring: str) -> dict[str, str]:
    """The models package: the index and one module per part, each named after its first model."""
    homes = Namer(fold_case=True)  # file names: distinct on case-insensitive filesystems too
    home_of: dict[str, str] = {}
    part_homes = []
    for part in parts:
        home = homes.unique(module_name("_" + snake(part.names[0])), key=part.names[0])
        part_homes.append(home)
        for name in part.names:
            home_of[name] = home
    files = {"models/__init__.py": _index(docstring, home_of)}
    for part, home in zip(parts, part_homes):
        imports: dict[str, list[str]] = {}
        for name in part.refers:
            imports.setdefault(home_of[name], []).append(name)
        relative = [_import(other, sorted(names)) for other, names in sorted(imports.items())]
        files[f"models/{home}.py"] = f'"""{docstring}"""\n\n' + part.imports + "".join(relative) + part.body
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
    """Every name a statement mentions, including names quoted as forward references in its
    annotations and bases (not other strings: an enum value "User" is no reference)."""
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.AnnAssign):
            found |= _quoted(child.annotation)
        elif isinstance(child, ast.ClassDef):
            for base in child.bases:
                found |= _quoted(base)
    return found


def _quoted(annotation: ast.expr) -> set[str]:
    """The names quoted in a type expression, leaving out its calls (`Field(alias="x")`)."""
    found: set[str] = set()
    todo: list[ast.AST] = [annotation]
    while todo:
        child = todo.pop()
        if isinstance(child, ast.Call):
            continue
        if isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value.isidentifier():
            found.add(child.value)
        todo.extend(ast.iter_child_nodes(child))
    return found


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
