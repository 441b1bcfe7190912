"""Rules about references: every `$ref` resolves, and none has siblings the version forbids."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Severity, TrunklineError
from generator.lint.registry import Context, rule
from generator.lint.walk import index, resolve
from generator.reading.load import escape_token
from generator.reading.shape import defects

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@rule("invalid-ref", Severity.ERROR, "Every `$ref` points at something that exists.", "spectral")
def invalid_ref(context: Context) -> Iterator[tuple[str, str]]:
    base = context.document.path.parent
    written = {r.ptr: r.written for r in context.document.refs}  # as the author wrote it, before bundling
    for ref in index(context).refs:
        where = ref.ptr + "/$ref"
        if ref.ref.startswith("#"):
            if resolve(context, ref.ref) is None:
                shown = written.get(ref.ptr, ref.ref)
                yield where, f"`$ref` {shown!r} does not resolve; point it at an existing component"
        else:
            target = ref.ref.split("#", 1)[0]
            if "://" not in target and target and not (base / target).is_file():
                yield where, f"`$ref` {ref.ref!r} names a file that does not exist; fix the path or bundle the spec"


@rule("no-$ref-siblings", Severity.ERROR, "A `$ref` object has no siblings where the OpenAPI version ignores them.", "spectral")
def no_ref_siblings(context: Context) -> Iterator[tuple[str, str]]:
    for ref in index(context).refs:
        if context.version == "3.0":
            extra = [k for k in ref.keys if k != "$ref"]
            hint = "OpenAPI 3.0 ignores them; move them into the target or wrap the `$ref` in `allOf`"
        elif ref.in_schema:
            continue
        else:
            extra = [k for k in ref.keys if k not in ("$ref", "summary", "description")]
            hint = "a Reference Object may only add `summary` and `description`; move them into the target"
        for key in extra:
            yield f"{ref.ptr}/{escape_token(key)}", f"`{key}` sits next to `$ref` and is ignored: {hint}"


@rule("oas3-schema", Severity.ERROR, "The document is valid OpenAPI 3.0 or 3.1 (openapi-spec-validator).", "spectral")
def oas3_schema(context: Context) -> Iterator[tuple[str, str]]:
    """Mostly reported by `generator.reading.validate` before the rules run; here the formats it does not check
    and the shape defects that stop generation (`generator.reading.shape`, which `preflight` raises on)."""
    info = context.document.data.get("info")
    contact = info.get("contact") if isinstance(info, dict) else None
    if isinstance(contact, dict) and "email" in contact:
        email = contact["email"]
        if not (isinstance(email, str) and _EMAIL.match(email)):
            yield "/info/contact/email", f"{email!r} is not an email address; write it as name@domain"
    try:
        yield from defects(context.document)
    except TrunklineError:
        return  # a `$ref` that does not resolve: `invalid-ref` reports it
