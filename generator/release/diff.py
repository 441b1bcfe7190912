"""Compare two specs and classify every change for the callers of the generated Python client.

Direction matters: a request schema is what callers send, so widening it is safe and narrowing
it breaks them; a response schema is what callers read, so narrowing it is safe and widening it
(a new type, a new null, a property no longer required) breaks code that relied on it. Removing
anything callers can name (an operation, a parameter, a field, an enum member) always breaks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from generator.reading.load import Document, pointer
from generator.reading.spec import HTTP_METHODS, OperationRef, follow, operations, parameters

DOC_KEYS = ("summary", "description", "title", "example", "examples", "externalDocs")
Side = Literal["old", "new"]


class Level(str, Enum):
    """How a change affects callers of the generated client."""

    BREAKING = "breaking"
    NON_BREAKING = "non-breaking"
    DOCS = "documentation"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"documentation": 0, "non-breaking": 1, "breaking": 2}[self.value]


class Direction(str, Enum):
    """Whether a schema is sent by callers (request) or read by them (response)."""

    REQUEST = "request"
    RESPONSE = "response"


@dataclass(frozen=True)
class Change:
    """One classified difference, located by a JSON pointer into the old or the new spec."""

    level: Level
    code: str
    side: Side
    pointer: str
    message: str


def _label(op: OperationRef) -> str:
    """`GET /calls/{id}`: how messages name an operation."""
    return f"{op.method.upper()} {op.path}"


@dataclass
class Diff:
    """Walks two documents and collects classified changes, each once."""

    old: Document
    new: Document
    changes: dict[tuple[str, str, str], Change] = field(default_factory=dict)
    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    # ---- recording -------------------------------------------------------------------------
    def add(self, level: Level, code: str, side: Side, ptr: str, message: str) -> None:
        """Record a change; the same code at the same place keeps its most severe level."""
        key = (side, ptr, code)
        known = self.changes.get(key)
        if known is None or level.rank > known.level.rank:
            self.changes[key] = Change(level, code, side, ptr, message)

    def docs(self, old: dict[str, Any], new: dict[str, Any], ptr: str, what: str) -> None:
        """Documentation-only keys (summary, description, examples...) that differ."""
        for key in DOC_KEYS:
            if old.get(key) != new.get(key):
                self.add(Level.DOCS, f"{key}-changed", "new", f"{ptr}/{key}" if key in new else ptr, f"{what}: {key} changed")

    # ---- the documents -----------------------------------------------------------------------
    def run(self) -> list[Change]:
        """Every change, most severe first, then in document order."""
        old, new = self.old.data, self.new.data
        self.docs(_d(old.get("info")), _d(new.get("info")), "/info", "API info")
        if _d(old.get("info")).get("version") != _d(new.get("info")).get("version"):
            self.add(Level.DOCS, "api-version-changed", "new", "/info/version", "the API's own version label changed")
        self.servers()
        self.security_schemes()
        self.component_schemas()
        self.tags()
        self.operations()
        order = list(self.changes.values())
        return sorted(order, key=lambda c: -c.level.rank)

    def servers(self) -> None:
        """The first server is the client's default base URL; the others are alternatives."""
        old = [_d(s) for s in _l(self.old.data.get("servers"))]
        new = [_d(s) for s in _l(self.new.data.get("servers"))]
        old_urls, new_urls = [s.get("url") for s in old], [s.get("url") for s in new]
        if old_urls[:1] != new_urls[:1]:
            before, after = (old_urls or ["/"])[0], (new_urls or ["/"])[0]
            self.add(Level.BREAKING, "default-server-changed", "new", "/servers/0" if new_urls else "/servers",
                     f"default base URL changed from {before} to {after}; callers without base_url= now reach another server")
        for i, url in enumerate(old_urls[1:], 1):
            if url not in new_urls:
                self.add(Level.NON_BREAKING, "server-removed", "old", f"/servers/{i}", f"server {url} is no longer listed")
        for i, url in enumerate(new_urls):
            if url not in old_urls and i > 0:
                self.add(Level.NON_BREAKING, "server-added", "new", f"/servers/{i}", f"server {url} added")
            elif url in old_urls:
                self.docs(old[old_urls.index(url)], new[i], f"/servers/{i}", f"server {url}")

    def security_schemes(self) -> None:
        """Removed or redefined schemes change how callers authenticate."""
        old = _d(_d(self.old.data.get("components")).get("securitySchemes"))
        new = _d(_d(self.new.data.get("components")).get("securitySchemes"))
        for name in old:
            ptr = pointer("components", "securitySchemes", name)
            if name not in new:
                self.add(Level.BREAKING, "security-scheme-removed", "old", ptr, f"security scheme {name} was removed")
                continue
            before = {k: v for k, v in _d(old[name]).items() if k not in DOC_KEYS and not k.startswith("x-example")}
            after = {k: v for k, v in _d(new[name]).items() if k not in DOC_KEYS and not k.startswith("x-example")}
            if before != after:
                keys = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
                self.add(Level.BREAKING, "security-scheme-changed", "new", ptr,
                         f"security scheme {name} changed ({', '.join(keys)}); callers authenticate differently")
            self.docs(_d(old[name]), _d(new[name]), ptr, f"security scheme {name}")
        for name in new:
            if name not in old:
                self.add(Level.NON_BREAKING, "security-scheme-added", "new", pointer("components", "securitySchemes", name),
                         f"security scheme {name} added")

    def component_schemas(self) -> None:
        """Each component schema is a model class callers may import."""
        old = _d(_d(self.old.data.get("components")).get("schemas"))
        new = _d(_d(self.new.data.get("components")).get("schemas"))
        for name in old:
            if name not in new:
                self.add(Level.BREAKING, "model-removed", "old", pointer("components", "schemas", name),
                         f"model {name} was removed")
        for name in new:
            if name not in old:
                self.add(Level.NON_BREAKING, "model-added", "new", pointer("components", "schemas", name), f"model {name} added")

    def tags(self) -> None:
        """Tag descriptions document the client namespaces."""
        old = {_d(t).get("name"): (i, _d(t)) for i, t in enumerate(_l(self.old.data.get("tags")))}
        for i, tag in enumerate(_l(self.new.data.get("tags"))):
            name = _d(tag).get("name")
            if name in old:
                self.docs(old[name][1], _d(tag), f"/tags/{i}", f"tag {name}")

    # ---- operations -------------------------------------------------------------------------
    def operations(self) -> None:
        """Match operations by method and path (then by operationId) and compare each pair."""
        old, new = _operations(self.old), _operations(self.new)
        pairs: list[tuple[OperationRef, OperationRef]] = []
        unmatched_new = dict(new)
        gone: list[OperationRef] = []
        for key, op in old.items():
            if key in unmatched_new:
                pairs.append((op, unmatched_new.pop(key)))
            else:
                gone.append(op)
        by_id = {o.node.get("operationId"): k for k, o in unmatched_new.items() if o.node.get("operationId")}
        for op in gone:
            op_id = op.node.get("operationId")
            if op_id in by_id:
                moved = unmatched_new.pop(by_id.pop(op_id))
                self.add(Level.NON_BREAKING, "operation-moved", "new", moved.ptr,
                         f"{op_id} moved from {_label(op)} to {_label(moved)}; the client method keeps its name")
                pairs.append((op, moved))
            else:
                self.add(Level.BREAKING, "operation-removed", "old", op.ptr,
                         f"operation {_label(op)} ({op_id or 'no operationId'}) was removed")
        for op in unmatched_new.values():
            self.add(Level.NON_BREAKING, "operation-added", "new", op.ptr,
                     f"operation {_label(op)} ({op.node.get('operationId') or 'no operationId'}) added")
        for before, after in pairs:
            self.operation(before, after)

    def operation(self, old: OperationRef, new: OperationRef) -> None:
        """One operation present in both specs."""
        where = _label(new)
        if old.node.get("operationId") != new.node.get("operationId"):
            self.add(Level.BREAKING, "operation-renamed", "new", f"{new.ptr}/operationId",
                     f"{where}: operationId {old.node.get('operationId')} renamed to {new.node.get('operationId')}; the client method is renamed")
        old_tags, new_tags = _l(old.node.get("tags")), _l(new.node.get("tags"))
        if old_tags[:1] != new_tags[:1]:
            self.add(Level.BREAKING, "operation-retagged", "new", f"{new.ptr}/tags",
                     f"{where}: moved from namespace {(old_tags or ['-'])[0]} to {(new_tags or ['-'])[0]}")
        if old.node.get("x-pagination") != new.node.get("x-pagination"):
            self.add(Level.BREAKING, "pagination-changed", "new", f"{new.ptr}/x-pagination",
                     f"{where}: paging changed; the method returns pages of a different shape")
        if not old.node.get("deprecated") and new.node.get("deprecated"):
            self.add(Level.NON_BREAKING, "operation-deprecated", "new", f"{new.ptr}/deprecated", f"{where}: deprecated")
        self.docs(old.node, new.node, new.ptr, where)
        self.parameters(old, new)
        self.request_body(old, new)
        self.responses(old, new)
        self.security(old, new)

    def parameters(self, old: OperationRef, new: OperationRef) -> None:
        """Parameters matched by location and name; a name that changed location is a move."""
        before, after = self.params(old, self.old), self.params(new, self.new)
        by_name = {name: key for key, (name, _, _) in ((k, v) for k, v in after.items())}
        for key, (name, param, ptr) in before.items():
            where = f"{_label(new)}: {key[0]} parameter {name}"
            if key in after:
                self.parameter(param, after[key][1], ptr, after[key][2], where)
                continue
            other = by_name.get(name)
            if other is not None and other not in before:
                moved_param, moved_ptr = after[other][1], after[other][2]
                level = Level.BREAKING if "path" in (key[0], other[0]) else Level.NON_BREAKING
                self.add(level, "parameter-moved", "new", moved_ptr, f"{where} moved to the {other[0]}")
                self.parameter(param, moved_param, ptr, moved_ptr, f"{_label(new)}: {other[0]} parameter {name}")
                after.pop(other)
                continue
            self.add(Level.BREAKING, "parameter-removed", "old", ptr, f"{where} was removed")
        for key, (name, param, ptr) in after.items():
            if key in before:
                continue
            if param.get("required") or key[0] == "path":
                self.add(Level.BREAKING, "required-parameter-added", "new", ptr,
                         f"{_label(new)}: new required {key[0]} parameter {name}")
            else:
                self.add(Level.NON_BREAKING, "optional-parameter-added", "new", ptr,
                         f"{_label(new)}: new optional {key[0]} parameter {name}")

    def params(self, op: OperationRef, doc: Document) -> dict[tuple[str, str], tuple[str, dict[str, Any], str]]:
        """(location, name) -> (name, resolved parameter, pointer); operation entries override path-level ones."""
        found: dict[tuple[str, str], tuple[str, dict[str, Any], str]] = {}
        for param, ptr in parameters(doc, op, strict=False):
            name, where = str(param.get("name")), str(param.get("in"))
            found[(where, name.lower() if where == "header" else name)] = (name, param, ptr)
        return found

    def parameter(self, old: dict[str, Any], new: dict[str, Any], old_ptr: str, ptr: str, where: str) -> None:
        """One parameter in both specs: required-ness, schema, docs."""
        if bool(old.get("required")) != bool(new.get("required")):
            if new.get("required"):
                self.add(Level.BREAKING, "parameter-now-required", "new", f"{ptr}/required", f"{where} is now required")
            else:
                self.add(Level.NON_BREAKING, "parameter-now-optional", "new", ptr, f"{where} is now optional")
        if not old.get("deprecated") and new.get("deprecated"):
            self.add(Level.NON_BREAKING, "parameter-deprecated", "new", f"{ptr}/deprecated", f"{where}: deprecated")
        self.docs(old, new, ptr, where)
        self.schema(old.get("schema"), new.get("schema"), f"{old_ptr}/schema", f"{ptr}/schema", Direction.REQUEST, where)

    def request_body(self, old: OperationRef, new: OperationRef) -> None:
        """The request body: presence, required-ness, media types, schema (request direction)."""
        where = f"{_label(new)}: request body"
        raw_old, raw_new = old.node.get("requestBody"), new.node.get("requestBody")
        if raw_old is None and raw_new is None:
            return
        if raw_new is None:
            self.add(Level.BREAKING, "request-body-removed", "old", f"{old.ptr}/requestBody", f"{where} was removed")
            return
        body_new, ptr = _deref(self.new, raw_new, f"{new.ptr}/requestBody")
        if raw_old is None:
            level = Level.BREAKING if body_new.get("required") else Level.NON_BREAKING
            self.add(level, "request-body-added", "new", ptr, f"{where} added ({'required' if body_new.get('required') else 'optional'})")
            return
        body_old, old_ptr = _deref(self.old, raw_old, f"{old.ptr}/requestBody")
        if bool(body_old.get("required")) != bool(body_new.get("required")):
            level = Level.BREAKING if body_new.get("required") else Level.NON_BREAKING
            self.add(level, "request-body-required-changed", "new", ptr,
                     f"{where} is now {'required' if body_new.get('required') else 'optional'}")
        self.docs(body_old, body_new, ptr, where)
        self.content(_d(body_old.get("content")), _d(body_new.get("content")), f"{old_ptr}/content", f"{ptr}/content",
                     Direction.REQUEST, where, True)

    def content(self, old: dict[str, Any], new: dict[str, Any], old_ptr: str, ptr: str, direction: Direction, where: str,
                strict: bool) -> None:
        """Media types of a body: a removed one breaks when `strict`; schemas compared per type."""
        for media in old:
            if media not in new:
                level = Level.BREAKING if strict else Level.NON_BREAKING
                self.add(level, "media-type-removed", "old", pointer(*_tokens(old_ptr), media), f"{where}: media type {media} removed")
        for media, item in new.items():
            mptr = pointer(*_tokens(ptr), media)
            if media not in old:
                self.add(Level.NON_BREAKING, "media-type-added", "new", mptr, f"{where}: media type {media} added")
                continue
            self.docs(_d(old[media]), _d(item), mptr, f"{where} ({media})")
            self.schema(_d(old[media]).get("schema"), _d(item).get("schema"), pointer(*_tokens(old_ptr), media, "schema"),
                        f"{mptr}/schema", direction, where)

    def responses(self, old: OperationRef, new: OperationRef) -> None:
        """Responses by status: a success response removed breaks; schemas compared (response direction)."""
        before, after = _d(old.node.get("responses")), _d(new.node.get("responses"))
        for status in before:
            if status not in after:
                level = Level.BREAKING if _success(status) else Level.NON_BREAKING
                self.add(level, "response-removed", "old", pointer(*_tokens(old.ptr), "responses", status),
                         f"{_label(new)}: response {status} removed")
        for status, raw in after.items():
            rptr = pointer(*_tokens(new.ptr), "responses", status)
            if status not in before:
                self.add(Level.NON_BREAKING, "response-added", "new", rptr, f"{_label(new)}: response {status} added")
                continue
            resp_new, rptr = _deref(self.new, raw, rptr)
            resp_old, old_rptr = _deref(self.old, before[status], pointer(*_tokens(old.ptr), "responses", status))
            where = f"{_label(new)}: response {status}"
            self.docs(resp_old, resp_new, rptr, where)
            self.headers(_d(resp_old.get("headers")), _d(resp_new.get("headers")), f"{old_rptr}/headers", f"{rptr}/headers", where)
            self.content(_d(resp_old.get("content")), _d(resp_new.get("content")), f"{old_rptr}/content", f"{rptr}/content",
                         Direction.RESPONSE, where, _success(status))

    def headers(self, old: dict[str, Any], new: dict[str, Any], old_ptr: str, ptr: str, where: str) -> None:
        """Response headers callers may read from the raw response."""
        lower_new = {k.lower(): k for k in new}
        for name in old:
            if name.lower() not in lower_new:
                self.add(Level.BREAKING, "response-header-removed", "old", pointer(*_tokens(old_ptr), name),
                         f"{where}: header {name} removed")
        lower_old = {k.lower(): k for k in old}
        for name, header in new.items():
            hptr = pointer(*_tokens(ptr), name)
            if name.lower() not in lower_old:
                self.add(Level.NON_BREAKING, "response-header-added", "new", hptr, f"{where}: header {name} added")
            else:
                before, _ = _deref(self.old, old[lower_old[name.lower()]], "")
                header, hptr = _deref(self.new, header, hptr)
                self.docs(before, header, hptr, f"{where}: header {name}")
                old_hptr = pointer(*_tokens(old_ptr), lower_old[name.lower()], "schema")
                self.schema(before.get("schema"), _d(header).get("schema"), old_hptr, f"{hptr}/schema", Direction.RESPONSE,
                            f"{where}: header {name}")

    def security(self, old: OperationRef, new: OperationRef) -> None:
        """Effective security requirements: a lost way to authenticate breaks; an extra one does not."""
        before = _requirements(old.node.get("security", self.old.data.get("security")))
        after = _requirements(new.node.get("security", self.new.data.get("security")))
        if before == after:
            return
        ptr = f"{new.ptr}/security" if "security" in new.node else "/security"
        shown = " or ".join(" + ".join(f"{n}" for n, _ in alt) or "none" for alt in sorted(after, key=str)) or "none"
        if before <= after:
            self.add(Level.NON_BREAKING, "security-alternative-added", "new", ptr,
                     f"{_label(new)}: accepts another way to authenticate (now {shown})")
        else:
            self.add(Level.BREAKING, "security-changed", "new", ptr, f"{_label(new)}: authentication changed (now {shown})")

    # ---- schemas ----------------------------------------------------------------------------
    def schema(self, raw_old: Any, raw_new: Any, old_ptr: str, ptr: str, direction: Direction, where: str) -> None:
        """Compare two schemas structurally in `direction`, following $refs once per place."""
        if raw_old is None and raw_new is None:
            return
        old, old_ptr = _deref(self.old, raw_old, old_ptr)
        new, ptr = _deref(self.new, raw_new, ptr)
        key = (old_ptr, ptr, direction.value)
        if key in self._seen:
            return
        self._seen.add(key)
        here = f"{where} {_field(ptr)}".rstrip()
        self.docs(old, new, ptr, here)
        self.types(old, new, ptr, direction, here)
        self.formats(old, new, ptr, direction, here)
        self.enums(old, new, ptr, direction, here)
        self.constraints(old, new, ptr, direction, here)
        self.properties(old, new, old_ptr, ptr, direction, where)
        if "items" in old or "items" in new:
            self.schema(old.get("items"), new.get("items"), f"{old_ptr}/items", f"{ptr}/items", direction, where)
        if isinstance(old.get("additionalProperties"), dict) and isinstance(new.get("additionalProperties"), dict):
            self.schema(old["additionalProperties"], new["additionalProperties"], f"{old_ptr}/additionalProperties",
                        f"{ptr}/additionalProperties", direction, where)
        for keyword in ("oneOf", "anyOf", "allOf"):
            self.variants(keyword, _l(old.get(keyword)), _l(new.get(keyword)), old_ptr, ptr, direction, where)

    def types(self, old: dict[str, Any], new: dict[str, Any], ptr: str, direction: Direction, where: str) -> None:
        """Type sets (with null): a superset is wider, a subset narrower."""
        before, after = _types(old), _types(new)
        if before == after:
            return
        wider = _covers(after, before)
        narrower = _covers(before, after)
        shown = f"type {_show(before)} -> {_show(after)}"
        tptr = f"{ptr}/type" if "type" in new else ptr
        if direction is Direction.REQUEST:
            level = Level.NON_BREAKING if wider else Level.BREAKING
        else:
            level = Level.NON_BREAKING if narrower and not wider else Level.BREAKING
        kind = "widened" if wider else "narrowed" if narrower else "changed"
        self.add(level, f"type-{kind}", "new", tptr, f"{where}: {shown} ({kind}, {direction.value})")

    def formats(self, old: dict[str, Any], new: dict[str, Any], ptr: str, direction: Direction, where: str) -> None:
        """A format decides the Python type (date-time -> datetime): changing it changes the field's type."""
        if old.get("format") == new.get("format"):
            return
        loosened = direction is Direction.REQUEST and new.get("format") is None
        self.add(Level.NON_BREAKING if loosened else Level.BREAKING, "format-changed", "new",
                 f"{ptr}/format" if "format" in new else ptr,
                 f"{where}: format {old.get('format') or 'none'} -> {new.get('format') or 'none'}")

    def enums(self, old: dict[str, Any], new: dict[str, Any], ptr: str, direction: Direction, where: str) -> None:
        """Enum members are names callers use: removing one breaks; adding one does not."""
        before, after = _enum(old), _enum(new)
        if before == after:
            return
        eptr = f"{ptr}/enum" if "enum" in new else ptr
        if before is None and after is not None:
            level = Level.BREAKING if direction is Direction.REQUEST else Level.NON_BREAKING
            self.add(level, "enum-added", "new", eptr, f"{where}: now restricted to {_values(after)}")
        elif before is not None and after is None:
            level = Level.NON_BREAKING if direction is Direction.REQUEST else Level.BREAKING
            self.add(level, "enum-dropped", "new", eptr, f"{where}: no longer an enum (was {_values(before)})")
        elif before is not None and after is not None:
            removed = [v for v in before if v not in after]
            added = [v for v in after if v not in before]
            if removed:
                self.add(Level.BREAKING, "enum-value-removed", "new", eptr, f"{where}: enum value(s) {_values(removed)} removed")
            if added:
                self.add(Level.NON_BREAKING, "enum-value-added", "new", eptr, f"{where}: enum value(s) {_values(added)} added")

    def constraints(self, old: dict[str, Any], new: dict[str, Any], ptr: str, direction: Direction, where: str) -> None:
        """Limits on sent values: tightening breaks callers, loosening does not; on responses, neither."""
        for key in ("minimum", "exclusiveMinimum", "minLength", "minItems", "maximum", "exclusiveMaximum", "maxLength",
                    "maxItems", "pattern", "multipleOf"):
            a, b = old.get(key), new.get(key)
            if a == b:
                continue
            tighter = _tighter(key, a, b)
            level = Level.BREAKING if direction is Direction.REQUEST and tighter else Level.NON_BREAKING
            self.add(level, f"{key}-changed", "new", f"{ptr}/{key}" if key in new else ptr,
                     f"{where}: {key} {a if a is not None else 'none'} -> {b if b is not None else 'none'}"
                     f" ({'tightened' if tighter else 'loosened'})")

    def properties(self, old: dict[str, Any], new: dict[str, Any], old_ptr: str, ptr: str, direction: Direction,
                   where: str) -> None:
        """Object fields and their required-ness, direction-aware."""
        props_old, props_new = _d(old.get("properties")), _d(new.get("properties"))
        req_old, req_new = set(_l(old.get("required"))), set(_l(new.get("required")))
        for name in props_old:
            if name not in props_new:
                self.add(Level.BREAKING, "field-removed", "old", pointer(*_tokens(old_ptr), "properties", name),
                         f"{where}: field {_join(_field(ptr), name)} removed ({direction.value})")
        for name, prop in props_new.items():
            fptr = pointer(*_tokens(ptr), "properties", name)
            if name not in props_old:
                if direction is Direction.REQUEST and name in req_new:
                    self.add(Level.BREAKING, "required-field-added", "new", fptr, f"{where}: new required field {_join(_field(ptr), name)} (request)")
                else:
                    self.add(Level.NON_BREAKING, "field-added", "new", fptr,
                             f"{where}: new {'optional ' if direction is Direction.REQUEST else ''}field {_join(_field(ptr), name)}"
                             f" ({direction.value})")
                continue
            if (name in req_old) != (name in req_new):
                now_required = name in req_new
                breaks = now_required if direction is Direction.REQUEST else not now_required
                self.add(Level.BREAKING if breaks else Level.NON_BREAKING, "field-required-changed", "new", fptr,
                         f"{where}: field {_join(_field(ptr), name)} is now {'required' if now_required else 'optional'}"
                         f" ({direction.value})")
            self.schema(props_old[name], prop, pointer(*_tokens(old_ptr), "properties", name), fptr, direction, where)

    def variants(self, keyword: str, old: list[Any], new: list[Any], old_ptr: str, ptr: str, direction: Direction,
                 where: str) -> None:
        """oneOf/anyOf alternatives matched by $ref (else position); allOf parts must stay the same."""
        if not old and not new:
            return
        old_keys, new_keys = [_variant_key(v, i) for i, v in enumerate(old)], [_variant_key(v, i) for i, v in enumerate(new)]
        for i, key in enumerate(old_keys):
            if key not in new_keys:
                level = Level.NON_BREAKING if keyword != "allOf" and direction is Direction.RESPONSE else Level.BREAKING
                self.add(level, f"{keyword}-variant-removed", "old", f"{old_ptr}/{keyword}/{i}",
                         f"{where} {_field(ptr)}: {keyword} alternative {key} removed")
        for i, key in enumerate(new_keys):
            vptr = f"{ptr}/{keyword}/{i}"
            if key not in old_keys:
                level = Level.NON_BREAKING if keyword != "allOf" and direction is Direction.REQUEST else Level.BREAKING
                self.add(level, f"{keyword}-variant-added", "new", vptr, f"{where} {_field(ptr)}: {keyword} alternative {key} added")
            else:
                j = old_keys.index(key)
                self.schema(old[j], new[i], f"{old_ptr}/{keyword}/{j}", vptr, direction, where)


# ---- helpers ---------------------------------------------------------------------------------
def compare(old: Document, new: Document) -> list[Change]:
    """Every classified change from `old` to `new`, most severe first."""
    return Diff(old, new).run()


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _tokens(ptr: str) -> list[str]:
    """Raw tokens of a pointer (for re-building with `pointer`)."""
    return [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]] if ptr else []


def _deref(doc: Document, node: Any, ptr: str) -> tuple[dict[str, Any], str]:
    """Follow local $refs; the resolved mapping ({} where one is broken) and the pointer of where it is defined."""
    node, ptr = follow(doc, node, ptr)
    return _d(node), ptr


def _operations(doc: Document) -> dict[tuple[str, str], OperationRef]:
    """Operations keyed by method and path with parameter names blanked (`/calls/{}`).

    Paths come in document order, the methods of one path in `HTTP_METHODS` order, so reordering
    the methods in the YAML does not reorder the changes (or the changelog written from them).
    """
    paths = {str(path): index for index, path in enumerate(_d(doc.data.get("paths")))}
    found = sorted(operations(doc, strict=False), key=lambda op: (paths[op.path], HTTP_METHODS.index(op.method)))
    return {(op.method, re.sub(r"\{[^}]*\}", "{}", op.path)): op for op in found}


def _requirements(raw: Any) -> frozenset[frozenset[tuple[str, tuple[str, ...]]]]:
    """Security alternatives, each a set of (scheme, scopes)."""
    return frozenset(frozenset((str(k), tuple(sorted(map(str, _l(v))))) for k, v in _d(alt).items()) for alt in _l(raw))


def _success(status: str) -> bool:
    return status.startswith("2") or status == "default"


def _types(schema: dict[str, Any]) -> frozenset[str] | None:
    """The schema's types, with `null` when nullable; None when any value is allowed."""
    raw = schema.get("type")
    found: set[str] = set(raw) if isinstance(raw, list) else {raw} if isinstance(raw, str) else set()
    if not found:
        if "properties" in schema:
            found.add("object")
        elif "items" in schema:
            found.add("array")
        elif "enum" in schema or any(k in schema for k in ("oneOf", "anyOf", "allOf", "const")):
            return None
        else:
            return None
    if schema.get("nullable") is True:
        found.add("null")
    return frozenset(found)


def _covers(wide: frozenset[str] | None, narrow: frozenset[str] | None) -> bool:
    """Whether every value of `narrow` is allowed by `wide` (None is anything; number covers integer)."""
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _show(types: frozenset[str] | None) -> str:
    return " | ".join(sorted(types)) if types is not None else "any"


def _enum(schema: dict[str, Any]) -> list[Any] | None:
    if "enum" in schema and isinstance(schema["enum"], list):
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    return None


def _values(values: list[Any]) -> str:
    return ", ".join(json.dumps(v) for v in values)


def _tighter(key: str, before: Any, after: Any) -> bool:
    """Whether a constraint change rejects values that were accepted before."""
    if after is None:
        return False
    if before is None or key in ("pattern", "multipleOf"):
        return True
    try:
        return float(after) > float(before) if key.startswith(("min", "exclusiveMin")) else float(after) < float(before)
    except (TypeError, ValueError):
        return True


def _field(ptr: str) -> str:
    """A short name of the schema place for messages: the last property name, or the model."""
    tokens = _tokens(ptr)
    if len(tokens) >= 3 and tokens[0] == "components" and tokens[1] == "schemas":
        rest = [t for t in tokens[3:] if t not in ("properties",)]
        return tokens[2] + ("." + ".".join(rest) if rest else "")
    names = [tokens[i + 1] for i, t in enumerate(tokens[:-1]) if t == "properties"]
    return ".".join(names)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _variant_key(variant: Any, index: int) -> str:
    ref = _d(variant).get("$ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    return f"#{index}"
