"""Refuse generated code that is not what the generator means to write.

Two guards behind the escaping: every name and type annotation the templates emit raw is
checked against a strict shape before rendering, and the models module is parsed and allowed
only imports, classes, field declarations and data (no call but a known few), so spec text
that slipped through an escaper could never run when the package is imported.
"""

from __future__ import annotations

import ast
import re

from generator import ir
from generator.errors import TrunklineError
from generator.naming import is_identifier

_HTTP = frozenset({"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"})
_LOCATIONS = frozenset({"path", "query", "header", "cookie"})
_ENV = re.compile(r"[A-Z_][A-Z0-9_]*")
_DIST = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TYPE_NAMES = frozenset(
    {"Any", "Literal", "None", "list", "dict", "str", "int", "float", "bool", "bytes", "object", "tuple", "set"}
)
_MODULES = frozenset({"models", "datetime", "builtins"})
_MODEL_IMPORTS = frozenset(
    {"__future__", "typing", "typing_extensions", "pydantic", "enum", "datetime", "uuid", "decimal", "ipaddress", "pathlib"}
)
_MODEL_CALLS = frozenset({"Field", "StringConstraints", "ConfigDict", "TypeAliasType", "float", "Decimal", "UUID", "AnyUrl", "date", "datetime", "time", "timedelta"})


def _bug(what: str) -> TrunklineError:
    return TrunklineError(f"{what}; this is a Trunkline bug, please report it with the spec")


def check_package(package: ir.Package) -> None:
    """Raise unless every name the templates write raw is an identifier and every annotation a plain type."""
    names = [package.module] + [c.name for c in package.credentials] + [v.name for v in package.server_variables]
    names += [s.credential for s in package.schemes]
    for ns in package.namespaces:
        names += [ns.attribute, ns.class_name]
        for op in ns.operations:
            names.append(op.method_name)
            fields = (op.body.fields or ()) if op.body else ()
            args = [p.name for p in op.params] + [f.name for f in fields]
            if len(set(args)) != len(args):
                raise _bug(f"operation {op.operation_id!r} has two arguments with one name")
            names += args
            if op.http_method not in _HTTP:
                raise _bug(f"operation {op.operation_id!r} has HTTP method {op.http_method!r}")
            if any(p.location not in _LOCATIONS for p in op.params):
                raise _bug(f"operation {op.operation_id!r} has a parameter in no known location")
            annotations = [p.annotation for p in op.params] + [r.annotation for r in op.responses]
            annotations += [op.return_annotation] + ([op.body.annotation] if op.body else [])
            annotations += [f.annotation for f in fields]
            annotations += [op.pagination.item_annotation] if op.pagination else []
            for text in annotations:
                check_annotation(text)
    for name in names:
        if not is_identifier(name):
            raise _bug(f"generated name {name!r} is not a Python identifier")
    for env in [package.env_prefix] + [c.env for c in package.credentials]:
        if not _ENV.fullmatch(env):
            raise _bug(f"environment variable name {env!r} is not UPPER_SNAKE_CASE")
    if not _DIST.fullmatch(package.dist_name):
        raise _bug(f"distribution name {package.dist_name!r} is not a normalized package name")


def check_printable(path: str, source: str) -> None:
    """Raise if generated source holds a raw control, line-separator or bidirectional character."""
    for number, line in enumerate(source.split("\n"), 1):
        if not line.isprintable():
            char = next(c for c in line if not c.isprintable())
            raise _bug(f"generated {path} holds the raw character U+{ord(char):04X} on line {number}")


def check_annotation(text: str) -> None:
    """Raise unless `text` is a type made of builtins, `models.X`, `datetime.X`, `Literal[...]` and `|`."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        raise _bug(f"type annotation {text!r} is not valid Python") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            ok = node.id in _TYPE_NAMES or node.id in _MODULES
        elif isinstance(node, ast.Attribute):
            ok = isinstance(node.value, ast.Name) and node.value.id in _MODULES and is_identifier(node.attr)
        elif isinstance(node, ast.Constant):
            ok = node.value is None or isinstance(node.value, (str, int, bool))
        else:
            ok = isinstance(node, (ast.Expression, ast.Subscript, ast.BinOp, ast.BitOr, ast.Tuple, ast.Load))
        if not ok:
            raise _bug(f"type annotation {text!r} holds {type(node).__name__}, which no type needs")


def check_models(source: str) -> ast.Module:
    """Raise unless a models module holds only imports (of libraries or sibling model modules),
    classes of fields, and data; the parsed module, for the stages after."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise _bug(f"the models module is not valid Python ({exc.msg}, line {exc.lineno})") from None
    # a model class may be called too: a root model's default is built as `Root(value)`
    calls = _MODEL_CALLS | {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            sibling = node.level == 1 and (node.module or "").startswith("_")  # another model module
            # `from builtins import int as int_aliased`: how a field named `int` leaves the type usable
            builtin_types = node.module == "builtins" and all(a.name in _TYPE_NAMES and a.asname for a in node.names)
            if not sibling and not builtin_types and (node.level or node.module not in _MODEL_IMPORTS):
                raise _bug(f"the models module imports from {node.module!r}")
        elif isinstance(node, ast.ClassDef):
            _check_class(node, calls)
        elif isinstance(node, ast.Expr) and _is_rebuild(node.value):
            continue
        else:
            _check_statement(node, calls)
    return tree


def _check_class(node: ast.ClassDef, calls: frozenset[str]) -> None:
    if node.decorator_list or node.keywords:
        raise _bug(f"model {node.name} has decorators or class keywords")
    for base in node.bases:
        _check_data(base, calls)
    for statement in node.body:
        _check_statement(statement, calls)


def _check_statement(node: ast.stmt, calls: frozenset[str]) -> None:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
        return
    if isinstance(node, ast.Pass):
        return
    if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
        _check_data(node.value, calls)
        return
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        _check_data(node.annotation, calls)
        if node.value is not None:
            _check_data(node.value, calls)
        return
    raise _bug(f"the models module holds `{ast.unparse(node)[:80]}` at line {getattr(node, 'lineno', '?')}, which is no declaration")


def _is_rebuild(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call) and not node.args and not node.keywords
        and isinstance(node.func, ast.Attribute) and node.func.attr == "model_rebuild"
        and isinstance(node.func.value, ast.Name)
    )


def _check_data(node: ast.expr, calls: frozenset[str] = _MODEL_CALLS) -> None:
    """Constants, names, `A.b`, subscripts, containers, `|`, signs, and calls of the constructors in `calls`."""
    if isinstance(node, ast.Constant | ast.Name):
        return
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return
    if isinstance(node, ast.Subscript):
        _check_data(node.value, calls)
        _check_data(node.slice, calls)
        return
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        for element in node.elts:
            _check_data(element, calls)
        return
    if isinstance(node, ast.Dict):
        for part in [*node.keys, *node.values]:
            if part is not None:
                _check_data(part, calls)
        return
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        _check_data(node.left, calls)
        _check_data(node.right, calls)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        _check_data(node.operand, calls)
        return
    if isinstance(node, ast.Lambda) and not node.args.args and not node.args.vararg and not node.args.kwarg:
        _check_data(node.body, calls)
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in calls:
        for arg in node.args:
            _check_data(arg, calls)
        for keyword in node.keywords:
            if keyword.arg is None:
                raise _bug("the models module unpacks `**` into a call")
            _check_data(keyword.value, calls)
        return
    raise _bug(f"the models module holds `{ast.unparse(node)[:80]}` at line {getattr(node, 'lineno', '?')}, which is no data")
