"""Make datamodel-code-generator's models type-check as they behave at run time.

What it writes is right for pydantic but not always for `mypy --strict`:
- a root-model field's default is the plain value pydantic validates into the model
  (`= True` for `AddressBook | None`): it becomes `AddressBook(True)`;
- a `null` default on a type without null (`int = None`): the type gets `| None` (and a
  root model's `RootModel[int]` too);
- a default of the wrong kind for a list, dict or scalar field (`list[X] | None = ""`,
  `str | None = 0`, a spec error pydantic never checks): it becomes `None`;
- an allOf class whose bases declare one field with different types: the field is declared
  again in the class, as the base whose type fits all the others declares it;
- a field declared again with a type its base does not allow (an anyOf branch narrowed by
  the outer schema): kept as pydantic uses it, and marked `# type: ignore[assignment]`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

_IGNORE = "  # type: ignore[assignment]"
_WIDER = {"bool": {"int", "float"}, "int": {"float"}}  # what mypy lets stand for what
_SCALARS = {"str", "int", "float", "bool"}


@dataclass(frozen=True)
class _Edit:
    start: int  # byte offsets into the UTF-8 source
    end: int
    text: str


class _Source:
    """The parsed models source, and edits to apply to it."""

    def __init__(self, source: str, tree: ast.Module | None = None) -> None:
        self.data = source.encode()
        tree = tree if tree is not None else ast.parse(self.data)  # offsets are in UTF-8 bytes either way
        self.starts = [0, 0]  # ast numbers lines from 1
        self.starts += [i + 1 for i, byte in enumerate(self.data) if byte == 0x0A]
        self.classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
        self.roots = {name for name, node in self.classes.items() if _is_root_model(node)}
        self.edits: list[_Edit] = []
        self._fields: dict[str, dict[str, ast.AnnAssign]] = {}

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.starts[node.lineno] + node.col_offset  # type: ignore[attr-defined]
        end = self.starts[node.end_lineno] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.data[start:end].decode()

    def result(self) -> str:
        return _apply(self.data, self.edits).decode()

    def fields(self, name: str) -> dict[str, ast.AnnAssign]:
        """A class's fields: its own, then each base's in order (the first declaration wins)."""
        if name not in self._fields:
            found = dict(_own_fields(self.classes[name]))
            for base in _base_names(self.classes[name], self.classes):
                for field, declaration in self.fields(base).items():
                    found.setdefault(field, declaration)
            self._fields[name] = found
        return self._fields[name]

    def subclass(self, name: str, of: str) -> bool:
        if name == of:
            return True
        node = self.classes.get(name)
        return node is not None and any(self.subclass(base, of) for base in _base_names(node, self.classes))

    def fits(self, annotation: ast.expr, declared: ast.expr) -> bool:
        """Whether a field typed `annotation` may override one typed `declared` (as mypy sees it)."""
        wanted = _members(declared)
        if any(isinstance(m, ast.Name) and m.id == "Any" for m in wanted):
            return True
        return all(any(self._member_fits(m, w) for w in wanted) for m in _members(annotation))

    def _member_fits(self, member: ast.expr, wanted: ast.expr) -> bool:
        if ast.dump(member) == ast.dump(wanted):
            return True
        if isinstance(member, ast.Name) and isinstance(wanted, ast.Name):
            return wanted.id in _WIDER.get(member.id, set()) or self.subclass(member.id, wanted.id)
        return False


def fix_typing(source: str, tree: ast.Module | None = None) -> str:
    """`source` with the fixes listed above applied (`tree`: its parse, if the caller has it)."""
    models = _Source(source, tree)
    for node in models.classes.values():
        for field, statement in _own_fields(node).items():
            edits = _default_fixes(models, statement)
            models.edits += edits
            if field == "root" and node.name in models.roots and any(e.text == " | None" for e in edits):
                _, end = models.span(_root_type(node))  # `RootModel[int | None]` for `root: int | None`
                models.edits.append(_Edit(end, end, " | None"))
        _check_overrides(models, node)
        _redeclare_conflicts(models, node)
    return models.result()


def _is_root_base(base: ast.expr) -> bool:
    return isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name) and base.value.id == "RootModel"


def _is_root_model(node: ast.ClassDef) -> bool:
    return any(_is_root_base(b) for b in node.bases)


def _root_type(node: ast.ClassDef) -> ast.expr:
    """`T` of a root model's `RootModel[T]` base."""
    base = next(b for b in node.bases if _is_root_base(b))
    assert isinstance(base, ast.Subscript)
    return base.slice


def _base_names(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> list[str]:
    return [b.id for b in node.bases if isinstance(b, ast.Name) and b.id in classes]


def _own_fields(node: ast.ClassDef) -> dict[str, ast.AnnAssign]:
    return {s.target.id: s for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}


def _core(annotation: ast.expr) -> ast.expr:
    """`X | None` of `Annotated[X | None, ...]`; the annotation itself otherwise."""
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name) and annotation.value.id == "Annotated":
        inner = annotation.slice
        return inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
    return annotation


def _members(annotation: ast.expr) -> list[ast.expr]:
    """The members of the union a (possibly Annotated) type is; one member for a plain type."""
    core = _core(annotation)
    if isinstance(core, ast.BinOp) and isinstance(core.op, ast.BitOr):
        return _members(core.left) + _members(core.right)
    return [core]


def _is_none(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _default_fixes(models: _Source, statement: ast.AnnAssign) -> list[_Edit]:
    value = statement.value
    if value is None:
        return []
    members = [m for m in _members(statement.annotation) if not _is_none(m)]
    admits_none = len(members) < len(_members(statement.annotation)) or any(
        isinstance(m, ast.Name) and m.id == "Any" for m in members
    )
    edits = []
    if isinstance(value, ast.Constant) and not _is_none(value) and not any(_admits(m, value.value) for m in members):
        start, end = models.span(value)  # `list[X] = ""`, `str = 0`: a spec error
        edits.append(_Edit(start, end, "None"))
        value = None
    if value is None or _is_none(value):
        if not admits_none:
            _, end = models.span(_core(statement.annotation))
            edits.append(_Edit(end, end, " | None"))
        return edits
    root = members[0].id if len(members) == 1 and isinstance(members[0], ast.Name) else None
    if root in models.roots and not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == root):
        start, end = models.span(value)
        edits.append(_Edit(start, end, f"{root}({models.text(value)})"))
    return edits


def _admits(member: ast.expr, value: object) -> bool:
    """Whether a constant default may stand for the type `member`, as mypy sees it; True for
    types this does not judge (classes, Literal, dates)."""
    if _is_container(member):
        return False
    if not isinstance(member, ast.Name) or member.id not in _SCALARS:
        return True
    return type(value).__name__ in {member.id} | {k for k, wider in _WIDER.items() if member.id in wider}


def _is_container(member: ast.expr) -> bool:
    return isinstance(member, ast.Subscript) and isinstance(member.value, ast.Name) and member.value.id in ("list", "dict")


def _check_overrides(models: _Source, node: ast.ClassDef) -> None:
    """Mark own fields whose type a base declares otherwise; pydantic uses the class's own."""
    for field, statement in _own_fields(node).items():
        inherited = [models.fields(base).get(field) for base in _base_names(node, models.classes)]
        if any(d is not None and not models.fits(statement.annotation, d.annotation) for d in inherited):
            _, end = models.span(statement)
            models.edits.append(_Edit(end, end, _IGNORE))


def _redeclare_conflicts(models: _Source, node: ast.ClassDef) -> None:
    """Declare again, in a class of several bases, each field they declare with different types."""
    bases = _base_names(node, models.classes)
    if len(bases) < 2:
        return
    own = _own_fields(node)
    declared: dict[str, list[ast.AnnAssign]] = {}
    for base in bases:
        for field, declaration in models.fields(base).items():
            if field not in own:
                declared.setdefault(field, []).append(declaration)
    lines = []
    for declarations in declared.values():
        if len({ast.dump(d.annotation) for d in declarations}) < 2:
            continue
        narrowest = [d for d in declarations if all(models.fits(d.annotation, o.annotation) for o in declarations)]
        chosen = (narrowest or declarations)[0]
        lines.append(_statement_text(models, chosen) + ("" if narrowest else _IGNORE))
    if lines:
        indent = " " * node.body[0].col_offset
        _, end = models.span(node)
        models.edits.append(_Edit(end, end, "".join(f"\n{indent}{line}" for line in lines)))


def _statement_text(models: _Source, statement: ast.AnnAssign) -> str:
    """A field declaration as written, with the default fixes its original gets."""
    start, end = models.span(statement)
    edits = [_Edit(e.start - start, e.end - start, e.text) for e in _default_fixes(models, statement)]
    return _apply(models.data[start:end], edits).decode()


def _apply(data: bytes, edits: list[_Edit]) -> bytes:
    """`data` with the edits made, the last first so that earlier offsets stay right."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: edit.start] + edit.text.encode() + data[edit.end :]
    return data
