"""Build the IR of one client package from a loaded, validated spec."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.errors import TrunklineError
from generator.modeling import ir
from generator.modeling.client_names import client_names
from generator.modeling.naming import METHOD_LOCALS, RUNTIME_NAMES, Namer, attribute, pascal, vendor_names
from generator.modeling.schemas import DEFS, SchemaSet, type_of
from generator.modeling.synth import sample
from generator.reading.load import Document, pointer
from generator.reading.preflight import spec_version
from generator.reading.spec import (
    STYLE_KEYS,
    OperationRef,
    deref,
    encoding_style,
    example_slots,
    operations,
    parameter_style,
    parameters,
    schema_parts,
    scheme_kind,
)

_IDEMPOTENT = frozenset({"get", "head", "options", "put", "delete", "trace"})


_SAMPLE_BUDGET = 2000  # schema nodes, array items and characters a README sample may take


def build(document: Document, vendor: str, version: str = "0.1.0") -> ir.Package:
    """The package IR for `document`, published as `trunkline-<vendor>`."""
    return _Builder(document, vendor, version).package()


class _Builder:
    def __init__(self, document: Document, vendor: str, version: str) -> None:
        self.document = document
        self.vendor = vendor
        self.version = version
        self.spec_version = spec_version(document)
        self.schemas = SchemaSet(document, self.spec_version)
        self.data: dict[str, Any] = document.data
        self.names = client_names(document)  # every namespace, method and argument name, decided once

    # -- package ---------------------------------------------------------------------
    def package(self) -> ir.Package:
        info = self.data.get("info") or {}
        if not isinstance(info, dict):
            raise TrunklineError("`info` must be an object with a title and a version", self.document.locate("/info"))
        dist_name, module, env_prefix = vendor_names(self.vendor)
        schemes, credentials = self._security_schemes(env_prefix)
        base_url, variables = self._server()
        default_security = self._requirements(self.data.get("security"), "/security")
        namespaces = self._namespaces(default_security)
        return ir.Package(
            vendor=self.vendor,
            dist_name=dist_name,
            module=module,
            title=str(info.get("title") or self.vendor),
            description=str(info.get("description") or "").strip(),
            api_version=str(info.get("version") or ""),
            version=self.version,
            source=str(info.get("x-source") or ""),
            env_prefix=env_prefix,
            base_url=base_url,
            server_variables=variables,
            schemes=schemes,
            credentials=credentials,
            security=default_security,
            namespaces=namespaces,
            model_defs=self.schemas.defs,
            component_models=self.schemas.component_models(),
            api_name=_api_name(str(info.get("title") or self.vendor)),
        )

    def _server(self) -> tuple[str, tuple[ir.ServerVariable, ...]]:
        """The API's base URL (its first server, variables left as `{name}`) and its variables."""
        servers = self.data.get("servers") or [{"url": "/"}]
        server = servers[0] if isinstance(servers, list) and servers and isinstance(servers[0], dict) else {"url": "/"}
        url = str(server.get("url") or "/")
        variables = []
        raw_variables = server.get("variables")
        for wire, var in (raw_variables if isinstance(raw_variables, dict) else {}).items():
            var = var if isinstance(var, dict) else {}
            variables.append(
                ir.ServerVariable(
                    name=self.names.client_arguments[f"server:{wire}"],
                    wire=str(wire),
                    default=str(var.get("default", "")),
                    description=_one_line(var.get("description")),
                    enum=tuple(str(v) for v in var.get("enum") or ()),
                )
            )
        return url.rstrip("/"), tuple(variables)

    def _security_schemes(self, env_prefix: str) -> tuple[tuple[ir.SecurityScheme, ...], tuple[ir.Credential, ...]]:
        raw = (self.data.get("components") or {}).get("securitySchemes") or {}
        schemes: list[ir.SecurityScheme] = []
        credentials: dict[str, ir.Credential] = {}
        for key, node in raw.items():
            node, _ = deref(self.document, node, pointer("components", "securitySchemes", key))
            found = scheme_kind(node)
            if found is None:
                continue
            kind, location, wire = found
            wanted = node.get("x-credential") or ("api_key" if len(raw) == 1 else attribute(str(key)))
            credential = self.names.client_arguments[f"credential:{wanted}"]
            credentials.setdefault(
                credential,
                ir.Credential(credential, f"{env_prefix}_{credential.upper()}", _one_line(node.get("description"))),
            )
            example = node.get("x-example")
            schemes.append(
                ir.SecurityScheme(
                    key=str(key), kind=kind, credential=credential, location=location, wire=wire,
                    example=str(example) if example is not None else None, description=_one_line(node.get("description")),
                )
            )
        return tuple(schemes), tuple(credentials.values())

    def _requirements(self, raw: Any, ptr: str) -> tuple[tuple[str, ...], ...]:
        if raw is None:
            return ()
        known = {s.key for s in self._security_schemes("")[0]}
        result = []
        for index, requirement in enumerate(raw if isinstance(raw, list) else []):
            keys = tuple(str(k) for k in (requirement or {}))
            for key in keys:
                if key not in (((self.data.get("components") or {}).get("securitySchemes")) or {}):
                    raise TrunklineError(
                        f"security scheme {key!r} is not defined; add it under components.securitySchemes",
                        self.document.locate(f"{ptr}/{index}"),
                    )
            result.append(tuple(k for k in keys if k in known))
        return tuple(result)

    # -- operations ------------------------------------------------------------------
    def _namespaces(self, default_security: tuple[tuple[str, ...], ...]) -> tuple[ir.Namespace, ...]:
        tag_docs = {str(t.get("name")): _one_line(t.get("description")) for t in self.data.get("tags") or [] if isinstance(t, dict)}
        grouped: dict[str, list[OperationRef]] = {}
        for op in operations(self.document):
            grouped.setdefault(self.names.tags[op.key], []).append(op)
        namespaces = []
        for tag, ops in grouped.items():
            built = [self._operation(op, default_security) for op in ops]
            namespaces.append(ir.Namespace(self.names.namespaces[tag], self.names.resources[tag], tag_docs.get(tag, ""), tuple(built)))
        return tuple(namespaces)

    def _operation(self, op: OperationRef, default_security: tuple[tuple[str, ...], ...]) -> ir.Operation:
        node = op.node
        operation_id = str(node.get("operationId") or f"{op.method}_{op.path}")
        name = self.names.methods[op.key]
        hint = pascal(operation_id)
        args = self.names.arguments[op.key]
        arg_names = Namer(RUNTIME_NAMES | METHOD_LOCALS | set(args.values()))  # body fields may not take these
        params = tuple(self._param(p, ptr, hint, args) for p, ptr in parameters(self.document, op))
        params = tuple(sorted(params, key=lambda p: (not p.required,)))
        body = self._body(op, hint, arg_names)
        responses = self._responses(op, hint)
        security = self._requirements(node["security"], op.ptr + "/security") if "security" in node else default_security
        return ir.Operation(
            operation_id=operation_id,
            method_name=name,
            http_method=op.method.upper(),
            path=op.path,
            summary=_one_line(node.get("summary")),
            description=str(node.get("description") or "").strip(),
            params=params,
            body=body,
            responses=responses,
            return_type=_return_type(responses),
            security=security,
            pagination=self._pagination(op, responses),
            examples=self._examples(op),
            deprecated=bool(node.get("deprecated")),
            undocumented=bool(node.get("x-undocumented")),
            server=self._operation_server(op),
            accept=_accept(responses),
        )

    def _operation_server(self, op: OperationRef) -> str | None:
        """The first server the operation (or its path item) declares, when it is not the API's own."""
        for holder in (op.node, op.path_item):
            servers = holder.get("servers")
            if isinstance(servers, list) and servers and isinstance(servers[0], dict):
                root = self.data.get("servers")
                first = root[0] if isinstance(root, list) and root and isinstance(root[0], dict) else {"url": "/"}
                same = str(servers[0].get("url") or "/").rstrip("/") == str(first.get("url") or "/").rstrip("/")
                return None if same else _server_url(servers[0])
        return None

    def _param(self, param: dict[str, Any], ptr: str, hint: str, names: dict[tuple[str, str], str]) -> ir.Param:
        location = str(param.get("in"))
        wire = str(param.get("name"))
        content: dict[str, Any] = param["content"] if isinstance(param.get("content"), dict) else {}
        media_type = str(next(iter(content), ""))
        if media_type:  # a `content`-based parameter: its one media type's schema, the value sent as JSON text
            media: dict[str, Any] = content[media_type] if isinstance(content[media_type], dict) else {}
            raw, schema_ptr = media.get("schema"), ptr + pointer("content", media_type, "schema")
        else:
            raw, schema_ptr = param.get("schema"), ptr + "/schema"
        schema = self.schemas.inline(raw or {}, schema_ptr, hint + pascal(wire), hoist_top=False)
        raw_schema: dict[str, Any] = raw if isinstance(raw, dict) else {}
        style, explode = parameter_style(param)
        required = bool(param.get("required")) or location == "path"
        return ir.Param(
            name=names[(location, wire)],
            wire=wire,
            location=location,
            type=type_of(self.schemas.defs, schema, for_input=True),
            required=required,
            description=_one_line(param.get("description")),
            style=style,
            explode=explode,
            default=raw_schema.get("default"),
            has_default="default" in raw_schema,
            allow_reserved=bool(param.get("allowReserved")) and location == "query",
            content=media_type,
            sample=self._sample(raw) if required else None,  # the README passes required parameters only
        )

    def _body(self, op: OperationRef, hint: str, names: Namer) -> ir.Body | None:
        raw = op.node.get("requestBody")
        if raw is None:
            return None
        body, ptr = deref(self.document, raw, op.ptr + "/requestBody")
        content = body.get("content") or {}
        if not content:
            return None
        content_type = _pick_content(content)
        kind = _content_kind(content_type)
        media = content[content_type] or {}
        media_ptr = ptr + pointer("content", content_type)
        body_type: ir.Type
        if kind == "binary":
            body_type = ir.FileType("FileContent")
            schema: dict[str, Any] = {}
        elif kind == "text":
            body_type = ir.Primitive("str")
            schema = {}
        else:
            schema = self.schemas.inline(media.get("schema") or {}, media_ptr + "/schema", hint + "Body")
            body_type = type_of(self.schemas.defs, schema, for_input=True)
        encoding = self._encoding(media, media_ptr, kind) if kind in ("form", "multipart") else ()
        files = {e.wire for e in encoding if e.file}
        fields = self._flatten(schema, names, files) if kind in ("json", "form", "multipart") else None
        return ir.Body(
            content_type, body_type, bool(body.get("required")), fields, kind, _one_line(body.get("description")),
            tuple(e for e in encoding if e != _default_encoding(e.wire, kind)),
            self._sample(media.get("schema")) if kind in ("json", "form", "multipart") else None,
        )

    def _sample(self, schema: Any) -> Any:
        """A valid value of an input schema for the README, bounded in work; None when it cannot be made."""
        try:
            return sample(self.document, schema, for_response=False, budget=_SAMPLE_BUDGET)
        except (ValueError, TypeError, OverflowError):  # a bound that is no number (`minItems: "x"`)
            return None

    def _encoding(self, media: dict[str, Any], ptr: str, kind: str) -> tuple[ir.FieldEncoding, ...]:
        """Each property of a form or multipart body with its `encoding` entry and the spec's defaults."""
        raw_encoding: dict[str, Any] = media["encoding"] if isinstance(media.get("encoding"), dict) else {}
        result = []
        for wire, prop in self._properties(media.get("schema") or {}, ptr + "/schema").items():
            entry: dict[str, Any] = raw_encoding[wire] if isinstance(raw_encoding.get(wire), dict) else {}
            result.append(field_encoding(wire, entry, kind, prop))
        return tuple(result)

    def _properties(self, schema: Any, ptr: str) -> dict[str, Any]:
        """A body schema's properties, its own and those of its `allOf`, `anyOf` and `oneOf` parts
        (`$ref`s followed, each schema once), the first declaration of a name winning: an
        `encoding` entry applies to a field wherever the schema declares it."""
        found: dict[str, Any] = {}
        for node, at in schema_parts(self.document, schema, ptr):
            props = node.get("properties")
            for wire, prop in (props if isinstance(props, dict) else {}).items():
                if str(wire) not in found:
                    found[str(wire)] = deref(self.document, prop, at + pointer("properties", wire))[0]
        return found

    def _flatten(self, schema: dict[str, Any], names: Namer, files: set[str] | frozenset[str] = frozenset()) -> tuple[ir.BodyField, ...] | None:
        ref = schema.get("$ref", "")
        if not ref.startswith(DEFS):
            return None
        target = self.schemas.defs[ref[len(DEFS):]]
        props = target.get("properties")
        if not props or any(k in target for k in ("allOf", "anyOf", "oneOf")):
            return None
        required = set(target.get("required") or [])
        fields: list[ir.BodyField] = []
        for wire, prop in props.items():
            name = attribute(str(wire))
            if name in names or name in METHOD_LOCALS or any(f.name == name for f in fields):
                return None  # a field would collide with an argument: pass the body whole
            fields.append(
                ir.BodyField(
                    name=name,
                    wire=str(wire),
                    type=_file_type(prop) if wire in files else type_of(self.schemas.defs, prop, for_input=True),
                    required=wire in required,
                    description=_one_line(prop.get("description") if isinstance(prop, dict) else None),
                )
            )
        for field in fields:
            names.unique(field.name)
        return tuple(sorted(fields, key=lambda f: not f.required))

    def _responses(self, op: OperationRef, hint: str) -> tuple[ir.Response, ...]:
        raw = op.node.get("responses") or {}
        success = [s for s in raw if str(s).startswith("2")]
        result = []
        for status, node in raw.items():
            response, ptr = deref(self.document, node, op.ptr + pointer("responses", status))
            content = (response or {}).get("content") or {}
            if not content:
                result.append(ir.Response(str(status), "empty", ir.NONE))
                continue
            suffix = "Response" if len(success) <= 1 or str(status) not in success else f"Response{status}"
            answer = str(status).startswith("2") or (not success and str(status).startswith("3"))
            if not answer:  # a 3xx is the answer of an operation without a 2xx
                suffix = f"Error{pascal(str(status))}"
            content_type = _pick_content(content)
            picked = self._media_answer(content, content_type, ptr, hint + suffix)
            answers = tuple(
                picked if ctype == content_type
                else self._media_answer(content, str(ctype), ptr, hint + suffix + pascal(_subtype(str(ctype))), picked, content_type)
                for ctype in content
            )
            result.append(ir.Response(str(status), picked.kind, picked.type, content_type, tuple(str(t) for t in content), answers))
        return tuple(result)

    def _media_answer(
        self, content: dict[str, Any], ctype: str, ptr: str, name: str, picked: ir.MediaAnswer | None = None, picked_type: str = ""
    ) -> ir.MediaAnswer:
        """How a body of one documented media type reads; an identical schema reads as the picked type's (no second model)."""
        kind = _content_kind(ctype)
        if kind == "binary":
            return ir.MediaAnswer(ctype, kind, ir.Primitive("bytes"))
        if kind == "text":
            return ir.MediaAnswer(ctype, kind, ir.Primitive("str"))
        media = content[ctype] or {}
        if picked is not None and picked.kind == kind and (content[picked_type] or {}).get("schema") == media.get("schema"):
            return ir.MediaAnswer(ctype, kind, picked.type)
        schema = self.schemas.inline(media.get("schema") or {}, ptr + pointer("content", ctype, "schema"), name)
        return ir.MediaAnswer(ctype, kind, type_of(self.schemas.defs, schema))

    def _pagination(self, op: OperationRef, responses: tuple[ir.Response, ...]) -> ir.Pagination | None:
        raw = op.node.get("x-pagination")
        if not isinstance(raw, dict):
            return None
        ptr = op.ptr + "/x-pagination"
        style = str(raw.get("style"))
        if style not in ("page", "next-link", "offset", "cursor"):
            raise TrunklineError(f"unknown x-pagination style {style!r}; use page, next-link, offset or cursor", self.document.locate(ptr))
        items = _path(raw.get("items"))
        success = next((r for r in responses if r.status.startswith("2") and r.kind == "json"), None)
        item: ir.Type = ir.ANY
        if success is not None:
            item = self._item_type(op, success.status, items)
        return ir.Pagination(
            style=style,
            items=items,
            item_type=item,
            next=_path(raw.get("next")),
            page_param=str(raw.get("page") or ""),
            size_param=str(raw.get("size") or ""),
            last_page=_path(raw.get("last-page")),
            offset_param=str(raw.get("offset") or ""),
            limit_param=str(raw.get("limit") or ""),
            total=_path(raw.get("total")),
            cursor_param=str(raw.get("cursor") or ""),
        )

    def _item_type(self, op: OperationRef, status: str, items: tuple[str, ...]) -> ir.Type:
        response, ptr = deref(self.document, op.node["responses"][status], op.ptr + pointer("responses", status))
        content = response.get("content") or {}
        ctype = _pick_content(content)
        schema = self.schemas.inline((content[ctype] or {}).get("schema") or {}, ptr + pointer("content", ctype, "schema"), "Unused")
        for token in items:
            schema = self._resolve_def(schema)
            schema = (schema.get("properties") or {}).get(token, {})
        schema = self._resolve_def(schema)
        if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
            return type_of(self.schemas.defs, schema["items"])
        return ir.ANY

    def _resolve_def(self, schema: dict[str, Any]) -> dict[str, Any]:
        for _ in range(20):
            if "$ref" in schema:
                schema = self.schemas.defs.get(schema["$ref"][len(DEFS):], {})
            elif "anyOf" in schema:
                options = [s for s in schema["anyOf"] if s.get("type") != "null"]
                if len(options) != 1:
                    break
                schema = options[0]
            else:
                break
        return schema

    def _examples(self, op: OperationRef) -> tuple[ir.Example, ...]:
        grouped: dict[str, dict[str, Any]] = {}
        for slot in example_slots(self.document, op):
            entry = grouped.setdefault(
                slot.name,
                {"path": {}, "query": {}, "header": {}, "cookie": {}, "body": None, "has_body": False,
                 "status": None, "response": None, "has_response": False, "response_headers": {}},
            )
            if slot.kind in ("path", "query", "header", "cookie"):
                entry[slot.kind][slot.field] = slot.value
            elif slot.kind == "request":
                entry["body"], entry["has_body"] = slot.value, True
            elif slot.kind == "response":
                entry["status"], entry["response"], entry["has_response"] = slot.status, slot.value, True
            elif slot.kind == "response-header":
                entry["status"] = slot.status
                entry["response_headers"][slot.field] = slot.value
        return tuple(
            ir.Example(name, e["path"], e["query"], e["header"], e["body"], e["has_body"], e["status"], e["response"], e["has_response"], e["response_headers"])
            for name, e in grouped.items()
        )


def field_encoding(wire: str, entry: dict[str, Any], kind: str, prop: Any) -> ir.FieldEncoding:
    """How one form or multipart field goes on the wire: its `encoding` entry (or {}) with the defaults filled in."""
    style, explode = encoding_style(entry, kind == "multipart")
    return ir.FieldEncoding(
        wire=wire,
        style=style,
        explode=explode,
        allow_reserved=bool(entry.get("allowReserved")),
        content_type=part_type(entry.get("contentType")) if kind == "multipart" else _form_json_type(entry),
        file=kind == "multipart" and is_file(prop),
    )


_MEDIA_TYPE = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+(;[\t\x20-\x7e]*)?")


def part_type(value: Any) -> str:
    """A multipart part's `encoding.contentType`: media types or ranges a header can carry, comma-separated, else "" (the default).

    OpenAPI allows a list (`image/png, image/jpeg`) and ranges (`image/*`); the runtime sends one
    concrete type from it. What is not such a list is left to the default (lint reports it).
    """
    entries = [entry.strip() for entry in str(value or "").split(",")]
    return ", ".join(entries) if all(_MEDIA_TYPE.fullmatch(entry) for entry in entries) else ""


def _form_json_type(entry: dict[str, Any]) -> str:
    """A form field's JSON `contentType` when none of `style`, `explode`, `allowReserved` overrides it
    (any of them means style serialization, OpenAPI 3.0.4 and 3.1.1): the field goes as its JSON text; else ""."""
    first = part_type(entry.get("contentType")).split(",")[0].strip()
    essence = first.split(";")[0].strip().lower()
    return first if not any(key in entry for key in STYLE_KEYS) and essence.endswith(("/json", "+json")) else ""


def _default_encoding(wire: str, kind: str) -> ir.FieldEncoding:
    """A field's encoding when the spec gives none: form, exploded (form bodies); by its type (multipart)."""
    return ir.FieldEncoding(wire, "", False) if kind == "multipart" else ir.FieldEncoding(wire)


def is_file(schema: Any) -> bool:
    """A binary field: `format: binary` (3.0), or `contentMediaType` without `contentEncoding` (3.1), or an array of them."""
    if not isinstance(schema, dict):
        return False
    if schema.get("type") == "array":
        return is_file(schema.get("items"))
    if schema.get("format") == "binary":
        return True
    return "contentMediaType" in schema and "contentEncoding" not in schema


def _file_type(prop: Any) -> ir.Type:
    """The argument type of a file field: one file, or a list of them."""
    one = ir.FileType("FileInput")
    return ir.ListOf(one) if isinstance(prop, dict) and prop.get("type") == "array" else one


def _accept(responses: tuple[ir.Response, ...]) -> str:
    """What the client accepts: the media type each success answer is read as, the one it has the schema for.

    The other documented types are left out: an API that takes Accept as a format switch (Telnyx
    documents `Accept` with an enum) may refuse a list it did not foresee.
    """
    return ", ".join(dict.fromkeys(r.content_type for r in responses if r.status.startswith("2") and r.media_types))


def _subtype(media_type: str) -> str:
    """A media type's subtype, for naming its schema's model: `application/geo+json` -> `geo+json`."""
    return media_type.split(";")[0].strip().rpartition("/")[2] or media_type


def _pick_content(content: dict[str, Any]) -> str:
    types = list(content)
    for wanted in ("application/json",):
        if wanted in types:
            return wanted
    for ctype in types:
        if ctype.endswith(("+json", "/json")):
            return ctype
    return types[0]


def _content_kind(content_type: str) -> str:
    ctype = content_type.lower().split(";")[0].strip()
    if ctype.endswith("json") or ctype == "*/*":
        return "json"
    if ctype == "application/x-www-form-urlencoded":
        return "form"
    if ctype.startswith("multipart/"):
        return "multipart"
    if ctype.startswith("text/"):
        return "text"
    return "binary"


def _return_type(responses: Iterable[ir.Response]) -> ir.Type:
    """What a call returns: the union of its success answers' types (`Any | None` stays: anything, or nothing)."""
    success = [r for r in responses if r.status.startswith("2")]
    if not success:  # an operation that documents only a 3xx answers with it (the runtime does not follow it)
        success = [r for r in responses if r.status.startswith("3")]
    if not success:
        success = [r for r in responses if r.status in ("default", "2XX")]
    if not success:
        return ir.NONE
    # every documented media type's type: the server may answer any of them
    return ir.union((t for r in success for t in r.types), any_absorbs=False)


def _path(value: Any) -> tuple[str, ...]:
    return tuple(str(value).split(".")) if value else ()


def _one_line(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _api_name(title: str) -> str:
    """`Monica` -> `Monica API`; a title that already says API stays as it is."""
    return title if re.search(r"\bAPI\b", title) else f"{title} API"


_HANDSHAKE_SCHEMES = {"ws": "http", "wss": "https"}


def _server_url(server: dict[str, Any]) -> str:
    """A server's URL with each variable replaced by its default, without a trailing slash."""
    url = str(server.get("url") or "/")
    variables = server.get("variables")
    for wire, var in (variables if isinstance(variables, dict) else {}).items():
        if isinstance(var, dict) and "default" in var:
            url = url.replace("{" + str(wire) + "}", str(var["default"]))
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in _HANDSHAKE_SCHEMES:  # a WebSocket server: its opening handshake is HTTP(S)
        url = f"{_HANDSHAKE_SCHEMES[scheme.lower()]}://{rest}"
    return url.rstrip("/")
