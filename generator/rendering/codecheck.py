"""Refuse generated code that is not what the generator means to write.

Two guards behind the escaping: every name and type annotation the templates emit raw is
checked against a strict shape before rendering, and the models module is parsed and allowed
only imports, classes, field declarations and data (no call but a known few), so spec text
that slipped through an escaper could never run when the package is imported.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from generator.errors import Location, TrunklineError
from generator.modeling import ir
from generator.modeling.naming import is_identifier
from generator.modeling.schemas import DEFS, PASSED_KEYWORDS
from generator.reading.load import escape_token

_HTTP = frozenset({"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"})
_LOCATIONS = frozenset({"path", "query", "header", "cookie"})
_ENV = re.compile(r"[A-Z_][A-Z0-9_]*")
_DIST = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TYPE_NAMES = frozenset(
    {"Any", "Literal", "None", "list", "dict", "str", "int", "float", "bool", "bytes", "object", "tuple", "set", "FileContent", "FileInput"}
)
_MODULES = frozenset({"models", "datetime", "builtins"})
# The names a models module may import, by module: what datamodel-code-generator writes for the
# schemas `schemas` passes on. Not a module's every name: `pydantic.ImportString` imports what
# an answer names, and any class could be a model's base.
_MODEL_IMPORTS: dict[str, frozenset[str]] = {
    "__future__": frozenset({"annotations"}),
    "typing": frozenset({"Annotated", "Any", "Dict", "List", "Literal", "Optional", "TYPE_CHECKING", "Union"}),
    "typing_extensions": frozenset({"Annotated", "Literal", "TypeAliasType"}),
    "pydantic": frozenset({"AwareDatetime", "BaseModel", "ConfigDict", "Field", "NaiveDatetime", "RootModel", "StringConstraints"}),
    "enum": frozenset({"Enum", "IntEnum", "StrEnum"}),
    "datetime": frozenset({"date", "datetime", "time", "timedelta"}),
    "uuid": frozenset({"UUID"}),
    "decimal": frozenset({"Decimal"}),
}
_MODEL_BASES = frozenset({"BaseModel", "RootModel", "Enum", "IntEnum", "StrEnum"})
_MODEL_CALLS = frozenset({"Field", "StringConstraints", "ConfigDict", "TypeAliasType", "float", "Decimal", "UUID", "AnyUrl", "date", "datetime", "time", "timedelta"})


def _bug(what: str, location: Location | None = None) -> TrunklineError:
    return TrunklineError(f"{what}; this is a Trunkline bug, please report it with the spec", location)


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
            annotations += [a.annotation for r in op.responses for a in r.answers]  # each media type's own type
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
    models = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and (node.module or "").startswith("_"):
            models |= {alias.asname or alias.name for alias in node.names}  # models of a sibling module
    # a model class may be called too: a root model's default is built as `Root(value)`
    calls = _MODEL_CALLS | models
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            _check_import(node)
        elif isinstance(node, ast.ClassDef):
            _check_class(node, calls, _MODEL_BASES | models)
        elif isinstance(node, ast.Expr) and _is_rebuild(node.value):
            continue
        else:
            _check_statement(node, calls)
    return tree


def _check_import(node: ast.ImportFrom) -> None:
    """Raise unless `node` imports models of a sibling module, or names of `_MODEL_IMPORTS`."""
    if node.level == 1 and (node.module or "").startswith("_"):
        return
    # `from builtins import int as int_aliased`: how a field named `int` leaves the type usable
    if node.module == "builtins" and all(a.name in _TYPE_NAMES and a.asname for a in node.names):
        return
    allowed = _MODEL_IMPORTS.get(node.module or "") if not node.level else None
    if allowed is None:
        raise _bug(f"the models module imports from {node.module!r}")
    for alias in node.names:
        if alias.name not in allowed:
            raise _bug(f"the models module imports {alias.name!r} from {node.module!r}")


def _check_class(node: ast.ClassDef, calls: frozenset[str], bases: frozenset[str]) -> None:
    if node.decorator_list or node.keywords:
        raise _bug(f"model {node.name} has decorators or class keywords")
    for base in node.bases:
        # `BaseModel`, `RootModel[...]`, an enum base or another model: never a class a spec names
        named = base.value if isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name) and base.value.id == "RootModel" else base
        if not (isinstance(named, ast.Name) and named.id in bases):
            raise _bug(f"model {node.name} derives from `{ast.unparse(base)[:80]}`, which is no model")
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


# Keywords whose value is a schema (`items` also a list of them), a list of schemas, or a map of names to schemas.
_ONE_SCHEMA = frozenset({"additionalProperties", "not", "items"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_SCHEMA_MAPS = frozenset({"properties", "patternProperties"})


def check_model_input(defs: dict[str, Any]) -> None:
    """Raise unless every schema handed to datamodel-code-generator holds only passed keywords
    and `$ref`s to its own definitions: none of its private keywords (which name code to
    import), and no reference it could fetch from a file or the network."""
    stack: list[tuple[str, Any]] = [(f"/$defs/{escape_token(str(name))}", schema) for name, schema in defs.items()]
    while stack:
        ptr, schema = stack.pop()
        if isinstance(schema, bool):
            continue
        if not isinstance(schema, dict):
            raise _bug("a schema for the models is not an object", Location("<models>", ptr))
        for key, value in schema.items():
            where = f"{ptr}/{escape_token(str(key))}"
            if key == "$ref" and not (isinstance(value, str) and value.startswith(DEFS) and value[len(DEFS):] in defs):
                raise _bug(f"a schema for the models refers to {str(value)[:200]!r}, not to one of its definitions (nothing is fetched)", Location("<models>", where))
            if key != "$ref" and key not in PASSED_KEYWORDS:
                raise _bug(f"a schema for the models holds the keyword {str(key)[:80]!r}, which is not passed on", Location("<models>", where))
            stack.extend(_nested(key, value, where))


def _nested(key: str, value: Any, ptr: str) -> list[tuple[str, Any]]:
    """The schemas a keyword's value holds, with their pointers; a list or map of the wrong shape is a bug."""
    if key in _SCHEMA_MAPS or key in _SCHEMA_LISTS:
        if not isinstance(value, dict if key in _SCHEMA_MAPS else list):
            raise _bug(f"`{key}` of a schema for the models has the wrong shape", Location("<models>", ptr))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        return [(f"{ptr}/{escape_token(str(name))}", item) for name, item in items]
    if key in _ONE_SCHEMA:
        return [(f"{ptr}/{i}", item) for i, item in enumerate(value)] if isinstance(value, list) else [(ptr, value)]
    return []
