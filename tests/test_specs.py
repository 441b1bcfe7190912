"""Structural fidelity checks of the five vendor specs, read straight from the YAML.

Each test pins a fact the vendor pages (or FACTS.md) state: the operation set, the authentication,
Hipcall's integer enums and rate-limit headers, paging, and how documented examples are paired.
Where the vendor pages are at hand, SnapCall's parameter tables are compared with the spec row by row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
VENDORS = ("agendize", "hipcall", "monica", "snapcall", "voipnow")
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _vendor_docs() -> Path | None:
    """The shared vendor pages, looked for beside the checkout and beside its worktree root."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "vendor-docs"
        if candidate.is_dir():
            return candidate
    return None


DOCS = _vendor_docs()
needs_docs = pytest.mark.skipif(DOCS is None, reason="vendor pages not found at ../shared/vendor-docs")


def spec(vendor: str) -> dict[str, Any]:
    """The parsed spec of one vendor (cached)."""
    if vendor not in _CACHE:
        _CACHE[vendor] = yaml.safe_load((SPECS / f"{vendor}.yaml").read_text(encoding="utf-8"))
    return _CACHE[vendor]


_CACHE: dict[str, dict[str, Any]] = {}


def deref(doc: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a plain node."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations(vendor: str) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(method, path, operation, path item) of every operation."""
    for path, item in spec(vendor)["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield method.upper(), path, op, item


def params(vendor: str, op: dict[str, Any], item: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The operation's parameters (path-item ones included) by (location, name)."""
    doc = spec(vendor)
    found = {}
    for raw in item.get("parameters", []) + op.get("parameters", []):
        param = deref(doc, raw)
        found[(param["in"], param["name"])] = param
    return found


EXPECTED_OPERATIONS = {
    "hipcall": {
        ("GET", "/cdrs"), ("GET", "/cdrs/{year}/{month}/{day}/{uuid}"), ("POST", "/comments"),
        ("POST", "/companies/{id}/tags"), ("DELETE", "/companies/{id}/tags/{tag_id}"),
        ("POST", "/contacts/{id}/tags"), ("DELETE", "/contacts/{id}/tags/{tag_id}"),
        ("GET", "/extensions"), ("GET", "/extensions/{id}"), ("GET", "/greetings"), ("GET", "/greetings/{id}"),
        ("GET", "/numbers"), ("GET", "/numbers/{id}"), ("GET", "/teams"), ("GET", "/teams/{id}"),
        ("GET", "/tasks"), ("GET", "/tasks/{id}"), ("POST", "/tasks"),
        ("GET", "/users"), ("GET", "/users/{id}"), ("PUT", "/users/{id}"),
    },
    "agendize": {
        ("GET", "/calls"), ("GET", "/calls/{callId}"), ("POST", "/calls"), ("PUT", "/calls/{callId}"),
        ("DELETE", "/calls/{callId}"), ("POST", "/calls/watch"),
    },
    "monica": {
        ("GET", "/calls"), ("GET", "/contacts/{id}/calls"), ("GET", "/calls/{id}"), ("POST", "/calls"),
        ("PUT", "/calls/{id}"), ("DELETE", "/calls/{id}"),
    },
    "voipnow": {
        ("POST", "/phoneCalls/{userId}/simple"), ("POST", "/phoneCalls/{userId}/callback"),
        ("POST", "/phoneCalls/{userId}/conferenceInvite"), ("GET", "/phoneCalls/{userId}/{extension}/{phoneCallId}"),
        ("PUT", "/phoneCalls/{userId}/{extension}/{phoneCallId}"), ("DELETE", "/phoneCalls/{userId}/{extension}/{phoneCallId}"),
    },
}
OPERATION_COUNTS = {"hipcall": 21, "agendize": 6, "snapcall": 74, "monica": 6, "voipnow": 6}


@pytest.mark.parametrize("vendor", VENDORS)
def test_operation_count(vendor: str) -> None:
    found = [(method, path) for method, path, _, _ in operations(vendor)]
    assert len(found) == len(set(found)) == OPERATION_COUNTS[vendor]


@pytest.mark.parametrize("vendor", sorted(EXPECTED_OPERATIONS))
def test_operation_set(vendor: str) -> None:
    assert {(method, path) for method, path, _, _ in operations(vendor)} == EXPECTED_OPERATIONS[vendor]


@pytest.mark.parametrize("vendor", VENDORS)
def test_source_and_ids(vendor: str) -> None:
    """`info.x-source` names the vendor page; operationIds are unique snake_case with one tag."""
    doc = spec(vendor)
    assert re.fullmatch(r"shared/vendor-docs/\d{3}_[0-9a-f]{16}\.txt", doc["info"]["x-source"])
    if DOCS is not None:
        assert (DOCS / Path(doc["info"]["x-source"]).name).is_file()
    ids = [op["operationId"] for _, _, op, _ in operations(vendor)]
    assert len(ids) == len(set(ids))
    for _, _, op, _ in operations(vendor):
        assert re.fullmatch(r"[a-z][a-z0-9_]*", op["operationId"])
        assert len(op["tags"]) == 1 and op["operationId"].startswith(op["tags"][0] + "_")


# ---- authentication ------------------------------------------------------------------------------

def _scheme_shape(scheme: dict[str, Any]) -> tuple[str, str, str]:
    if scheme["type"] == "http":
        return ("http", scheme["scheme"].lower(), "Authorization")
    return (scheme["type"], scheme.get("in", ""), scheme.get("name", ""))


def security_shapes(vendor: str, security: list[dict[str, Any]] | None = None) -> set[frozenset[tuple[str, str, str]]]:
    """The security alternatives of a spec as sets of (type, scheme-or-location, name)."""
    doc = spec(vendor)
    schemes = doc["components"]["securitySchemes"]
    chosen = doc["security"] if security is None else security
    return {frozenset(_scheme_shape(schemes[key]) for key in requirement) for requirement in chosen}


BEARER = frozenset({("http", "bearer", "Authorization")})
BASIC = frozenset({("http", "basic", "Authorization")})


def test_auth_hipcall_monica_bearer() -> None:
    for vendor in ("hipcall", "monica"):  # VoipNow: see test_voipnow_cookie_session_or_bearer
        assert security_shapes(vendor) == {BEARER}, vendor
        assert all("security" not in op for _, _, op, _ in operations(vendor)), vendor


def test_auth_snapcall_basic_key_or_bearer() -> None:
    doc = spec("snapcall")
    assert security_shapes("snapcall") == {BASIC, BEARER}
    # The code samples all send the key as a bearer token: the client tries that form first.
    assert _scheme_shape(doc["components"]["securitySchemes"][next(iter(doc["security"][0]))]) == next(iter(BEARER))
    schemes = doc["components"]["securitySchemes"].values()
    assert {s.get("x-credential") for s in schemes} == {"api_key"}
    assert {s.get("x-example") for s in schemes} == {"abc"}
    public = {op["operationId"] for _, _, op, _ in operations("snapcall") if op.get("security") == []}
    assert public == {"streams_get_info", "booking_pages_get_info", "library_get_public"}
    optional = {op["operationId"] for _, _, op, _ in operations("snapcall") if {} in (op.get("security") or [None])}
    assert optional == {"buttons_get_info", "invites_get", "users_get_button"}


def test_auth_agendize_pair_in_query_or_headers_or_oauth_bearer() -> None:
    assert security_shapes("agendize") == {
        frozenset({("apiKey", "query", "apiKey"), ("apiKey", "query", "token")}),
        frozenset({("apiKey", "header", "apiKey"), ("apiKey", "header", "token")}),
        BEARER,
    }
    schemes = spec("agendize")["components"]["securitySchemes"].values()
    by_name: dict[str, set[str]] = {}
    for scheme in schemes:
        if scheme["type"] == "apiKey":
            by_name.setdefault(scheme["name"], set()).add(scheme["x-credential"])
    assert by_name == {"apiKey": {"api_key"}, "token": {"token"}}, "query and header pair share their secrets"


def test_voipnow_domain_server_variable() -> None:
    server = spec("voipnow")["servers"][0]
    assert server["url"] == "https://{domain}/uapi"
    assert server["variables"]["domain"]["default"]


def test_base_urls() -> None:
    expected = {
        "hipcall": "https://api.hipcall.com/api/v20211124",
        "agendize": "https://api.agendize.com/api/2.0",
        "snapcall": "https://api.snapcall.io/v2",
        "monica": "https://app.monicahq.com/api",
    }
    for vendor, url in expected.items():
        assert spec(vendor)["servers"][0]["url"] == url


# ---- enums ---------------------------------------------------------------------------------------

HIPCALL_ENUMS = {
    "direction": {1: "INBOUND", 2: "OUTBOUND", 3: "INTERNAL"},
    "channel_type": {1: "NUMBER", 2: "WEB_WIDGET"},
    "caller_type": {1: "CONTACT", 2: "USER"},
    "callee_type": {1: "CONTACT", 2: "USER", 3: "GREETING", 4: "TEAM"},
    "missing_call_reason": {1: "OUT_OF_BUSINESS_HOURS", 3: "ABANDONED", 2: "SHORT_ABANDONED", 4: "CALLBACK"},
    "hangup_by": {1: "USER", 2: "CONTACT", 3: "SYSTEM"},
    "voicemail_type": {1: "USER", 2: "ACCOUNT"},
}


@pytest.mark.parametrize("field", sorted(HIPCALL_ENUMS))
def test_hipcall_integer_enums_named(field: str) -> None:
    doc = spec("hipcall")
    schema = deref(doc, doc["components"]["schemas"]["Call"]["properties"][field])
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    assert "integer" in types
    named = dict(zip([v for v in schema["enum"] if v is not None], schema["x-enum-varnames"], strict=True))
    for value, name in HIPCALL_ENUMS[field].items():
        assert named.pop(value) == name
    # Anything beyond the documented table is marked inferred.
    assert not named or schema.get("x-inferred") is True, named
    assert ("null" in types) == (None in schema["enum"])


def test_hipcall_callee_type_hangup_is_null() -> None:
    doc = spec("hipcall")
    schema = deref(doc, doc["components"]["schemas"]["Call"]["properties"]["callee_type"])
    assert None in schema["enum"] and "null" in schema["type"]


def _schemas(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield node
        for value in node.values():
            yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)


@pytest.mark.parametrize("vendor", VENDORS)
def test_enums_well_formed(vendor: str) -> None:
    """Integer enums name every non-null value; a null member makes the type nullable."""
    for schema in _schemas(spec(vendor)):
        declared = schema.get("type")
        types: list[Any] = declared if isinstance(declared, list) else [declared]
        values = [v for v in schema["enum"] if v is not None]
        if None in schema["enum"]:
            assert "null" in types, schema
        if "integer" in types:
            names = schema.get("x-enum-varnames")
            assert names and len(names) == len(values), schema
            assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", n) for n in names)


# ---- responses -----------------------------------------------------------------------------------

def test_hipcall_rate_limit_headers_on_documented_answers() -> None:
    """Every answer the page shows (the 14 with a response example) documents both rate-limit headers."""
    doc = spec("hipcall")
    seen = 0
    for _, _, op, _ in operations("hipcall"):
        for raw in op["responses"].values():
            response = deref(doc, raw)
            body_examples = set(response.get("content", {}).get("application/json", {}).get("examples") or {})
            if not body_examples:
                continue
            seen += 1
            headers = {name.lower(): deref(doc, h) for name, h in response.get("headers", {}).items()}
            for name in ("x-ratelimit-limit", "x-ratelimit-remaining"):
                assert headers[name]["schema"]["type"] == "integer"
                assert set(headers[name]["examples"]) == body_examples, (op["operationId"], name)
    assert seen == 14


def test_created_and_no_content_statuses() -> None:
    status = {op["operationId"]: set(op["responses"]) for _, _, op, _ in operations("hipcall")}
    assert "201" in status["comments_create"] and "201" in status["tasks_create"]
    assert "204" in status["companies_remove_tag"] and "204" in status["contacts_remove_tag"]
    for _, _, op, _ in operations("voipnow"):
        assert {"200", "204", "400"} <= set(op["responses"]), op["operationId"]


@pytest.mark.parametrize("vendor", ["hipcall", "monica", "voipnow"])
def test_error_bodies_documented(vendor: str) -> None:
    """Vendors with a known error format attach it to their 4xx answers."""
    doc = spec(vendor)
    for _, _, op, _ in operations(vendor):
        errors = [deref(doc, r) for s, r in op["responses"].items() if s.startswith("4")]
        assert errors, op["operationId"]
        for response in errors:
            schema = deref(doc, response["content"]["application/json"]["schema"])
            assert {"errors", "error"} & set(schema.get("properties", {})), op["operationId"]


def test_undocumented_bodies_stay_open() -> None:
    """SnapCall answers and Agendize errors are not documented: open and marked so."""
    snap = spec("snapcall")
    for _, _, op, _ in operations("snapcall"):
        for raw in op["responses"].values():
            schema = deref(snap, deref(snap, raw)["content"]["application/json"]["schema"])
            assert schema.get("x-undocumented") is True and "properties" not in schema
    agendize = spec("agendize")
    for _, _, op, _ in operations("agendize"):
        schema = deref(agendize, op["responses"]["default"])["content"]["application/json"]["schema"]
        assert schema.get("x-undocumented") is True and "properties" not in schema


def test_snapcall_alternatives_is_number_or_string() -> None:
    alternatives = spec("snapcall")["components"]["schemas"]["Alternatives"]
    assert sorted(s["type"] for s in alternatives["anyOf"]) == ["number", "string"]


def test_voipnow_update_actions_discriminated() -> None:
    doc = spec("voipnow")
    op = doc["paths"]["/phoneCalls/{userId}/{extension}/{phoneCallId}"]["put"]
    body = deref(doc, deref(doc, op["requestBody"])["content"]["application/json"]["schema"])
    assert body["discriminator"]["propertyName"] == "action"
    actions: set[str] = set()
    for member in body["oneOf"]:
        schema = deref(doc, member)
        assert "action" in schema["required"]
        actions.update(schema["properties"]["action"].get("enum") or [schema["properties"]["action"].get("const")])
    assert actions == {
        "Park", "UnPark", "Transfer", "TransferToVoicemail", "StartRecording", "StopRecording",
        "OnHold", "OffHold", "Pickup", "BargeIn", "Whisper", "Monitor",
    }


# ---- paging --------------------------------------------------------------------------------------

PAGING_KEYS = {
    "next-link": ({"items", "next"}, set()),
    "page": ({"items", "page"}, {"size", "last-page"}),
    "offset": ({"items", "offset"}, {"limit", "total"}),
    "cursor": ({"items", "cursor", "next"}, set()),
}
# List operations whose page documents no paging parameter at all (Agendize's syncToken is a sync token, not a page cursor).
UNPAGED_LISTS = {("snapcall", "integrations_list"), ("agendize", "calls_list")}


@pytest.mark.parametrize("vendor", VENDORS)
def test_list_operations_page(vendor: str) -> None:
    listed = 0
    for method, _, op, item in operations(vendor):
        is_list = method == "GET" and "list" in op["operationId"]
        paging = op.get("x-pagination")
        if (vendor, op["operationId"]) in UNPAGED_LISTS:
            assert paging is None
            continue
        assert is_list == (paging is not None), op["operationId"]
        if paging is None:
            continue
        listed += 1
        required, optional = PAGING_KEYS[paging["style"]]
        keys = set(paging) - {"style", "x-inferred"}
        assert required <= keys <= required | optional, op["operationId"]
        query = {name for (where, name) in params(vendor, op, item) if where == "query"}
        for key in ("page", "size", "offset", "limit", "cursor"):
            if key in paging:
                assert paging[key] in query, (op["operationId"], key)
    assert listed > 0 or vendor == "agendize"  # Agendize's one list is not paged


# ---- examples ------------------------------------------------------------------------------------

def exchanges(vendor: str, op: dict[str, Any], item: dict[str, Any]) -> dict[str, dict[str, set[str]]]:
    """Example names of one operation: in which request slots and under which response statuses."""
    doc = spec(vendor)
    found: dict[str, dict[str, set[str]]] = {}

    def note(names: Any, kind: str, where: str) -> None:
        for name in names or {}:
            found.setdefault(name, {}).setdefault(kind, set()).add(where)

    for (where, name), param in params(vendor, op, item).items():
        note(param.get("examples"), "request", f"{where}:{name}")
    if "requestBody" in op:
        for ctype, media in deref(doc, op["requestBody"]).get("content", {}).items():
            note(media.get("examples"), "request", f"body:{ctype}")
    for status, raw in op["responses"].items():
        response = deref(doc, raw)
        for media in response.get("content", {}).values():
            note(media.get("examples"), "response", status)
        for header in response.get("headers", {}).values():
            note(deref(doc, header).get("examples"), "header", status)
    for name in op.get("x-bare-examples", []):
        found.setdefault(name, {}).setdefault("bare", set()).add("operation")
    return found


@pytest.mark.parametrize("vendor", VENDORS)
def test_examples_paired(vendor: str) -> None:
    """One exchange, one name: one answer status, headers beside that answer, every path value given."""
    for _, _, op, item in operations(vendor):
        found = exchanges(vendor, op, item)
        path_params = {f"path:{name}" for (where, name) in params(vendor, op, item) if where == "path"}
        answered = any("response" in slots for slots in found.values())
        for name, slots in found.items():
            where = f"{op['operationId']}:{name}"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", name), where
            assert len(slots.get("response", set())) <= 1, where
            assert slots.get("header", set()) <= slots.get("response", set()), where
            if "bare" in slots:
                assert set(slots) == {"bare"}, f"{where}: a bare exchange has no slot values"
                continue
            if answered:
                assert "response" in slots, f"{where}: request without its answer"
            if "request" in slots:
                assert path_params <= slots["request"], f"{where}: path values missing"


DOCUMENTED_EXCHANGES = {"agendize": 0, "hipcall": 17, "monica": 6, "snapcall": 74, "voipnow": 6}


@pytest.mark.parametrize("vendor", VENDORS)
def test_example_counts(vendor: str) -> None:
    total = sum(len(exchanges(vendor, op, item)) for _, _, op, item in operations(vendor))
    assert total == DOCUMENTED_EXCHANGES[vendor]


def test_snapcall_every_sample_is_an_exchange() -> None:
    """Each of the 74 code samples is one exchange named `code_sample`, with its path values."""
    for _, _, op, item in operations("snapcall"):
        assert set(exchanges("snapcall", op, item)) == {"code_sample"}, op["operationId"]


def _marked(node: Any, ptr: str = "") -> Iterator[tuple[str, dict[str, Any], str]]:
    if isinstance(node, dict):
        for key in ("x-inferred", "x-undocumented"):
            if node.get(key) is True:
                yield ptr, node, key
        for name, value in node.items():
            yield from _marked(value, f"{ptr}/{str(name).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _marked(value, f"{ptr}/{index}")


@pytest.mark.parametrize("vendor", VENDORS)
def test_inferred_facts_say_so(vendor: str) -> None:
    """An `x-inferred` node, or the operation holding it, says in words that the fact is inferred."""
    doc = spec(vendor)
    for ptr, node, key in _marked(doc):
        if key != "x-inferred":
            continue
        text = str(node.get("description", ""))
        if not text and "/x-pagination" in ptr:
            text = str(deref(doc, _at(doc, ptr.rsplit("/x-pagination", 1)[0])).get("description", ""))
        assert re.search(r"infer|assum|guess", text, re.IGNORECASE), ptr


def _at(doc: dict[str, Any], ptr: str) -> Any:
    node: Any = doc
    for token in ptr.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def test_facts_marked_inferred() -> None:
    """FACTS.md's inferred Agendize insert path is marked so in the spec."""
    insert = spec("agendize")["paths"]["/calls"]["post"]
    assert insert.get("x-inferred") is True and "infer" in insert["description"].lower()


# ---- SnapCall page tables, row by row ------------------------------------------------------------

DOC_TYPES = {"number": "number", "string": "string", "boolean": "boolean", "array": "array", "object": "object", "date": "string"}


def _snapcall_page() -> list[dict[str, Any]]:
    assert DOCS is not None
    lines = (DOCS / "002_6a80e133e867a288.txt").read_text(encoding="utf-8").splitlines()
    ops: list[dict[str, Any]] = []
    table = None
    for line in lines:
        head = re.fullmatch(r"\[(GET|POST|PUT|DELETE|PATCH)\] /v2(/\S*)", line)
        if head:
            ops.append({"method": head[1], "path": head[2], "tables": {}, "auth": False})
            table = None
        elif ops:
            if line in ("URI Components", "JSON Payload", "Query String"):
                table = line
                ops[-1]["tables"][table] = []
            elif "Bearer" in line:
                ops[-1]["auth"] = True
            elif table:
                row = re.match(r"\s*([^|]*?)\s*\|\s*(\w+)\s*\|\s*(true|false)\s*\|", line)
                if row:
                    ops[-1]["tables"][table].append((row[1], row[2], row[3] == "true"))
                elif not line.startswith(("Parameter", "---")):
                    table = None
    return ops


def _type_of(doc: dict[str, Any], schema: dict[str, Any]) -> str:
    schema = deref(doc, schema)
    if "anyOf" in schema or "oneOf" in schema:
        return "alternatives"
    return str(schema.get("type"))


def _page_names(vendor: str, op: dict[str, Any], item: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The operation's parameters by (location, name as the page writes it): `x-page-name` where it differs."""
    return {(where, param.get("x-page-name", name)): param for (where, name), param in params(vendor, op, item).items()}


def _by_page_path(vendor: str) -> dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]]:
    """(method, path as the page writes it) -> (operation, path item); renamed templates take the page's name."""
    found = {}
    for method, path, op, item in operations(vendor):
        for (where, name), param in params(vendor, op, item).items():
            if where == "path" and "x-page-name" in param:
                path = path.replace("{" + name + "}", "{" + param["x-page-name"] + "}")
        found[(method.lower(), path)] = (op, item)
    return found


@needs_docs
def test_snapcall_matches_page_tables() -> None:
    doc = spec("snapcall")
    page = _snapcall_page()
    assert len(page) == 74
    by_key = _by_page_path("snapcall")
    assert {(o["method"].lower(), o["path"]) for o in page} == set(by_key)
    for entry in page:
        op, item = by_key[(entry["method"].lower(), entry["path"])]
        where = f"{entry['method']} {entry['path']}"
        declared = _page_names("snapcall", op, item)
        security = op.get("security", doc["security"])
        assert entry["auth"] != (security == [] or {} in security), f"{where}: auth differs from the code sample"
        for table, location in (("URI Components", "path"), ("Query String", "query")):
            for name, kind, required in entry["tables"].get(table, []):
                if not name:
                    continue  # the page leaves the name cell empty; the template names it
                param = declared[(location, name)]
                expected = "alternatives" if kind == "alternatives" else DOC_TYPES[kind]
                assert _type_of(doc, param["schema"]) == expected, f"{where} {name}"
                assert bool(param.get("required")) == required, f"{where} {name}"
        rows = entry["tables"].get("JSON Payload")
        if rows:
            body = deref(doc, deref(doc, op["requestBody"])["content"]["application/json"]["schema"])
            for name, kind, required in rows:
                if not name:
                    continue
                expected = "alternatives" if kind == "alternatives" else DOC_TYPES[kind]
                assert _type_of(doc, body["properties"][name]) == expected, f"{where} body {name}"
                assert (name in body.get("required", [])) == required, f"{where} body {name}"


# ---- documented examples, value for value --------------------------------------------------------

def _page_lines(name: str) -> list[str]:
    assert DOCS is not None
    return (DOCS / name).read_text(encoding="utf-8").splitlines()


def _json_block(lines: list[str], start: int) -> tuple[Any, int]:
    """The JSON value whose first line is at or after `start`, and the index of its last line."""
    import json

    index = start
    while not lines[index].lstrip().startswith(("{", "[")):
        index += 1
    buffer: list[str] = []
    depth = 0
    while True:
        line = lines[index]
        buffer.append(line)
        depth += line.count("{") + line.count("[") - line.count("}") - line.count("]")
        if depth == 0:
            return json.loads("\n".join(buffer)), index
        index += 1


def _match_operation(vendor: str, method: str, path: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """The operation a concrete request path hits, with the path values it carries (literal paths win)."""
    for name, item in sorted(spec(vendor)["paths"].items(), key=lambda entry: entry[0].count("{")):
        pattern = "^" + re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(name)) + "$"
        found = re.match(pattern, path)
        if found and method.lower() in item:
            return item[method.lower()], item, found.groupdict()
    raise AssertionError(f"no operation for {method} {path}")


def _slot_values(examples: dict[str, Any] | None) -> list[Any]:
    return [example["value"] for example in (examples or {}).values()]


def _check_exchange(vendor: str, method: str, path: str, body: Any, status: str | None, answer: Any,
                    headers: dict[str, str]) -> str:
    """The spec holds the documented request and answer under one name; returns that name."""
    import json

    doc = spec(vendor)
    op, item, values = _match_operation(vendor, method, path)
    names: set[str] = set()
    declared = params(vendor, op, item)
    for wire, value in values.items():
        examples = declared[("path", wire)].get("examples") or {}
        assert [str(v) for v in _slot_values(examples)] == [value], (op["operationId"], wire)
        names.update(examples)
    if body is not None:
        examples = deref(doc, op["requestBody"])["content"]["application/json"]["examples"]
        assert _slot_values(examples) == [body], op["operationId"]
        names.update(examples)
    if answer is not None:
        assert status is not None
        response = deref(doc, op["responses"][status])
        examples = response["content"]["application/json"]["examples"]
        assert json.dumps(_slot_values(examples)) == json.dumps([answer]), op["operationId"]
        names.update(examples)
        for header, value in headers.items():
            header_examples = deref(doc, response["headers"][header])["examples"]
            assert [str(v) for v in _slot_values(header_examples)] == [value], (op["operationId"], header)
            names.update(header_examples)
    assert len(names) <= 1, (op["operationId"], names)
    return str(op["operationId"])


@needs_docs
def test_hipcall_examples_equal_the_page() -> None:
    """The 17 example requests (path values, bodies) and 14 answers (bodies, rate-limit headers)."""
    import json

    lines = _page_lines("000_78cb3780bfc1a00a.txt")
    base = "https://api.hipcall.com/api/v20211124"
    starts = [i for i, line in enumerate(lines) if line.startswith("curl --request")]
    seen = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        method, url, body, status, answer, headers = lines[start].split()[2], "", None, None, None, {}
        index = start + 1
        while not lines[index].startswith("const url"):
            found = re.search(r'"(https://[^"]+)"', lines[index])
            url = found[1] if found else url
            if lines[index].startswith('--data "'):
                chunk = [lines[index][len('--data "'):]]
                while not chunk[-1].endswith('}"'):
                    index += 1
                    chunk.append(lines[index])
                chunk[-1] = chunk[-1][:-1]
                body = json.loads("\n".join(chunk).replace('\\"', '"'))
            index += 1
        for index in range(index, end):  # noqa: B020 - the scan goes on from where the body ended
            heading = re.fullmatch(r"Example response \((\d+)\):", lines[index])
            if heading:
                status = heading[1]
                cursor = index + 2
                while not lines[cursor].startswith("{"):
                    name, value = lines[cursor].split(": ", 1)
                    if name.startswith("x-ratelimit"):
                        headers[name] = value
                    cursor += 1
                answer, _ = _json_block(lines, cursor)
                break
        assert url.startswith(base)
        seen.append(_check_exchange("hipcall", method, url[len(base):], body, status, answer, headers))
    assert len(seen) == len(set(seen)) == 17


@needs_docs
def test_monica_examples_equal_the_page() -> None:
    lines = _page_lines("003_75f4ec6cc8a72c4d.txt")
    found: list[dict[str, Any]] = []
    index = 0
    while index < len(lines):
        head = re.fullmatch(r"(GET|POST|PUT|DELETE) (\S+)", lines[index])
        if head:
            found.append({"method": head[1], "path": head[2], "body": None, "answer": None})
        elif lines[index] in ("Example", "Response") and found:
            slot = "body" if lines[index] == "Example" else "answer"
            found[-1][slot], index = _json_block(lines, index)
        index += 1
    assert len(found) == 6
    doc = spec("monica")
    for entry in found:
        path = re.sub(r":(\w+)", r"{\1}", entry["path"]).rstrip("/")
        op = doc["paths"][path][entry["method"].lower()]
        if entry["body"] is not None:
            assert _slot_values(deref(doc, op["requestBody"])["content"]["application/json"]["examples"]) == [entry["body"]]
        answer = deref(doc, op["responses"]["200"])["content"]["application/json"]["examples"]
        assert _slot_values(answer) == [entry["answer"]], op["operationId"]


@needs_docs
def test_voipnow_examples_equal_the_page() -> None:
    """Six answers, and the four curl requests (path values and bodies; the URLs' trailing `/` aside)."""
    import json

    lines = _page_lines("004_f6dae598030f15b1.txt")
    found: list[dict[str, Any]] = []
    for index, line in enumerate(lines):
        head = re.fullmatch(r"(GET|POST|PUT|DELETE) (/phoneCalls/\S+)", line.strip())
        if head:
            found.append({"method": head[1], "template": head[2], "path": None, "body": None, "answer": None})
        elif line.strip() == "Example Response" and found:
            found[-1]["answer"], _ = _json_block(lines, index + 1)
        elif line.startswith("curl ") and found:
            url = re.search(r"'https://api\.hubgets\.com/uapi(/[^']+?)/?'", line)
            assert url
            found[-1]["path"] = url[1]
            for follow in lines[index + 1:index + 8]:
                data = re.search(r"--data-binary '(.*)'", follow)
                if data:
                    found[-1]["body"] = json.loads(data[1])
    assert len(found) == 6 and sum(1 for f in found if f["path"]) == 4
    doc = spec("voipnow")
    for entry in found:
        op = doc["paths"][entry["template"]][entry["method"].lower()]
        answer = deref(doc, op["responses"]["200"])["content"]["application/json"]["examples"]
        assert _slot_values(answer) == [entry["answer"]], op["operationId"]
        if entry["path"]:
            _check_exchange("voipnow", entry["method"], entry["path"], entry["body"], "200", entry["answer"], {})


@needs_docs
def test_snapcall_sample_urls_are_the_examples() -> None:
    """Each code sample's URL, method and key are what the spec's `code_sample` exchange sends."""
    lines = _page_lines("002_6a80e133e867a288.txt")
    samples: list[dict[str, Any]] = []
    for line in lines:
        head = re.fullmatch(r"\[(GET|POST|PUT|DELETE|PATCH)\] /v2(/\S*)", line)
        if head:
            samples.append({"method": head[1], "path": head[2], "urls": set(), "keys": set(), "verbs": set()})
        elif samples:
            samples[-1]["urls"].update(re.findall(r"'https://api\.snapcall\.io/v2([^']*)'", line))
            key = re.search(r"(?:apiKey|\$api_key) = '([^']*)'", line)
            if key:
                samples[-1]["keys"].add(key[1])
            verb = re.search(r"method: '(\w+)'|CURLOPT_CUSTOMREQUEST, '(\w+)'", line)
            if verb:
                samples[-1]["verbs"].add(verb[1] or verb[2])
    assert len(samples) == 74
    schemes = spec("snapcall")["components"]["securitySchemes"]
    for sample in samples:
        assert len(sample["urls"]) == 1, sample["path"]
        assert sample["verbs"] <= {sample["method"]}, sample["path"]
        assert all(schemes[name]["x-example"] == key for name in schemes for key in sample["keys"])
        op, _, values = _match_operation("snapcall", sample["method"], next(iter(sample["urls"])))
        assert op is _by_page_path("snapcall")[(sample["method"].lower(), sample["path"])][0], sample["path"]
        if values:
            _check_exchange("snapcall", sample["method"], next(iter(sample["urls"])), None, None, None, {})
        else:
            assert op.get("x-bare-examples") == ["code_sample"], sample["path"]


# Issue 20: VoipNow, Hipcall, Monica --------------------------------------------------------------

VOIPNOW_PAGE = "004_f6dae598030f15b1.txt"
SESSION = ("devCookie", "xsrfCookie", "vnCookie", "xsrfHeader")


def _voipnow_curl_samples() -> list[dict[str, Any]]:
    """Each curl sample of the VoipNow page: the operation heading above it, its URL, `-X`, headers and body."""
    import json

    lines = _page_lines(VOIPNOW_PAGE)
    heading: tuple[str, str] | None = None
    samples: list[dict[str, Any]] = []
    for index, line in enumerate(lines):
        head = re.fullmatch(r"(GET|POST|PUT|DELETE) (/phoneCalls/\S+)", line.strip())
        if head:
            heading = (head[1], head[2])
        elif line.startswith("curl ") and heading:
            sample: dict[str, Any] = {"heading": heading, "url": re.search(r"'([^']+)'", line)[1],  # type: ignore[index]
                                      "method": None, "headers": {}, "body": None}
            for follow in lines[index + 1:]:
                if not follow.startswith(" -") and not follow.startswith(" --"):
                    break
                flag = re.match(r"\s*-X '(\w+)'", follow)
                header = re.match(r"\s*-H '([^:]+): ([^']*)'", follow)
                data = re.match(r"\s*--data-binary '(.*)'", follow)
                if flag:
                    sample["method"] = flag[1]
                elif header:
                    sample["headers"][header[1].lower()] = header[2]
                elif data:
                    sample["body"] = json.loads(data[1])
            samples.append(sample)
    return samples


def test_voipnow_cookie_session_or_bearer() -> None:
    """Two alternatives: the browser session the curl samples send (first, so a replay sends it), or a bearer token."""
    doc = spec("voipnow")
    schemes = doc["components"]["securitySchemes"]
    assert [list(requirement) for requirement in doc["security"]] == [list(SESSION), ["oauth2Bearer"]]
    assert security_shapes("voipnow") == {
        frozenset({("apiKey", "cookie", "dev"), ("apiKey", "cookie", "xsrf-token"), ("apiKey", "cookie", "vn"),
                   ("apiKey", "header", "x-xsrf-token")}),
        BEARER,
    }
    assert {key: schemes[key].get("x-credential") for key in schemes} == {
        "devCookie": "dev_cookie", "xsrfCookie": "xsrf_token", "vnCookie": "vn_cookie", "xsrfHeader": "xsrf_token",
        "oauth2Bearer": "access_token",
    }
    assert all("security" not in op for _, _, op, _ in operations("voipnow"))
    # The bearer token has no value in any VoipNow source: no x-example.
    assert "x-example" not in schemes["oauth2Bearer"]
    # Which cookies the server checks is not stated: the cookies beside the xsrf token say so.
    for key in ("devCookie", "vnCookie"):
        assert schemes[key].get("x-inferred") is True, key


@needs_docs
def test_voipnow_session_is_what_the_curl_samples_send() -> None:
    """Every operation names cookie or header authentication; the four samples send exactly the modelled session."""
    text = "\n".join(_page_lines(VOIPNOW_PAGE))
    assert text.count("This endpoint requires authentication via cookie or header token.") == 6
    schemes = spec("voipnow")["components"]["securitySchemes"]
    cookie_keys = [key for key in SESSION if schemes[key]["in"] == "cookie"]
    expected_cookie = "; ".join(f"{schemes[k]['name']}={schemes[k]['x-example']}" for k in cookie_keys)
    samples = _voipnow_curl_samples()
    assert len(samples) == 4
    for sample in samples:
        headers = sample["headers"]
        assert headers["cookie"] == expected_cookie, sample["heading"]
        assert headers["x-xsrf-token"] == schemes["xsrfHeader"]["x-example"], sample["heading"]
        assert "authorization" not in headers
    assert schemes["xsrfCookie"]["x-example"] == schemes["xsrfHeader"]["x-example"]


@needs_docs
def test_voipnow_twelve_update_actions() -> None:
    """The twelve actions the page lists are accepted; the six no source documents are open and marked."""
    lines = _page_lines(VOIPNOW_PAGE)
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("PUT /phoneCalls/"))
    end = next(i for i in range(start, len(lines)) if lines[i].strip() == "Responses")
    listed = [m[1] for line in lines[start:end] if (m := re.fullmatch(r"\s*•\s*(\w+)PhoneCalls", line))]
    assert len(listed) == 12
    doc = spec("voipnow")
    body = deref(doc, doc["paths"]["/phoneCalls/{userId}/{extension}/{phoneCallId}"]["put"]["requestBody"])
    union = deref(doc, body["content"]["application/json"]["schema"])
    members = {deref(doc, ref)["properties"]["action"]["enum"][0]: deref(doc, ref) for ref in union["oneOf"]}
    # The page writes TransferToVoiceMail; the curl sample sends TransferToVoicemail, which the spec keeps.
    assert {name.lower() for name in members} == {name.lower() for name in listed}
    assert set(union["discriminator"]["mapping"]) == set(members)
    documented = {"Park", "UnPark", "Transfer", "TransferToVoicemail", "StartRecording", "StopRecording"}
    for name, schema in members.items():
        assert schema["required"][0] == "action" and schema["properties"]["action"]["type"] == "string", name
        if name in documented:
            assert "x-undocumented" not in schema, name
            continue
        assert schema.get("x-undocumented") is True and schema.get("x-inferred") is True, name
        assert set(schema["properties"]) == {"action"} and schema["required"] == ["action"], name
        assert schema.get("additionalProperties", True) is not False, name


def test_voipnow_on_hold_validates_as_the_update_body() -> None:
    """`{"action": "OnHold"}` is a valid update body; an action the page does not list is not."""
    from jsonschema import Draft202012Validator

    doc = spec("voipnow")
    validator = Draft202012Validator({"$ref": "#/components/schemas/PhoneCallAction", "components": doc["components"]})
    for action in ("OnHold", "OffHold", "Pickup", "BargeIn", "Whisper", "Monitor"):
        assert validator.is_valid({"action": action}), action
    assert validator.is_valid({"action": "Whisper", "phoneCallViewId": "00"})
    assert not validator.is_valid({"action": "Hold"})
    assert not validator.is_valid({"action": "Park"})  # Park's phoneCallViewId is required (FACTS.md)


def test_voipnow_defaults_only_from_the_page() -> None:
    """Defaults are the page's Default column only; UnPark's waitForPickup has none in any source."""
    doc = spec("voipnow")
    found: dict[str, Any] = {}

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            if "default" in node and isinstance(node.get("type"), str):
                found[name] = node["default"]
            for key, value in node.items():
                walk(value, node.get("name", key) if key == "schema" else str(key))
        elif isinstance(node, list):
            for value in node:
                walk(value, name)

    walk(doc, "")
    assert found == {"waitForPickup": 25, "allowPublicTransfer": False, "video": False, "filterOp": "equals"}
    unpark = doc["components"]["schemas"]["UnParkAction"]["properties"]["waitForPickup"]
    assert "default" not in unpark


def test_voipnow_inferred_paging_and_action_types() -> None:
    """Offset paging, the types of `count`/`startIndex` and of the 3.0 action fields are marked inferred."""
    doc = spec("voipnow")
    item = doc["paths"]["/phoneCalls/{userId}/{extension}/{phoneCallId}"]
    listing = item["get"]
    assert listing["x-pagination"]["x-inferred"] is True
    assert "inferred" in listing["description"].lower()
    declared = params("voipnow", listing, item)
    for name in ("count", "startIndex"):
        assert declared[("query", name)]["x-inferred"] is True, name
        assert f"`{name}`" in declared[("query", name)]["description"], name
    schemas = doc["components"]["schemas"]
    # TransferToVoicemail's fields are typed by the v5 curl sample; StartRecording's format by its enum.
    typed_by_a_source = {("TransferToVoicemailAction", "sendCallTo"), ("TransferToVoicemailAction", "transferFromNumber"),
                         ("StartRecordingAction", "format")}
    checked = 0
    for name in ("ParkAction", "UnParkAction", "TransferAction", "TransferToVoicemailAction", "StartRecordingAction",
                 "StopRecordingAction"):
        for field, schema in schemas[name]["properties"].items():
            if field == "action" or (name, field) in typed_by_a_source:
                assert "x-inferred" not in schema, (name, field)
                continue
            checked += 1
            assert schema.get("x-inferred") is True and "Inferred type" in schema["description"], (name, field)
    assert checked == 11


@needs_docs
def test_voipnow_url_form_and_hang_up_method() -> None:
    """The spec's paths follow the endpoint table (no trailing `/`), and the hang-up is DELETE; both say why."""
    doc = spec("voipnow")
    samples = _voipnow_curl_samples()
    assert all(sample["url"].endswith("/") for sample in samples)
    assert not any(path.endswith("/") for path in doc["paths"])
    assert "trailing `/`" in doc["info"]["description"]
    hang_up = next(s for s in samples if s["heading"][0] == "DELETE")
    assert hang_up["method"] is None and hang_up["body"] is not None  # curl as written would POST
    op = doc["paths"][hang_up["heading"][1]]["delete"]
    assert op["operationId"] == "phone_calls_hangup"
    for words in ("DELETE", "POST", "`-X`", "`/`"):
        assert words in op["description"], words
    assert [s["method"] for s in samples] == [None, None, "PUT", None]


def test_hipcall_date_path_values_are_digit_strings() -> None:
    """`/cdrs/2021/11/25/...`: one example, no stated type; sent as given, typed as inferred."""
    doc = spec("hipcall")
    item = doc["paths"]["/cdrs/{year}/{month}/{day}/{uuid}"]
    declared = params("hipcall", item["get"], item)
    for name, value in (("year", "2021"), ("month", "11"), ("day", "25")):
        param = declared[("path", name)]
        assert param["schema"] == {"type": "string", "pattern": "^[0-9]+$"}, name
        assert param["x-inferred"] is True and "inferred" in param["description"].lower(), name
        assert [example["value"] for example in param["examples"].values()] == [value], name
        assert re.fullmatch(param["schema"]["pattern"], value)
    for name in ("month", "day"):
        assert "unknown" in declared[("path", name)]["description"], name


# Fields the page shows only as null, and where their non-null type comes from when it is not inferred.
HIPCALL_NULL_TYPED_BY_THE_PAGE = {
    "record_url": "the page calls it a URL that expires",
    "voicemail_type": "the page says the field has integer type, with an enum table",
    "prev": "a page link like first/last/next, which the examples show as URLs",
}


@needs_docs
def test_hipcall_fields_shown_only_as_null() -> None:
    """A field every example shows as null is nullable, and its other type is inferred unless the page gives it."""
    text = "\n".join(_page_lines("000_78cb3780bfc1a00a.txt"))
    values: dict[str, set[str]] = {}
    for key, value in re.findall(r'"(\w+)": ([^\n]*?),?\n', text):
        values.setdefault(key, set()).add(value.strip())
    only_null = {key for key, seen in values.items() if seen == {"null"}}
    # `assign_to` is null in every answer; only the create request sends a value (a user id).
    only_null.add("assign_to")
    assert only_null == {"answered_at", "bridged_at", "record_url", "voicemail_type", "voicemail_id", "voicemail_url",
                         "assign_to", "task_list_id", "prev"}
    doc = spec("hipcall")
    schemas = doc["components"]["schemas"]
    seen = 0
    for schema_name in ("Call", "Task", "PaginationLinks"):
        for field, raw in schemas[schema_name]["properties"].items():
            if field not in only_null:
                continue
            seen += 1
            schema = deref(doc, raw)
            types = schema.get("type")
            assert isinstance(types, list) and "null" in types, field
            if field in HIPCALL_NULL_TYPED_BY_THE_PAGE:
                continue
            assert schema.get("x-inferred") is True and "every" in schema["description"], field
    assert seen == len(only_null)


def test_hipcall_no_required_body_or_field_without_a_source() -> None:
    """The page and FACTS.md mark no request body or body field required."""
    doc = spec("hipcall")
    bodies = 0
    for _, _, op, _ in operations("hipcall"):
        if "requestBody" not in op:
            continue
        bodies += 1
        body = deref(doc, op["requestBody"])
        assert body.get("required", False) is False, op["operationId"]
        schema = deref(doc, body["content"]["application/json"]["schema"])
        assert "required" not in schema, op["operationId"]
    assert bodies == 5


@needs_docs
def test_descriptions_add_no_unstated_meaning() -> None:
    """Words the audit found added to the pages' meaning are gone ('E.164', 'CSRF'), and the pages never use them."""
    for vendor, page in (("hipcall", "000_78cb3780bfc1a00a.txt"), ("monica", "003_75f4ec6cc8a72c4d.txt"),
                         ("voipnow", VOIPNOW_PAGE)):
        spec_text = (SPECS / f"{vendor}.yaml").read_text(encoding="utf-8")
        page_text = "\n".join(_page_lines(page))
        for word in ("E.164", "CSRF"):
            assert word.lower() not in page_text.lower(), (page, word)
            assert word.lower() not in spec_text.lower(), (vendor, word)


@needs_docs
def test_monica_success_statuses_are_inferred() -> None:
    """The Monica page states no status at all: every success answer is marked inferred and says so."""
    page = "\n".join(_page_lines("003_75f4ec6cc8a72c4d.txt"))
    assert not re.search(r"\b(200|201|202|204)\b", page)
    successes = 0
    for _, _, op, _ in operations("monica"):
        for status, raw in op["responses"].items():
            if not status.startswith("2"):
                continue
            successes += 1
            response = deref(spec("monica"), raw)
            assert response.get("x-inferred") is True, op["operationId"]
            assert "status is inferred" in response["description"], op["operationId"]
    assert successes == 6


def test_monica_paging_bounds_from_the_sources_only() -> None:
    """FACTS.md gives `limit` at most 100 and default 10; no source gives a minimum."""
    parameters = spec("monica")["components"]["parameters"]
    assert parameters["Limit"]["schema"] == {"type": "integer", "maximum": 100, "default": 10}
    assert parameters["Page"]["schema"] == {"type": "integer"}


# An `x-inferred` says what was inferred ("inferred"), what the sources lack (no/not/none/only/null)
# and why this value was chosen (assumed, like, as, from, so, because, suggest, elsewhere, seen, follows).
_LACKS = re.compile(r"\b(no|not|none|only|null)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"assum|\b(like|as|from|so|because|suggest|elsewhere|seen|follows)\b", re.IGNORECASE)


@pytest.mark.parametrize("vendor", ["hipcall", "monica", "voipnow"])
def test_inferred_says_what_and_why(vendor: str) -> None:
    doc = spec(vendor)
    marked = 0
    for ptr, node, key in _marked(doc):
        if key != "x-inferred":
            continue
        marked += 1
        text = str(node.get("description", ""))
        if "/x-pagination" in ptr:
            text = str(deref(doc, _at(doc, ptr.rsplit("/x-pagination", 1)[0])).get("description", ""))
        assert "inferred" in text.lower(), ptr
        assert _LACKS.search(text), f"{ptr}: say what the sources lack"
        assert _BECAUSE.search(text), f"{ptr}: say why this value was chosen"
    assert marked > 0


# Issue 20: SnapCall, Agendize

def _success(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The operation's 2xx responses, dereferenced, by status."""
    return {status: deref(doc, raw) for status, raw in op["responses"].items() if str(status).startswith("2")}


def test_agendize_sync_token_is_returned_not_followed() -> None:
    """The page: syncToken is the nextSyncToken from the last page of a previous list request, not a page cursor."""
    doc = spec("agendize")
    op = doc["paths"]["/calls"]["get"]
    assert "x-pagination" not in op
    assert "not a page cursor" in op["description"] and "does not page" in op["description"]
    sync = params("agendize", op, doc["paths"]["/calls"])[("query", "syncToken")]
    assert "last page of results" in sync["description"] and sync.get("required") is False
    answer = deref(doc, _success(doc, op)["200"]["content"]["application/json"]["schema"])
    assert set(answer["properties"]) == {"items", "nextSyncToken"}
    assert answer["properties"]["nextSyncToken"] == {
        "type": "string", "description": answer["properties"]["nextSyncToken"]["description"]}
    assert "next sync" in answer["properties"]["nextSyncToken"]["description"]
    # no other operation pages by the token either
    assert not any("x-pagination" in o for _, _, o, _ in operations("agendize"))


@pytest.mark.parametrize("vendor", ["agendize", "snapcall"])
def test_unstated_success_statuses_are_inferred(vendor: str) -> None:
    """Neither page names a success status: each 2xx says it is inferred, and why."""
    doc = spec(vendor)
    count = 0
    for _, _, op, _ in operations(vendor):
        success = _success(doc, op)
        assert list(success) == ["200"], op["operationId"]
        response = success["200"]
        assert response.get("x-inferred") is True, op["operationId"]
        assert re.search(r"status (code )?(200 )?is inferred", response["description"]), op["operationId"]
        count += 1
    assert count == OPERATION_COUNTS[vendor]


def test_snapcall_invents_no_response_body() -> None:
    """FACTS.md: no response schema is published, so every answer is the one open body and nothing else."""
    doc = spec("snapcall")
    for _, _, op, _ in operations("snapcall"):
        assert op["responses"] == {"200": {"$ref": "#/components/responses/Undocumented"}}, op["operationId"]
    response = doc["components"]["responses"]["Undocumented"]
    assert list(response["content"]) == ["application/json"] and "res.json()" in response["description"]
    assert doc["components"]["schemas"]["UndocumentedResponse"] == {
        "description": doc["components"]["schemas"]["UndocumentedResponse"]["description"], "x-undocumented": True}


def _template_shape(path: str) -> str:
    return re.sub(r"\{[^{}/]*\}", "{}", path)


@pytest.mark.parametrize("vendor", VENDORS)
def test_no_equivalent_paths(vendor: str) -> None:
    shapes = [_template_shape(p) for p in spec(vendor)["paths"]]
    assert len(shapes) == len(set(shapes))


def test_snapcall_team_operations_share_one_path_with_the_page_naming_recorded() -> None:
    doc = spec("snapcall")
    assert "/companies/{companyId}/teams/{id}" not in doc["paths"]
    item = doc["paths"]["/companies/{companyId}/teams/{teamId}"]
    assert "x-lint-ignore" not in item
    assert {m: item[m]["operationId"] for m in ("get", "put", "delete")} == {
        "get": "teams_get", "put": "teams_update", "delete": "teams_delete"}
    assert "`/v2/companies/{companyId}/teams/{id}`" in item["description"]
    renamed = params("snapcall", item["delete"], item)[("path", "teamId")]
    assert renamed["x-page-name"] == "id" and "`id`" in renamed["description"]
    assert renamed["schema"] == {"type": "number"} and renamed["required"] is True
    assert [p for (where, p) in params("snapcall", item["delete"], item) if where == "path"] == ["companyId", "teamId"]
    # only this one parameter is renamed from the page
    marked = [(o["operationId"], p.get("x-page-name")) for _, _, o, i in operations("snapcall")
              for p in params("snapcall", o, i).values() if "x-page-name" in p]
    assert marked == [("teams_delete", "id")]


def test_snapcall_alternatives_are_inferred_and_accept_what_the_page_allows() -> None:
    doc = spec("snapcall")
    schemas = doc["components"]["schemas"]
    scalar, query = schemas["Alternatives"], schemas["FilterAlternatives"]
    for schema in (scalar, query):
        assert schema["x-inferred"] is True and "never defines" in schema["description"]
    assert scalar["anyOf"] == [{"type": "number"}, {"type": "string"}]
    assert query["anyOf"] == [
        {"type": "number"}, {"type": "string"},
        {"type": "array", "items": {"anyOf": [{"type": "number"}, {"type": "string"}]}},
    ]
    assert "`team_ids` and `user_ids`" in query["description"]
    uses: dict[str, set[str]] = {}
    for _, _, op, item in operations("snapcall"):
        for (where, name), param in params("snapcall", op, item).items():
            ref = param["schema"].get("$ref", "")
            if ref.endswith("Alternatives"):
                uses.setdefault(where, set()).add(ref.rsplit("/", 1)[1])
                if where == "query":
                    assert "a list of them" in param["description"], (op["operationId"], name)
    assert uses == {"path": {"Alternatives"}, "query": {"FilterAlternatives"}}
    streams = doc["paths"]["/companies/{companyId}/streams"]["get"]
    for name in ("team_ids", "user_ids"):
        assert params("snapcall", streams, {})[("query", name)]["schema"] == {"$ref": "#/components/schemas/FilterAlternatives"}
    for body in ("ButtonCreate", "ButtonUpdate"):
        for name in ("call_id", "caller_id"):
            assert schemas[body]["properties"][name]["$ref"] == "#/components/schemas/Alternatives"


def test_snapcall_date_has_no_invented_format() -> None:
    doc = spec("snapcall")
    date = doc["components"]["schemas"]["DocDate"]
    assert date["type"] == "string" and "format" not in date and date["x-inferred"] is True
    assert "showing no wire format" in date["description"] and "unchanged" in date["description"]
    users = 0
    for _, _, op, item in operations("snapcall"):
        for param in params("snapcall", op, item).values():
            if param["schema"].get("$ref") == "#/components/schemas/DocDate":
                users += 1
                assert "shows no format" in param["description"], op["operationId"]
    assert users == 14
    assert "format: date\n" not in (SPECS / "snapcall.yaml").read_text(encoding="utf-8")


def test_snapcall_list_items_under_data_say_why() -> None:
    """`items: data` stays marked inferred, and the words say why and what happens otherwise."""
    paged = 0
    for _, _, op, _ in operations("snapcall"):
        paging = op.get("x-pagination")
        if paging is None:
            continue
        paged += 1
        assert paging["items"] == "data" and paging["x-inferred"] is True, op["operationId"]
        text = " ".join(op["description"].split())
        assert "no source shows a SnapCall list answer" in text, op["operationId"]
        assert "a `data` member" in text and "are guesses" in text, op["operationId"]
        assert "iterating yields nothing" in text and "`page.response`" in text, op["operationId"]
    assert paged == 15


def test_snapcall_authentication_text_is_true() -> None:
    """The README's credential row is the first scheme's text: it must say both forms, bearer being the default."""
    doc = spec("snapcall")
    schemes = doc["components"]["securitySchemes"]
    assert list(schemes) == ["bearerAuth", "basicAuth"]
    assert doc["security"] == [{"bearerAuth": []}, {"basicAuth": []}]
    bearer, basic = (" ".join(schemes[k]["description"].split()) for k in ("bearerAuth", "basicAuth"))
    assert "bearer token" in bearer and "HTTP Basic user name" in bearer and "unless told otherwise" in bearer
    assert "HTTP Basic user name, with no password" in basic and "bearer token" in basic
    assert "meant for" not in bearer and "one case for it" in bearer


@pytest.mark.parametrize("phrase", [
    "opening-hours", "opening hours", "availability", "meant for", "returned texts",
    "stream button", "referring page", "for the given referer",
])
def test_snapcall_descriptions_add_nothing_the_page_does_not_say(phrase: str) -> None:
    assert phrase not in (SPECS / "snapcall.yaml").read_text(encoding="utf-8").lower()


def test_snapcall_unexplained_fields_say_the_page_does_not_explain_them() -> None:
    doc = spec("snapcall")
    info = doc["paths"]["/streams/{streamToken}/info"]["get"]
    language = params("snapcall", info, {})[("query", "languageCode")]["description"]
    assert "not what it changes" in language
    schemas = doc["components"]["schemas"]
    assert "does not say what it holds" in schemas["UserButtonRequest"]["properties"]["referer"]["description"]
    assert "does not say what the flag changes" in schemas["PartnerAgentButtonRequest"]["properties"]["stream"]["description"]
    tag = {t["name"]: t["description"] for t in doc["tags"]}["schedule_templates"]
    assert tag == "Schedule templates."
