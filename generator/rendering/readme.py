"""The Python code of a generated README: complete programs with typed argument values.

Every snippet imports what it uses and builds its own client, so it runs as written (against
`trunkline mock` or the API) and passes `mypy --strict`. Argument values come from the operation's
first documented example, else from a value built from the schema (`ir.Param.sample`,
`ir.Body.sample`), else a typed placeholder; each is written as the type the signature asks for
(a `datetime.date` for a date, a model for a model), never `...`.
"""

from __future__ import annotations

import ast
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from generator.modeling import ir
from generator.rendering.escape import py_literal


@dataclass
class Imports:
    """What a snippet needs imported: standard modules, and names from the package."""

    stdlib: set[str] = field(default_factory=set)  # whole import lines: "import datetime"
    names: set[str] = field(default_factory=set)  # names imported from the package

    def lines(self, module: str) -> list[str]:
        """The import block, stdlib first, then httpx, then the package (isort's order)."""
        std = sorted(line for line in self.stdlib if line != "import httpx")
        blocks = [std] if std else []
        if "import httpx" in self.stdlib:
            blocks.append(["import httpx"])
        if self.names:
            blocks.append([f"from {module} import {', '.join(sorted(self.names, key=_import_order))}"])
        return [line for n, block in enumerate(blocks) for line in ([""] if n else []) + block]


def _import_order(name: str) -> tuple[int, str]:
    """isort's force-sort-within-sections order: classes and constants before modules."""
    return (0 if name[:1].isupper() else 1, name)


def code(literal: str) -> str:
    """A literal for a README code block: backticks (only ever inside strings) as `\\x60`, so no fence closes."""
    return literal.replace("`", "\\x60")


def split_union(annotation: str) -> list[str]:
    """The members of a `A | B[C | D]` annotation at the top level."""
    members, depth, start = [], 0, 0
    quote = ""
    for index, char in enumerate(annotation):
        if quote:
            quote = "" if char == quote and annotation[index - 1] != "\\" else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            members.append(annotation[start:index].strip())
            start = index + 1
    members.append(annotation[start:].strip())
    return [m for m in members if m]


def _inner(member: str, head: str) -> str | None:
    """`X` of `head[X]`, or None when `member` is not that generic."""
    if member.startswith(head + "[") and member.endswith("]"):
        return member[len(head) + 1 : -1]
    return None


def _split_args(text: str) -> list[str]:
    """`str, list[int]` as its two type arguments."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


class Typed:
    """Writes JSON values as Python expressions of an IR annotation, noting the imports they need."""

    def __init__(self, package: ir.Package, imports: Imports) -> None:
        """Write for `package` (its model schemas pick a union's member) into `imports`."""
        self.package = package
        self.imports = imports

    def value(self, annotation: str, value: Any) -> str | None:
        """`value` as an expression of `annotation`; None when it does not fit."""
        members = split_union(annotation)
        for strict in (True, False):
            for member in members:
                written = self._member(member, value, strict)
                if written is not None:
                    return written
        return None

    def placeholder(self, annotation: str) -> str:
        """A typed value of `annotation` when nothing is documented: the simplest of its first member."""
        members = [m for m in split_union(annotation) if m != "None"] or ["None"]
        member = members[0]
        simple = {"str": '"string"', "int": "0", "float": "0.0", "bool": "False", "None": "None", "Any": "{}", "bytes": 'b"content"'}
        if member in simple:
            return simple[member]
        if member in ("FileContent", "FileInput"):
            return 'b"content"'
        if member == "datetime.date":
            self.imports.stdlib.add("import datetime")
            return "datetime.date(2000, 1, 1)"
        if member == "datetime.datetime":
            self.imports.stdlib.add("import datetime")
            return "datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)"
        literal = _inner(member, "Literal")
        if literal is not None:
            return code(_literal_members(literal)[0][1])
        if _inner(member, "list") is not None:
            return "[]"
        if _inner(member, "dict") is not None:
            return "{}"
        written = self.value(member, {}) if member.startswith("models.") else None
        return written or '"string"'

    def entry(self, annotation: str) -> str:
        """A dict or list of `annotation` with one placeholder member, to show how a nested field is written."""
        for member in split_union(annotation):
            mapping, item = _inner(member, "dict"), _inner(member, "list")
            if mapping is not None and len(_split_args(mapping)) == 2:
                return '{"key": ' + self.placeholder(_split_args(mapping)[1]) + "}"
            if item is not None:
                return "[" + self.placeholder(item) + "]"
        return self.placeholder(annotation)

    def _member(self, member: str, value: Any, strict: bool) -> str | None:
        """`value` as one member of a union; `strict` takes only values of the member's own JSON type."""
        if member == "None":
            return "None" if value is None else None
        if member in ("Any", "object"):
            return code(py_literal(value)) if strict else None
        if member in ("str", "int", "float", "bool"):
            return _scalar(member, value, strict)
        if member in ("bytes", "FileContent", "FileInput"):
            return "b" + code(py_literal(value)) if isinstance(value, str) and value.isascii() and strict else None
        if member in ("datetime.date", "datetime.datetime"):
            return self._temporal(member, value) if isinstance(value, str) else None
        literal = _inner(member, "Literal")
        if literal is not None:
            return next((code(text) for shown, text in _literal_members(literal) if shown == value and type(shown) is type(value)), None)
        item = _inner(member, "list")
        if item is not None:
            return self._list(item, value)
        mapping = _inner(member, "dict")
        if mapping is not None:
            return self._dict(mapping, value)
        if member.startswith("models."):
            return self._model(member, value, strict)
        return code(py_literal(value)) if not strict else None  # an annotation this writer does not know

    def _temporal(self, member: str, value: str) -> str | None:
        """A date as `datetime.date(y, m, d)`, a date-time as `datetime.datetime.fromisoformat(...)`."""
        try:
            if member == "datetime.date":
                day = datetime.date.fromisoformat(value)
                self.imports.stdlib.add("import datetime")
                return f"datetime.date({day.year}, {day.month}, {day.day})"
            datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
        self.imports.stdlib.add("import datetime")
        return f"datetime.datetime.fromisoformat({code(py_literal(value))})"

    def _list(self, item: str, value: Any) -> str | None:
        if not isinstance(value, list):
            return None
        written = [self.value(item, v) for v in value]
        return None if any(w is None for w in written) else "[" + ", ".join(str(w) for w in written) + "]"

    def _dict(self, args: str, value: Any) -> str | None:
        parts = _split_args(args)
        if not isinstance(value, dict) or len(parts) != 2 or parts[0] != "str":
            return None
        written = {k: self.value(parts[1], v) for k, v in value.items()}
        if any(not isinstance(k, str) or w is None for k, w in written.items()):
            return None
        return "{" + ", ".join(f"{code(py_literal(k))}: {w}" for k, w in written.items()) + "}"

    def _model(self, member: str, value: Any, strict: bool) -> str | None:
        """A model from its JSON with `model_validate`: objects when strict, the model's root values otherwise."""
        name = member[len("models."):]
        schema = self.package.model_defs.get(name)
        if strict and not (isinstance(value, dict) and _fits(schema, value, self.package.model_defs)):
            return None
        if not strict and isinstance(schema, dict) and "enum" in schema:
            return None  # an enum class: its Literal alternative writes it
        self.imports.names.add("models")
        return f"{member}.model_validate({code(py_literal(value))})"


def _scalar(member: str, value: Any, strict: bool) -> str | None:
    """A str, int, float or bool; not strict, numbers and their text stand for each other."""
    kinds = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}[member]
    if isinstance(value, kinds) and (member == "bool" or not isinstance(value, bool)):
        return code(py_literal(value))
    if strict or isinstance(value, bool) or value is None:
        return None
    if member == "str" and isinstance(value, (int, float)):
        return code(py_literal(str(value)))
    if member in ("int", "float") and isinstance(value, str):
        try:
            number: int | float = int(value) if member == "int" else float(value)
        except ValueError:
            return None
        return py_literal(number)
    return None


def _literal_members(inner: str) -> list[tuple[Any, str]]:
    """The values of `Literal[...]` and how each is written."""
    parts = _split_args(inner)
    found = []
    for part in parts:
        try:
            found.append((ast.literal_eval(part), part))
        except (ValueError, SyntaxError):
            continue
    return found or [("string", '"string"')]


def _fits(schema: Any, value: dict[str, Any], defs: dict[str, Any]) -> bool:
    """Whether an object can be this model: its required keys are there, its constants and enums agree."""
    if not isinstance(schema, dict):
        return True
    required = schema.get("required") or []
    if any(key not in value for key in required):
        return False
    props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
    for key, prop in props.items():
        if key not in value or not isinstance(prop, dict):
            continue
        ref = prop.get("$ref")
        target = defs.get(ref.rsplit("/", 1)[-1]) if isinstance(ref, str) else prop
        if isinstance(target, dict):
            allowed = [target["const"]] if "const" in target else target.get("enum")
            if isinstance(allowed, list) and value[key] not in allowed:
                return False
    return True


def arguments(op: ir.Operation, typed: Typed) -> str:
    """Keyword arguments of a call to `op`: the first example's values, required ones always."""
    example = op.examples[0] if op.examples else None
    parts = []
    for param in op.params:
        values = {"path": example.path, "query": example.query, "header": example.headers}.get(param.location, {}) if example else {}
        if param.wire in values:
            parts.append(f"{param.name}={_written(typed, param.annotation, values[param.wire])}")
        elif param.required:
            parts.append(f"{param.name}={_written(typed, param.annotation, param.sample)}")
    if op.body is not None:
        parts += _body_arguments(op.body, example, typed)
    return ", ".join(parts)


def _body_arguments(body: ir.Body, example: ir.Example | None, typed: Typed) -> list[str]:
    """The body's fields (or `body=`): the example's, and required ones from the schema's sample."""
    documented = example.body if example is not None and example.has_body else None
    if body.fields is None:
        if documented is not None:
            return [f"body={_written(typed, body.annotation, documented)}"]
        if body.required:
            return [f"body={_written(typed, body.annotation, body.sample)}"]
        return []
    sample = body.sample if isinstance(body.sample, dict) else {}
    parts = []
    for item in body.fields:
        if isinstance(documented, dict) and item.wire in documented:
            parts.append(f"{item.name}={_written(typed, item.annotation, documented[item.wire])}")
        elif item.required:
            parts.append(f"{item.name}={_written(typed, item.annotation, sample.get(item.wire))}")
    return parts


def _written(typed: Typed, annotation: str, value: Any) -> str:
    """`value` as the annotation asks, else a typed placeholder (a value that does not fit is not shown)."""
    if value is None and "None" not in split_union(annotation):
        return typed.placeholder(annotation)
    written = typed.value(annotation, value)
    return written if written is not None else typed.placeholder(annotation)


@dataclass(frozen=True)
class Pick:
    """An operation the README shows, with its namespace."""

    ns: ir.Namespace
    op: ir.Operation

    @property
    def name(self) -> str:
        """`calls.get`: how the prose names it."""
        return f"{self.ns.attribute}.{self.op.method_name}"


@dataclass(frozen=True)
class ErrorPick:
    """The operation whose documented error model the README shows, its status and model."""

    pick: Pick
    status: str
    model: str
    error_class: str


_ERROR_CLASSES = {
    "400": "BadRequestError", "401": "AuthenticationError", "403": "PermissionDeniedError", "404": "NotFoundError",
    "409": "ConflictError", "422": "UnprocessableEntityError", "429": "RateLimitError",
}


def _error_class(status: str) -> str:
    return _ERROR_CLASSES.get(status, "InternalServerError" if status.startswith("5") else "NotFoundError")


@dataclass
class Uploads:
    """The operations the uploads section shows: a multipart file field, a binary body, a nested form body."""

    file: Pick | None = None
    file_field: ir.BodyField | None = None
    raw: Pick | None = None
    form: Pick | None = None
    form_nested: bool = False  # the form body has an object field, not only lists
    deep: bool = False  # the form body has `deepObject` fields


def picks(package: ir.Package) -> tuple[Pick | None, Pick | None, ErrorPick | None]:
    """The first paged list, the first plain GET (else the first operation), the error model to show."""
    paged = fetch = None
    error: ErrorPick | None = None
    for ns in package.namespaces:
        for op in ns.operations:
            if op.pagination is not None and paged is None:
                paged = Pick(ns, op)
            if fetch is None and op.http_method == "GET" and op.pagination is None:
                fetch = Pick(ns, op)
            for r in op.responses:
                if r.kind != "json" or r.status.startswith("2") or not r.annotation.startswith("models."):
                    continue
                if error is None or (r.status == "404" and error.status != "404"):
                    error = ErrorPick(Pick(ns, op), r.status, r.annotation, _error_class(r.status))
    if fetch is None and package.namespaces and package.namespaces[0].operations:
        fetch = Pick(package.namespaces[0], package.namespaces[0].operations[0])
    return paged, fetch, error


def uploads(package: ir.Package) -> Uploads:
    """What the uploads and form bodies section shows (all None when the API takes none)."""
    found = Uploads()
    for ns in package.namespaces:
        for op in ns.operations:
            body = op.body
            if body is None:
                continue
            if found.file is None and body.kind == "multipart" and body.fields:
                files = {e.wire for e in body.encoding if e.file}
                found.file_field = next((f for f in body.fields if f.wire in files), None)
                found.file = Pick(ns, op) if found.file_field else None
            if found.raw is None and body.kind == "binary":
                found.raw = Pick(ns, op)
            if (found.form is None or not found.form_nested) and body.kind == "form" and body.fields:
                deep = {e.wire for e in body.encoding if e.style == "deepObject"}
                nested = [f for f in body.fields if f.wire in deep or "dict[" in f.annotation or "list[" in f.annotation]
                if nested:
                    found.form, found.deep = Pick(ns, op), bool(deep)
                    found.form_nested = any("list[" not in f.annotation for f in nested)
    return found


class Snippets:
    """Builds each code block of one package's README."""

    def __init__(self, package: ir.Package) -> None:
        """Snippets of `package`."""
        self.package = package

    def program(self, imports: Imports, body: list[str], client: str = "Client()") -> str:
        """A complete program: its imports, a client (unless `client` is empty), then `body`."""
        if client:
            imports.names.add(client.split("(")[0])
        lines = imports.lines(self.package.module)
        lines += [""] + ([f"client = {client}"] if client else []) + body
        return "\n".join(lines)

    def call(self, pick: Pick, imports: Imports, prefix: str = "client.", extra: str = "") -> str:
        """`client.ns.method(args)` with typed arguments, `extra` keyword arguments after them."""
        args = arguments(pick.op, Typed(self.package, imports))
        joined = ", ".join(a for a in (args, extra) if a)
        return f"{prefix}{pick.ns.attribute}.{pick.op.method_name}({joined})"

    def operation(self, pick: Pick) -> str:
        """The Calls section's block of one operation: walk every item of a list, else call it."""
        imports = Imports()
        call = self.call(pick, imports)
        if pick.op.pagination is not None:
            body = [f"for item in {call}:  # every item of every page", "    print(item)"]
        elif pick.op.return_annotation == "None":
            body = [call]
        else:
            body = [f"result = {call}", "print(result)"]
        return self.program(imports, body)

    def credentials(self) -> str:
        """Reading the credentials from the environment, or passing them."""
        envs = ", ".join(c.env for c in self.package.credentials)
        return self.program(Imports(), [f"client = Client({self._credential_args()})  # or pass them"], f"Client()  # reads {envs}")

    def auth_scheme(self) -> str:
        """Choosing a security alternative by name."""
        named = [alternative for alternative in self.package.security if alternative]
        scheme = code(py_literal(named[-1][0]))
        return self.program(Imports(), [], f"Client({self._credential_args()}, auth_scheme={scheme})")

    def _credential_args(self) -> str:
        return ", ".join(f'{c.name}="my-{c.name.replace("_", "-")}"' for c in self.package.credentials)

    def async_call(self, fetch: Pick | None) -> str:
        """A complete asyncio program making one call."""
        imports = Imports({"import asyncio"}, {"AsyncClient"})
        if fetch is not None:
            call = self.call(fetch, imports, "await client.")
            inner = [f"        result = {call}", "        print(result)"] if fetch.op.return_annotation != "None" else [f"        {call}"]
        else:
            inner = ["        print(client)"]
        body = ["", "async def main() -> None:", "    async with AsyncClient() as client:", *inner, "", "", "asyncio.run(main())"]
        return self.program(imports, body, client="")

    def errors(self, error: ErrorPick | None, fetch: Pick | None) -> str:
        """Catching the errors of one call, with the documented error model when there is one."""
        if error is not None:
            imports = Imports(names={"APIStatusError", error.error_class, "RateLimitError", "models"})
            call = self.call(error.pick, imports)
            body = ["try:", f"    {call}", f"except {error.error_class} as exc:", f"    assert isinstance(exc.parsed, {error.model})",
                    "    print(exc.status_code, exc.parsed)"]
            if error.error_class != "RateLimitError":
                body += ["except RateLimitError as exc:", '    print("slow down:", exc.headers.get("retry-after"))']
        else:
            assert fetch is not None
            imports = Imports(names={"APIStatusError", "NotFoundError"})
            call = self.call(fetch, imports)
            body = ["try:", f"    {call}", "except NotFoundError as exc:", "    print(exc.status_code, exc.body)"]
        body += ["except APIStatusError as exc:", "    print(exc.status_code, exc.headers, exc.content)"]
        return self.program(imports, body)

    def retries(self, fetch: Pick | None) -> str:
        """Retry settings per client and per call."""
        imports = Imports(names={"RetryPolicy"})
        body = [
            "client = Client(retry=RetryPolicy(max_retries=3, initial_delay=1.0, max_delay=30.0, max_retry_after=120.0))",
            "client = Client(retry_non_idempotent=True)  # retry POST and PATCH too, when the API makes that safe",
        ]
        if fetch is not None:
            body.append(self.call(fetch, imports, extra='request_options={"max_retries": 0}') + "  # this call only")
        return self.program(imports, body, "Client(max_retries=5)")

    def test_clock(self) -> str:
        """A client that never waits, for tests."""
        imports = Imports(names={"Client", "RetryPolicy"})
        body = ["waits: list[float] = []", "client = Client(sleep=waits.append, retry=RetryPolicy(rand=lambda: 0.0))"]
        return self.program(imports, body, client="")

    def timeouts(self, fetch: Pick | None) -> str:
        """Timeouts per client and per call."""
        imports = Imports({"import httpx"})
        body = ["client = Client(timeout=httpx.Timeout(30.0, connect=5.0))"]
        if fetch is not None:
            body.append(self.call(fetch, imports, extra='request_options={"timeout": 5.0}'))
        return self.program(imports, body, "Client(timeout=20.0)")

    def paged(self, paged: Pick) -> str:
        """One page by hand, then every item of every page."""
        imports = Imports()
        call = self.call(paged, imports)
        body = [f"page = {call}", "print(len(page.items), page.has_next_page())", "", f"for item in {call}:  # every item of every page", "    print(item)"]
        return self.program(imports, body)

    def paged_async(self, paged: Pick) -> str:
        """The same with AsyncClient, as a complete asyncio program."""
        imports = Imports({"import asyncio"}, {"AsyncClient"})
        call = self.call(paged, imports)
        body = ["", "async def main() -> None:", "    async with AsyncClient() as client:", f"        page = await {call}",
                "        print(len(page.items), page.has_next_page())", f"        async for item in {call}:", "            print(item)",
                "", "", "asyncio.run(main())"]
        return self.program(imports, body, client="")

    def raw(self, fetch: Pick) -> str:
        """A raw response and its parsed result."""
        imports = Imports()
        call = self.call(fetch, imports, "client.with_raw_response.")
        body = [f"raw = {call}", "print(raw.status_code, raw.headers.get(\"content-type\"), len(raw.content))",
                f"result = raw.parse()  # what client.{fetch.name}() returns"]
        return self.program(imports, body)

    def stream(self, fetch: Pick) -> str:
        """A streamed raw response read in chunks."""
        imports = Imports()
        call = self.call(fetch, imports, "client.with_raw_response.", 'request_options={"stream": True}')
        body = ["received = 0", f"with {call} as raw:", "    for chunk in raw.iter_bytes():", "        received += len(chunk)",
                'print(received, "bytes")']
        return self.program(imports, body)

    def upload(self, found: Uploads) -> str:
        """A multipart file field, sent from a path and from an open file."""
        assert found.file is not None and found.file_field is not None and found.file.op.body is not None
        imports = Imports({"from pathlib import Path"})
        typed = Typed(self.package, imports)
        body = found.file.op.body
        sample = body.sample if isinstance(body.sample, dict) else {}
        others = [f"{f.name}={_written(typed, f.annotation, sample.get(f.wire))}" for f in body.fields or () if f.required and f != found.file_field]
        params = [p for p in found.file.op.params if p.required]
        rest = "".join(", " + a for a in [f"{p.name}={_written(typed, p.annotation, p.sample)}" for p in params] + others)
        target = f"client.{found.file.name}"
        name = found.file_field.name
        lines = [f'{target}({name}=Path("report.pdf"){rest})', 'with open("report.pdf", "rb") as handle:',
                 f'    {target}({name}=("report.pdf", handle, "application/pdf"){rest})']
        return self.program(imports, lines)

    def raw_body(self, found: Uploads) -> str:
        """A binary body streamed from a file."""
        assert found.raw is not None
        imports = Imports({"from pathlib import Path"})
        typed = Typed(self.package, imports)
        params = [f"{p.name}={_written(typed, p.annotation, p.sample)}" for p in found.raw.op.params if p.required]
        args = ", ".join([*params, 'body=Path("upload.bin")'])
        return self.program(imports, [f"client.{found.raw.name}({args})"])

    def form(self, found: Uploads) -> str:
        """A form body with nested fields, values from the example or the schema."""
        assert found.form is not None and found.form.op.body is not None
        imports = Imports()
        typed = Typed(self.package, imports)
        op, body = found.form.op, found.form.op.body
        example = op.examples[0] if op.examples else None
        documented = example.body if example is not None and example.has_body and isinstance(example.body, dict) else {}
        sample = body.sample if isinstance(body.sample, dict) else {}
        deep = {e.wire for e in body.encoding if e.style == "deepObject"}
        parts = [f"{p.name}={_written(typed, p.annotation, p.sample)}" for p in op.params if p.required]
        shown = 0
        for item in body.fields or ():
            nested = item.wire in deep or "dict[" in item.annotation or "list[" in item.annotation
            if (nested and shown < 3) or item.required:
                shown += int(nested)
                value = documented.get(item.wire, sample.get(item.wire))
                written = _written(typed, item.annotation, value)
                parts.append(f"{item.name}={typed.entry(item.annotation) if written in ('{}', '[]') else written}")
        return self.program(imports, [f"client.{found.form.name}({', '.join(parts)})"])


def readme_context(package: ir.Package) -> dict[str, Any]:
    """What README.md.j2 shows beyond the IR: the operations it picks and every code block."""
    snippets = Snippets(package)
    paged, fetch, error = picks(package)
    found = uploads(package)
    blocks: dict[str, Any] = {
        "calls": {op.operation_id: snippets.operation(Pick(ns, op)) for ns in package.namespaces for op in ns.operations},
        "async": snippets.async_call(fetch),
        "retries": snippets.retries(fetch),
        "test_clock": snippets.test_clock(),
        "timeouts": snippets.timeouts(fetch),
        "errors": snippets.errors(error, fetch) if error is not None or fetch is not None else "",
    }
    if package.credentials:
        blocks["credentials"] = snippets.credentials()
        blocks["auth_scheme"] = snippets.auth_scheme() if len(package.security) > 1 else ""
    if paged is not None:
        blocks["paged"], blocks["paged_async"] = snippets.paged(paged), snippets.paged_async(paged)
    if fetch is not None:
        blocks["raw"], blocks["stream"] = snippets.raw(fetch), snippets.stream(fetch)
    if found.file is not None:
        blocks["upload"] = snippets.upload(found)
    if found.raw is not None:
        blocks["raw_body"] = snippets.raw_body(found)
    if found.form is not None:
        blocks["form"] = snippets.form(found)
    return {"snippet": blocks, "paged": paged, "fetch": fetch, "error": error, "uploads": found, "wheel": wheel_name(package)}


_VERSION = re.compile(r"[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?")  # PEP 440, public


def wheel_name(package: ir.Package) -> str:
    """The file name of the package's wheel (pure Python, any platform); a glob where the version is unusual."""
    version = package.version if _VERSION.fullmatch(package.version) else "*"
    return f"{package.module}-{version}-py3-none-any.whl"
