"""Spell an IR type tree as Python source: the one place a type becomes text."""

from __future__ import annotations

from generator.modeling import ir
from generator.rendering.escape import py_literal

# Builtin type names a method of a generated class may shadow (`def list(...)`): spelled `builtins.X` there.
SHADOWABLE = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes"})
_DATES = {"date": "datetime.date", "date-time": "datetime.datetime"}


def source(tp: ir.Type, shadowed: frozenset[str] = frozenset(), model_prefix: str = "models.") -> str:
    """`tp` as a Python type expression in a generated module.

    Models are `<model_prefix>Name`; a builtin in `shadowed` (the methods of the class the
    annotation sits in) is `builtins.<name>`. Outside a class (the runtime's `ResponseSpec`
    lambdas) nothing is shadowed and the same text evaluates to the type at run time.
    """

    def builtin(name: str) -> str:
        return f"builtins.{name}" if name in shadowed and name in SHADOWABLE else name

    def spell(node: ir.Type) -> str:
        if isinstance(node, ir.Primitive):
            return _DATES[node.format] if node.format else builtin(node.name)
        if isinstance(node, ir.ModelRef):
            return model_prefix + node.name
        if isinstance(node, ir.ListOf):
            return f"{builtin('list')}[{spell(node.item)}]"
        if isinstance(node, ir.MapOf):
            return f"{builtin('dict')}[{builtin('str')}, {spell(node.value)}]"
        if isinstance(node, ir.LiteralOf):
            return "Literal[" + ", ".join(py_literal(v) for v in node.values) + "]"
        if isinstance(node, ir.UnionOf):
            return " | ".join(spell(m) for m in node.members)
        if isinstance(node, ir.AnyType):
            return "Any"
        if isinstance(node, ir.NoneType):
            return "None"
        return node.name  # ir.FileType: a name the runtime module defines

    return spell(tp)
