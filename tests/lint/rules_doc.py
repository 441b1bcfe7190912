"""Renders docs/lint-rules.md from the rule registry, the fixtures in cases.py and the texts below.

After adding or changing a rule: `PYTHONPATH=. python -m tests.lint.rules_doc > docs/lint-rules.md`;
tests/lint/test_docs.py fails while the page is out of date.
"""

from __future__ import annotations

import sys

from generator.lint import RULES
from generator.lint.config import CONVENTIONS
from generator.lint.output import anchor
from generator.lint.registry import Rule
from tests.lint.cases import CASES

WHY: dict[str, str] = {
"parser": "YAML and JSON parsers keep only the last of two equal keys, so the first operation, property or example silently disappears. The id is Spectral's, which reports duplicate keys as parser errors.",
"oas3-schema": "A document the OpenAPI schema rejects cannot be trusted by any tool; every other check assumes a valid structure. The message is openapi-spec-validator's.",
"invalid-ref": "A `$ref` that points nowhere leaves a hole in the API: the generator cannot type the value and readers cannot follow it. External files that do not exist are reported too.",
"no-$ref-siblings": "OpenAPI 3.0 ignores every key next to `$ref`, so a `description` or `nullable` written there silently has no effect. In 3.1 a Reference Object may only add `summary` and `description` (schemas may have siblings).",
"info-contact": "Users need to know who answers for an API when something is wrong.",
"contact-properties": "A contact is only useful if it says who (`name`), where (`url`) and how to write (`email`). Off by default, as in Spectral.",
"info-description": "The description is the first thing a reader and the generated README show.",
"info-license": "A published API description should say under which terms it may be used. Off by default in Spectral, a warning in Redocly's `recommended`; Trunkline warns.",
"license-url": "A license name alone is ambiguous; link the text (`url`), or in 3.1 give an SPDX `identifier`. Off by default in Spectral; Redocly's `info-license-strict` warns, and so does Trunkline.",
"info-x-source": "Trunkline specs are transcriptions of vendor documents; `x-source` says which one, so every fact can be checked against it.",
"no-eval-in-markdown": "Descriptions are rendered as Markdown by documentation tools; `eval(` in them is an injection risk.",
"no-script-tags-in-markdown": "Descriptions are rendered as Markdown (HTML allowed) by documentation tools; a `<script>` tag runs in readers' browsers.",
"openapi-tags": "Top-level tags give each group of operations a name and a description; the generator turns each into a client namespace. Spectral has this rule off by default; Trunkline warns because the tags become the client's namespaces.",
"openapi-tags-alphabetical": "Sorted tags are easier to scan. Off by default, as in Spectral.",
"openapi-tags-uniqueness": "Two declarations of one tag contradict each other; tools keep one and drop the other.",
"tag-description": "A tag's description becomes the docstring of the client namespace; without it users get none. Off by default in Spectral, a warning in Redocly's `recommended`.",
"openapi-tags-unused": "A declared tag no operation uses is an empty namespace in documentation and usually a typo in an operation's `tags`.",
"operation-tags": "The first tag decides which client namespace the method lives in; an untagged operation lands in a namespace named after its path.",
"operation-tag-defined": "An operation tag that is not declared at the top level has no description and is often a typo.",
"operation-singular-tag": "The client puts a method in its first tag's namespace only; more tags suggest it appears in several. Off by default, as in Spectral.",
"operation-description": "The description becomes the method's docstring and its entry in the generated README.",
"operation-summary": "The summary is the one-line title of the operation in documentation and in the method's docstring.",
"operation-operationId": "The operationId names the client method; without one the generator has to invent a name from the path.",
"operation-operationId-unique": "Two operations with one operationId would become one method name; tools that address operations by id break.",
"operation-operationId-valid-in-url": "Documentation tools put operationIds in URLs (anchors, links); characters outside the URL set break them.",
"operation-parameters": "A parameter listed twice (same `name` and `in`) is ambiguous: which schema, which `required`?",
"operation-success-response": "Without a 2xx or 3xx response the client does not know what a successful call returns.",
"operation-4xx-response": "Where the API documents errors, an operation without any 4xx response hides how it fails. Only checked when some operation of the document lists a 4xx; `default` counts as documented errors.",
"oas3-operation-security-defined": "A security requirement naming an undeclared scheme cannot be satisfied: the client does not know how to send the credential.",
"security-defined": "Every operation should say how it authenticates, through its own `security` or the document's; `security: []` says explicitly that none is needed.",
"oas3-parameter-description": "Parameter descriptions become argument docs in the generated client. Off by default, as in Spectral.",
"oas3-callbacks-in-callbacks": "OpenAPI does not define callbacks inside callbacks; tools ignore them.",
"oas3_1-servers-in-webhook": "A webhook is sent to the consumer's own server, so `servers` on it means nothing.",
"oas3_1-callbacks-in-webhook": "A webhook cannot itself define callbacks.",
"path-declarations-must-exist": "An empty template `{}` cannot be matched to a path parameter.",
"path-keys-no-trailing-slash": "`/calls/` and `/calls` are different URLs to many servers; a trailing slash is usually a slip. When the vendor documents one, keep it and silence the finding inline with the reason (as SnapCall's `/admin/streams/` does).",
"path-not-include-query": "A query string in a path key is not a parameter: clients cannot set it and it breaks path matching.",
"path-params": "Every `{template}` needs an `in: path` parameter (with `required: true`) and every path parameter needs its template; a template name may appear once per path. Two paths that differ only in template names are `no-identical-paths`'.",
"no-identical-paths": "OpenAPI forbids two paths that are the same once template names are ignored (`/teams/{id}` and `/teams/{teamId}`): a request matches both and strict tools reject the file. `path-params` reports it too, as Spectral does; this rule stands alone so that silencing `path-params` for a vendor's naming cannot hide it.",
"no-ambiguous-paths": "Paths like `/a/{x}` and `/{y}/b` both match `/a/b`; servers and mock servers cannot tell which operation was meant. Segments are compared exactly, templates inside a segment included (`{base}...{head}`, `v{version}`, `{name}.json`), reading each `{name}` as one or more characters other than `/`: `/a/{x}.json` and `/a/{y}.xml` pass, `/a/{x}.json` and `/a/{y}` do not. A literal segment is more specific than a template that matches it (routers try literals first), so `/a/{x}` and `/a/b` pass. Two different templates in one segment settle nothing: OpenAPI puts only concrete paths before templated ones and leaves the rest to each tool, and openapi-core takes `/compare/{basehead}` for `/compare/a...b` where Trunkline's mock takes `/compare/{base}...{head}`. Paths equal up to template names are `no-identical-paths`'.",
"oas3-api-servers": "The client's default base URL is the first server; without one users must always pass it.",
"oas3-server-trailing-slash": "Paths start with `/`; a server URL ending in `/` makes double slashes.",
"oas3-server-not-example.com": "`example.com` servers are placeholders. Off by default, as in Spectral.",
"server-scheme": "Generated clients speak HTTP(S). A `ws://` or `wss://` server is reached by its opening handshake only, which the client sends as a plain request without upgrading; any other scheme cannot be called.",
"oas3-server-variables": "Every `{variable}` in a server URL needs a definition with a default, every defined variable should be used, an `enum` must not be empty and must contain the default.",
"oas3-unused-component": "A component nothing references is dead weight, often a sign that a `$ref` points at the wrong name. A reference from inside the component itself does not count.",
"typed-enum": "An enum value of another type than the schema can never be sent or received; the generated enum would not type-check.",
"duplicated-entry-in-enum": "A repeated enum value adds nothing and makes generated enum members collide.",
"array-items": "An array without `items` gives the client no item type.",
"nullable-type-sibling": "In OpenAPI 3.0, `nullable` only applies to a schema that has a `type`.",
"no-schema-type-mismatch": "`items` on an object or `properties` on an array contradict the type and are ignored.",
"no-required-schema-properties-undefined": "A required property that is not declared (in `properties` or through `allOf`) is almost always a typo.",
"x-enum-varnames": "Integer enum values have no names of their own; `x-enum-varnames` gives the generated enum readable members (`UPPER_SNAKE_CASE`, one per non-null value, in order).",
"no-private-schema-keywords": "A key that is neither a JSON Schema or OpenAPI keyword nor an `x-` extension is ignored by the generator, so the schema does not mean what it says; datamodel-code-generator's own keywords (`customTypePath`, `customBasePath`, `x-python-type`) name Python code to import or derive from, which no spec may choose.",
"oas3-valid-media-example": "Examples of media types, parameters and headers (`example` and `examples`) are replayed as tests and shown to users; one that does not match its schema is wrong in the spec or in the schema.",
"oas3-valid-schema-example": "A schema's own `example`, `examples` and `default` must satisfy the schema, or documentation and generated defaults are wrong.",
"oas3-examples-value-or-externalValue": "An Example object carries its value inline (`value`) or by URL (`externalValue`), exactly one of them.",
"example-paired": "Trunkline pairs the slots of one documented exchange by example name (request parameters and body, the response that answers them) to replay it as a test and to serve it from the mock server.",
"operation-example": "Every operation should have a documented example to replay, or say with `x-undocumented: true` that the vendor shows none.",
"request-serializable": "The client sends a form or multipart body as the fields of an object, each by its `encoding` entry; an entry that names no property applies to nothing (OpenAPI says the key MUST be a property), a body that is not an object has no fields, and a multipart part's `headers` have no value the client could send.",
"part-content-type": "A multipart part needs one concrete Content-Type. OpenAPI lets `encoding.contentType` be a list (`image/png, image/jpeg`) or a range (`image/*`), and the client picks one: the part's own type where the list allows it (a file's type guessed from its name, JSON for an object, text for a primitive), else the first concrete type listed, else `application/octet-stream` for a file. What it cannot do is reported: a value that is no media type (the client falls back to the default), an object part whose types include no JSON one (the client writes objects only as JSON), and a form field that is an object or array with a `contentType` other than JSON and no `style` (the client writes it by its style, or as JSON text).",
"undefined-serialization": "OpenAPI defines how a parameter or form field is written for one level of a value: the style table's cells, members and items that are scalars. Below that, and in the table's n/a cells (`deepObject` for an array or a scalar, or with `explode: false`, written or left at its default; `spaceDelimited` and `pipeDelimited` for a scalar or with `explode: true`), it defines nothing, and the client sends a form of its own choosing: nested values as compact JSON text, `deepObject` members in brackets to any depth (`a[b][c]=v`, `a[0]=v`), the n/a cells as the nearest defined form. A server or validator may read those otherwise. Style and explode are taken from the same helpers the generator uses, so the finding names the form the generated client really sends. A cookie of several values (arrays, objects) is reported too: OpenAPI's Appendix D calls style `form` wrong for it. So is an object form field without an `encoding` entry, which OpenAPI 3.0.4 and 3.1.1 send as JSON text and earlier versions (and the client) as exploded pairs. An `encoding` entry applies to a field wherever the body schema declares it, `allOf`, `anyOf` and `oneOf` parts included. One finding per parameter or field, at the parameter or the field's property (an explicit `explode` at its key); the message names the nested members and shows the wire form, `…` standing for values.",
"multipart-style-version": "OpenAPI 3.0 applies `style`, `explode` and `allowReserved` to `application/x-www-form-urlencoded` only; 3.1 applies them to `multipart/form-data` as well. The client follows 3.1 (Stripe's `file_link_data`, style `deepObject`, goes as `file_link_data[create]` parts, which Stripe reads), so a 3.0 document means one thing to the client and another to a 3.0 tool. Info, not a warning: the client's request is the one the author meant, and moving a document to 3.1 changes more than this (`nullable`, `exclusiveMinimum`), so it is the author's call.",
"python-name-collision": "Lint asks the generator's own naming for every namespace, method, argument and `Client` argument. Where two spec names become one Python name (`GetCustomers` and `ListCustomers` both become `customers.list`; `userId` and `user_id` both `user_id`), or a name is one the client keeps for itself (`close`), the generator adds a suffix (`list_2`) that users cannot guess; each such name is reported where it is written. Schema and property names that collide are reported too.",
"x-pagination-valid": "The generated paginator follows `x-pagination`: the style must be known, its keys present, its query parameters declared and its body fields present in the 2xx response schema (where the schema declares its fields).",
"lint-ignore-reason": "A silenced finding must say why, so a reviewer can tell a vendor fact from a shortcut; it must also name a rule that exists.",
"lint-ignore-unused": "An `x-lint-ignore` entry that no longer silences anything hides the next real problem; remove it.",
}
FAMILIES: list[tuple[str, list[str]]] = [
 ("Structure and references", ["parser", "oas3-schema", "invalid-ref", "no-$ref-siblings"]),
 ("Info", ["info-contact", "contact-properties", "info-description", "info-license", "license-url", "info-x-source"]),
 ("Markdown", ["no-eval-in-markdown", "no-script-tags-in-markdown"]),
 ("Tags", ["openapi-tags", "openapi-tags-alphabetical", "openapi-tags-uniqueness", "tag-description", "openapi-tags-unused", "operation-tags", "operation-tag-defined", "operation-singular-tag"]),
 ("Operations", ["operation-description", "operation-summary", "operation-operationId", "operation-operationId-unique", "operation-operationId-valid-in-url", "operation-parameters", "operation-success-response", "operation-4xx-response", "oas3-operation-security-defined", "security-defined", "oas3-parameter-description", "oas3-callbacks-in-callbacks", "oas3_1-servers-in-webhook", "oas3_1-callbacks-in-webhook"]),
 ("Paths", ["path-declarations-must-exist", "path-keys-no-trailing-slash", "path-not-include-query", "path-params", "no-identical-paths", "no-ambiguous-paths"]),
 ("Servers", ["oas3-api-servers", "oas3-server-trailing-slash", "oas3-server-not-example.com", "oas3-server-variables", "server-scheme"]),
 ("Components", ["oas3-unused-component"]),
 ("Schemas", ["typed-enum", "duplicated-entry-in-enum", "array-items", "nullable-type-sibling", "no-schema-type-mismatch", "no-required-schema-properties-undefined", "x-enum-varnames", "no-private-schema-keywords"]),
 ("Examples", ["oas3-valid-media-example", "oas3-valid-schema-example", "oas3-examples-value-or-externalValue", "example-paired", "operation-example"]),
 ("Generation", ["python-name-collision", "x-pagination-valid", "request-serializable", "part-content-type", "undefined-serialization", "multipart-style-version"]),
 ("Silencing", ["lint-ignore-reason", "lint-ignore-unused"]),
]

ORIGIN = {"spectral": "Spectral `spectral:oas`", "redocly": "Redocly `recommended`", "trunkline": "Trunkline"}


def _severity(rule: Rule) -> str:
    return rule.severity.value if rule.severity else "off"


def _convention(rule: Rule) -> str | None:
    """The name of the conventions a rule belongs to, if any."""
    return next((name for name, ids in sorted(CONVENTIONS.items()) if rule.id in ids), None)


def _default(rule: Rule) -> str:
    """The table's default column: a convention rule is off unless its conventions are turned on."""
    name = _convention(rule)
    return f"off; {_severity(rule)} with `conventions = \"{name}\"`" if name else _severity(rule)


def _snippet(text: str) -> str:
    return text.replace(" #!", "   # <- reported here").rstrip("\n")


def render() -> str:
    """The whole of docs/lint-rules.md."""
    cases = {c.rule: c for c in CASES}
    out: list[str] = []
    w = out.append
    w("# Lint rules\n")
    w("`trunkline lint` checks OpenAPI 3.0 and 3.1 specs: first the structure (openapi-spec-validator),")
    w("then every rule below. Rules that Spectral (`spectral:oas`) or Redocly (`recommended`) also have")
    w("keep their id and default severity, so findings read the same as in those tools; the rest are")
    w("Trunkline's own, for generating clients. Rules run even when the structure is invalid, as")
    w("Spectral's do.\n")
    w("```sh")
    w("trunkline lint                          # every spec in specs/")
    w("trunkline lint 'apis/**/*.yaml' --strict")
    w("trunkline lint specs --format sarif > lint.sarif")
    w("```\n")
    w("## Findings, formats and exit status\n")
    w("Each finding has the rule id, a severity, a message that says what to do, and where:")
    w("`file:line:col` and the JSON pointer of the offending node. For a value written as a YAML")
    w("block (a mapping or list on the lines below its key), the line and column are those of the key.\n")
    w("| `--format` | output |")
    w("|---|---|")
    w("| `text` (default) | one line per finding: `file:line:col pointer severity [rule] message`; coloured on a terminal unless `NO_COLOR` is set |")
    w("| `json` | an array of `{file, line, column, pointer, rule, severity, message}` |")
    w("| `sarif` | SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules` (id, help, default level), one result per finding with `ruleId`, `level` and `physicalLocation.region`; file paths relative to the repository root |")
    w("| `github` | GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<rule>::<message>` (`::warning`, `::notice` for info); file paths relative to the repository root |")
    w("")
    w("Exit status: **0** no errors; **1** at least one error (or, with `--strict`, a warning);")
    w("**2** a file could not be read or parsed as OpenAPI 3.0/3.1 (rule `unreadable`), a bad configuration,")
    w("or bad usage. Info findings never fail a run. Several files, directories and globs can be given at once.\n")
    w("Whatever the format, the findings go to stdout and a last line to stderr counts the files and")
    w("findings, `lint: 5 files, 0 errors, 3 warnings` (infos and skipped files when there are any), on a")
    w("terminal or not, so a CI log shows how many specs were checked; `--quiet` (`-q`) leaves it out.")
    w("SARIF and `github` paths are relative to the repository root, found from the first spec: the")
    w("nearest directory above it holding `.git`, else the nearest holding a `pyproject.toml`, else the")
    w("current directory; so code scanning maps them whatever directory lint ran in. A file outside that")
    w("root is written as an absolute `file://` URI.\n")
    w("## Which files are linted\n")
    w("A file named on the command line is linted, and one that is not an OpenAPI document is an error")
    w("(`unreadable`). Directories (their `.yaml`, `.yml` and `.json` files, not recursively) and quoted")
    w("globs are walked instead: a YAML or JSON file found there without a top-level `openapi` or")
    w("`swagger` key (a `.spectral.yaml`, a shared schema file) is skipped with an info line on stderr.")
    w("`--skip-non-openapi` skips such files even when named, for tools that pass every changed file, such")
    w("as the pre-commit hooks. Reading a file to look for the key uses the same bounded loader as linting it.")
    w("A file that cannot be parsed at all is still an error: it may be a broken spec.\n")
    w("## Configuration\n")
    w("Settings are read from the first of these found in the spec's directory or above it:")
    w("`trunkline-lint.toml` (keys at the top level), `.trunkline.toml` (under `[lint]`) or")
    w("`pyproject.toml` (under `[tool.trunkline.lint]`; the nearest pyproject.toml ends the search).")
    w("`--config FILE` names one explicitly. An unknown rule id or key is an error (exit 2), so a typo")
    w("cannot silently turn nothing off. `trunkline generate` reads the same settings: a spec with")
    w("findings of severity error is not generated.\n")
    w("```toml")
    w("[tool.trunkline.lint]")
    w("# severity per rule: error, warning, info or off (turns on rules that are off by default)")
    w('rules = { "operation-summary" = "warning", "oas3-parameter-description" = "info" }')
    w("# rules that never run")
    w('disable = ["info-license"]')
    w('# turn on the rules of a set of spec conventions (see "Conventions" below)')
    w('conventions = "trunkline"')
    w("")
    w("# silence rules for some files, optionally only under one JSON pointer")
    w("[[tool.trunkline.lint.ignore]]")
    w('files = "specs/legacy-*.yaml"          # glob on the path relative to the configuration file (`*` also crosses `/`)')
    w('pointer = "/paths/~1v1~1calls"         # optional: this node and everything under it')
    w('rules = ["operation-description", "operation-example"]   # or ["*"]')
    w('reason = "v1 is frozen; documented as-is"  # optional, for readers')
    w("```\n")
    w("## Conventions\n")
    w("Most rules are about OpenAPI quality. A few check the conventions of Trunkline's own vendor specs")
    w("([spec-conventions.md](spec-conventions.md)), which a team's spec has no reason to follow; they")
    w("are off unless the configuration turns them on with `conventions`, or names one of them under")
    w("`rules`. So `--strict` is usable on any spec, and a spec written to these conventions still gets")
    w("them checked. This repository's `specs/trunkline-lint.toml` says `conventions = \"trunkline\"`, so")
    w("`make run`, CI and `trunkline generate` apply them to `specs/`.\n")
    w("| conventions | rules |")
    w("|---|---|")
    for name, ids in sorted(CONVENTIONS.items()):
        w(f"| `{name}` | {', '.join(f'[`{rid}`](#{anchor(rid)})' for rid in sorted(ids))} |")
    w("")
    w("## Silencing one finding in the spec\n")
    w("Put `x-lint-ignore` on the offending node or any node above it: a mapping from rule id to the")
    w("reason the finding is accepted. The reason is required: an entry without one, or naming a")
    w("rule that does not exist, is itself a finding (`lint-ignore-reason`, error), and an entry that")
    w("no longer silences anything is reported too (`lint-ignore-unused`, warning).\n")
    w("```yaml")
    w("paths:")
    w("  /admin/streams/:")
    w("    x-lint-ignore:")
    w("      path-keys-no-trailing-slash: The vendor documents this path with its trailing slash (GET /admin/streams/).")
    w("    get: ...")
    w("```\n")
    w("This is how a spec records a vendor's own quirk instead of \"fixing\" it: the path stays exactly as")
    w("documented, the reason sits next to it, and the rule keeps guarding every other path. The five")
    w("vendor specs lint with zero findings at the default severities and with their conventions on; they")
    w("silence, each with a reason:")
    w("`info-contact` and `info-license` on `info` (no vendor publishes either), and in SnapCall")
    w("`path-keys-no-trailing-slash` on `/admin/streams/`.\n")
    w("## Rules\n")
    w("| id | default | from |")
    w("|---|---|---|")
    for fam, ids in FAMILIES:
        for rid in ids:
            r = RULES[rid]
            w(f"| [`{rid}`](#{anchor(rid)}) | {_default(r)} | {ORIGIN[r.origin]} |")
    w("")
    w("Spectral and Redocly rules not listed under their own id are covered by the rule named here:")
    w("Redocly `struct` → `oas3-schema`; `no-unresolved-refs` → `invalid-ref`; `no-empty-servers` → `oas3-api-servers`;")
    w("`no-enum-type-mismatch` → `typed-enum`; `no-example-value-and-externalValue` → `oas3-examples-value-or-externalValue`;")
    w("`path-parameters-defined` → `path-params`; `no-path-trailing-slash` → `path-keys-no-trailing-slash`;")
    w("`no-server-trailing-slash` → `oas3-server-trailing-slash`; `no-server-variables-empty-enum` and `no-undefined-server-variable` → `oas3-server-variables`;")
    w("`operation-operationId-url-safe` → `operation-operationId-valid-in-url`; `operation-parameters-unique` → `operation-parameters`;")
    w("`path-declaration-must-exist` → `path-declarations-must-exist`; `operation-2xx-response` → `operation-success-response`;")
    w("`info-license-strict` → `license-url`; `no-duplicated-tag-names` → `openapi-tags-uniqueness`; `no-unused-components` → `oas3-unused-component`;")
    w("`no-invalid-media-type-examples` and `no-invalid-parameter-examples` → `oas3-valid-media-example`; `no-invalid-schema-examples` → `oas3-valid-schema-example`;")
    w("`spec-components-invalid-map-name` → `oas3-schema`; `no-server-example.com` → `oas3-server-not-example.com`.\n")
    for fam, ids in FAMILIES:
        w(f"## {fam}\n")
        for rid in ids:
            r = RULES[rid]
            c = cases[rid]
            w(f"### {rid}\n")
            name = _convention(r)
            only = f" · a `{name}` convention: off unless configured (see [Conventions](#conventions))" if name else ""
            w(f"Severity: **{_severity(r)}** · from {ORIGIN[r.origin]}{only}\n")
            w(f"{r.summary} {WHY[rid]}\n")
            w("Fails:\n")
            w("```yaml")
            w(_snippet(c.fail))
            w("```\n")
            w("Passes:\n")
            w("```yaml")
            w(_snippet(c.passing))
            w("```\n")
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
