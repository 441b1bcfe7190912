"""The Python code of a generated README: complete programs with typed argument values.

Every snippet imports what it uses and builds its own client, so it runs as written (against
`trunkline mock` or the API) and passes `mypy --strict`. Argument values come from the operation's
first documented example, else from a value built from the schema (`ir.Param.sample`,
`ir.Body.sample`), else a typed placeholder; each is written as the type the signature asks for
(a `datetime.date` for a date, a model for a model), never `...`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from generator.modeling import ir
from generator.rendering.escape import py_literal
from generator.rendering.type_source import source


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


class Typed:
    """Writes JSON values as Python expressions of an IR type, noting the imports they need."""

    def __init__(self, package: ir.Package, imports: Imports) -> None:
        """Write for `package` (its model schemas pick a union's member) into `imports`."""
        self.package = package
        self.imports = imports

    def value(self, tp: ir.Type, value: Any) -> str | None:
        """`value` as an expression of `tp`; None when it does not fit."""
        for strict in (True, False):
            for member in ir.members(tp):
                written = self._member(member, value, strict)
                if written is not None:
                    return written
        return None

    def placeholder(self, tp: ir.Type) -> str:
        """A typed value of `tp` when nothing is documented: the simplest of its first member."""
        member = next((m for m in ir.members(tp) if m != ir.NONE), ir.NONE)
        if isinstance(member, ir.Primitive) and member.format:
            self.imports.stdlib.add("import datetime")
            return _TEMPORAL_PLACEHOLDERS[member.format]
        if isinstance(member, ir.Primitive):
            return _PLACEHOLDERS[member.name]
        if isinstance(member, (ir.NoneType, ir.AnyType, ir.FileType)):
            return {ir.NoneType: "None", ir.AnyType: "{}", ir.FileType: 'b"content"'}[type(member)]
        if isinstance(member, ir.LiteralOf):
            return code(py_literal(member.values[0]))
        if isinstance(member, ir.ListOf):
            return "[]"
        if isinstance(member, ir.MapOf):
            return "{}"
        written = self.value(member, {}) if isinstance(member, ir.ModelRef) else None
        return written or '"string"'

    def entry(self, tp: ir.Type) -> str:
        """A dict or list of `tp` with one placeholder member, to show how a nested field is written."""
        for member in ir.members(tp):
            if isinstance(member, ir.MapOf):
                return '{"key": ' + self.placeholder(member.value) + "}"
            if isinstance(member, ir.ListOf):
                return "[" + self.placeholder(member.item) + "]"
        return self.placeholder(tp)

    def _member(self, member: ir.Type, value: Any, strict: bool) -> str | None:
        """`value` as one member of a union; `strict` takes only values of the member's own JSON type."""
        if isinstance(member, ir.NoneType):
            return "None" if value is None else None
        if isinstance(member, ir.AnyType):
            return code(py_literal(value)) if strict else None
        if isinstance(member, ir.Primitive) and member.format:
            return self._temporal(member.format, value) if isinstance(value, str) else None
        if isinstance(member, ir.FileType) or member == ir.Primitive("bytes"):
            return "b" + code(py_literal(value)) if isinstance(value, str) and value.isascii() and strict else None
        if isinstance(member, ir.Primitive):
            return _scalar(member.name, value, strict)
        if isinstance(member, ir.LiteralOf):
            return next((code(py_literal(shown)) for shown in member.values if shown == value and type(shown) is type(value)), None)
        if isinstance(member, ir.ListOf):
            return self._list(member.item, value)
        if isinstance(member, ir.MapOf):
            return self._dict(member.value, value)
        if isinstance(member, ir.ModelRef):
            return self._model(member, value, strict)
        return None  # a union is never a member

    def _temporal(self, form: str, value: str) -> str | None:
        """A date as `datetime.date(y, m, d)`, a date-time as `datetime.datetime.fromisoformat(...)`."""
        try:
            if form == "date":
                day = datetime.date.fromisoformat(value)
                self.imports.stdlib.add("import datetime")
                return f"datetime.date({day.year}, {day.month}, {day.day})"
            datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
        self.imports.stdlib.add("import datetime")
        return f"datetime.datetime.fromisoformat({code(py_literal(value))})"

    def _list(self, item: ir.Type, value: Any) -> str | None:
        if not isinstance(value, list):
            return None
        written = [self.value(item, v) for v in value]
        return None if any(w is None for w in written) else "[" + ", ".join(str(w) for w in written) + "]"

    def _dict(self, item: ir.Type, value: Any) -> str | None:
        if not isinstance(value, dict):
            return None
        written = {k: self.value(item, v) for k, v in value.items()}
        if any(not isinstance(k, str) or w is None for k, w in written.items()):
            return None
        return "{" + ", ".join(f"{code(py_literal(k))}: {w}" for k, w in written.items()) + "}"

    def _model(self, model: ir.ModelRef, value: Any, strict: bool) -> str | None:
        """A model from its JSON with `model_validate`: objects when strict, the model's root values otherwise."""
        schema = self.package.model_defs.get(model.name)
        if strict and not (isinstance(value, dict) and _fits(schema, value, self.package.model_defs)):
            return None
        if not strict and isinstance(schema, dict) and "enum" in schema:
            return None  # an enum class: its Literal alternative writes it
        self.imports.names.add("models")
        return f"{source(model)}.model_validate({code(py_literal(value))})"


_PLACEHOLDERS = {"str": '"string"', "int": "0", "float": "0.0", "bool": "False", "bytes": 'b"content"'}
_TEMPORAL_PLACEHOLDERS = {"date": "datetime.date(2000, 1, 1)", "date-time": "datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)"}


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


def _nests(tp: ir.Type, kinds: tuple[type, ...]) -> bool:
    """Whether a list or map (of `kinds`) appears anywhere in `tp`."""
    if isinstance(tp, kinds):
        return True
    if isinstance(tp, ir.ListOf):
        return _nests(tp.item, kinds)
    if isinstance(tp, ir.MapOf):
        return _nests(tp.value, kinds)
    return isinstance(tp, ir.UnionOf) and any(_nests(m, kinds) for m in tp.members)


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
            parts.append(f"{param.name}={_written(typed, param.type, values[param.wire])}")
        elif param.required:
            parts.append(f"{param.name}={_written(typed, param.type, param.sample)}")
    if op.body is not None:
        parts += _body_arguments(op.body, example, typed)
    return ", ".join(parts)


def _body_arguments(body: ir.Body, example: ir.Example | None, typed: Typed) -> list[str]:
    """The body's fields (or `body=`): the example's, and required ones from the schema's sample."""
    documented = example.body if example is not None and example.has_body else None
    if body.fields is None:
        if documented is not None:
            return [f"body={_written(typed, body.type, documented)}"]
        if body.required:
            return [f"body={_written(typed, body.type, body.sample)}"]
        return []
    sample = body.sample if isinstance(body.sample, dict) else {}
    parts = []
    for item in body.fields:
        if isinstance(documented, dict) and item.wire in documented:
            parts.append(f"{item.name}={_written(typed, item.type, documented[item.wire])}")
        elif item.required:
            parts.append(f"{item.name}={_written(typed, item.type, sample.get(item.wire))}")
    return parts


def _written(typed: Typed, tp: ir.Type, value: Any) -> str:
    """`value` as the type asks, else a typed placeholder (a value that does not fit is not shown)."""
    if value is None and ir.NONE not in ir.members(tp):
        return typed.placeholder(tp)
    written = typed.value(tp, value)
    return written if written is not None else typed.placeholder(tp)


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
                if r.kind != "json" or r.status.startswith("2") or not isinstance(ir.members(r.type)[0], ir.ModelRef):
                    continue
                if error is None or (r.status == "404" and error.status != "404"):
                    error = ErrorPick(Pick(ns, op), r.status, source(r.type), _error_class(r.status))
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
                nested = [f for f in body.fields if f.wire in deep or _nests(f.type, (ir.ListOf, ir.MapOf))]
                if nested:
                    found.form, found.deep = Pick(ns, op), bool(deep)
                    found.form_nested = any(not _nests(f.type, (ir.ListOf,)) for f in nested)
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
        elif pick.op.return_type == ir.NONE:
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
            inner = [f"        result = {call}", "        print(result)"] if fetch.op.return_type != ir.NONE else [f"        {call}"]
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
        others = [f"{f.name}={_written(typed, f.type, sample.get(f.wire))}" for f in body.fields or () if f.required and f != found.file_field]
        params = [p for p in found.file.op.params if p.required]
        rest = "".join(", " + a for a in [f"{p.name}={_written(typed, p.type, p.sample)}" for p in params] + others)
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
        params = [f"{p.name}={_written(typed, p.type, p.sample)}" for p in found.raw.op.params if p.required]
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
        parts = [f"{p.name}={_written(typed, p.type, p.sample)}" for p in op.params if p.required]
        shown = 0
        for item in body.fields or ():
            nested = item.wire in deep or _nests(item.type, (ir.ListOf, ir.MapOf))
            if (nested and shown < 3) or item.required:
                shown += int(nested)
                value = documented.get(item.wire, sample.get(item.wire))
                written = _written(typed, item.type, value)
                parts.append(f"{item.name}={typed.entry(item.type) if written in ('{}', '[]') else written}")
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
