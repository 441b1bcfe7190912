"""The layout of generator/ as docs/architecture.md describes it, read from the source with ast.

Stages import only the stages they come after and the shared modules; subsystems and commands sit
on top. Commands live in generator/commands/ alone, each registered once in generator/cli.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator import cli

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# Modules every stage may import: they import nothing but each other.
SHARED = frozenset({"errors", "cache", "versions", "progress"})
# Each stage and the stages it may import. Lint and modeling both read only what reading gives;
# lint also asks modeling's naming authority (naming, client_names) and keyword allow-list
# (schemas) what build will do with a spec, so that the two agree. Nothing imports lint but the
# pipeline and the commands.
STAGES: dict[str, frozenset[str]] = {
    "reading": frozenset(),
    "modeling": frozenset({"reading"}),
    "lint": frozenset({"reading", "modeling"}),
    "rendering": frozenset({"reading", "modeling"}),
    "formatting": frozenset({"reading", "modeling", "rendering"}),
    "writing": frozenset({"reading", "modeling", "rendering", "formatting"}),
}
# Imports that break the rule today, each with what removes it; the test fails once one is gone,
# so the entry goes with it.
# Imports that break the rule for now, each with its reason (none since the typed IR).
PENDING: dict[tuple[str, str], str] = {}
COMMAND_NAMES = frozenset({"HELP", "DESCRIPTION", "configure", "run"})


def module_name(path: Path) -> str:
    """`generator.x.y` for generator/x/y.py (the package for an __init__.py)."""
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    """Every module of generator/, parsed."""
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(GENERATOR.rglob("*.py"))}


PACKAGES = frozenset(module_name(p) for p in GENERATOR.rglob("__init__.py"))
MODULES = frozenset(module_name(p) for p in GENERATOR.rglob("*.py"))


def _base(name: str, node: ast.ImportFrom) -> str:
    """The absolute module a `from ... import` names, relative ones resolved against `name`."""
    if not node.level:
        return node.module or ""
    package = name if name in PACKAGES else name.rsplit(".", 1)[0]
    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
    return f"{base}.{node.module}" if node.module else base


def imports(name: str, tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every generator module `name` imports, at the top or inside a function."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base(name, node)
            for alias in node.names:  # `from generator.x import y` may import the module generator.x.y
                found.append((node.lineno, f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base))
    return sorted({(line, t) for line, t in found if t == "generator" or t.startswith("generator.")})


def part(module: str) -> str:
    """The top-level piece of generator/ a module belongs to: a stage, a subsystem or a module."""
    return module.split(".")[1] if module.count(".") else ""


def stage_violations(name: str, tree: ast.Module) -> list[str]:
    """Why `name`'s imports break the direction rule: a later stage, a subsystem, or anything not shared."""
    own = part(name)
    if own in SHARED:
        allowed, what = SHARED, "other shared modules"
    elif own in STAGES:
        allowed = STAGES[own] | SHARED | {own}
        what = f"{', '.join(sorted(STAGES[own])) or 'no other stage'} and the shared modules"
    else:
        return []
    return [
        f"{name} (line {line}) imports {target}: {own} may import {what}"
        for line, target in imports(name, tree)
        if target != "generator" and part(target) not in allowed and (name, ".".join(target.split(".")[:3])) not in PENDING
    ]


def test_stages_import_only_the_stages_before_them_and_the_shared_modules() -> None:
    found = [problem for name, tree in modules().items() for problem in stage_violations(name, tree)]
    assert found == [], "\n".join(found)


def test_each_pending_exception_still_exists() -> None:
    trees = modules()
    for importer, target in PENDING:
        assert any(t.startswith(target) for _, t in imports(importer, trees[importer])), f"{importer} no longer imports {target}: drop it from PENDING"


def test_the_rule_catches_a_later_stage_and_a_subsystem() -> None:
    tree = ast.parse(
        "from generator.writing.manifest import generator_digest\n"
        "def f():\n    from generator.mock import synth\n"
        "from generator.errors import TrunklineError\nfrom generator.modeling import ir\nfrom . import escape\n"
    )
    rule = "rendering may import modeling, reading and the shared modules"
    assert stage_violations("generator.rendering.models", tree) == [
        f"generator.rendering.models (line 1) imports generator.writing.manifest: {rule}",
        f"generator.rendering.models (line 3) imports generator.mock: {rule}",
    ]
    relative = ast.parse("from . import escape\nfrom ..modeling import ir\n")
    assert imports("generator.rendering.models", relative) == [(1, "generator.rendering.escape"), (2, "generator.modeling.ir")]
    shared = ast.parse("from generator.targets import Target\n")
    assert stage_violations("generator.cache", shared) == [
        "generator.cache (line 1) imports generator.targets: cache may import other shared modules"
    ]


def defines(tree: ast.Module) -> set[str]:
    """The module-level names `tree` assigns or defines."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_only_command_modules_define_a_command() -> None:
    found = {name: sorted(defines(tree) & COMMAND_NAMES) for name, tree in modules().items()}
    outside = {name: names for name, names in found.items() if names and not name.startswith("generator.commands.")}
    assert outside == {}, f"command definitions outside generator/commands/: {outside}"


@pytest.mark.parametrize("path", sorted(p for p in (GENERATOR / "commands").glob("*.py") if p.name != "__init__.py"))
def test_each_command_module_is_a_whole_command(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert COMMAND_NAMES <= defines(tree), f"{path.name} lacks {sorted(COMMAND_NAMES - defines(tree))}"


def test_the_cli_registers_every_command_module_once() -> None:
    on_disk = sorted(p.stem for p in (GENERATOR / "commands").glob("*.py") if p.name != "__init__.py")
    assert sorted(cli.COMMANDS) == on_disk
    assert len(set(cli.COMMANDS)) == len(cli.COMMANDS)


def test_only_entry_points_import_the_commands() -> None:
    """The CLI and `python -m` entry points sit on top; nothing else may depend on a command."""
    found = [
        f"{name} (line {line}) imports {target}"
        for name, tree in modules().items()
        if name != "generator.cli" and not name.endswith(".__main__") and part(name) != "commands"
        for line, target in imports(name, tree)
        if part(target) == "commands"
    ]
    assert found == [], "\n".join(found)
