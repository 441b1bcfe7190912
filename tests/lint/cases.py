"""One failing and one passing spec per lint rule; `#!` marks the line the finding must point at."""

from __future__ import annotations

from dataclasses import dataclass

H31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
H30 = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
OK = "      responses: {'200': {description: ok}}\n"


@dataclass(frozen=True)
class Case:
    """A rule, a spec that breaks it (count findings, the first at `pointer`), and one that does not."""

    rule: str
    fail: str
    pointer: str
    passing: str
    count: int = 1


def op(extra: str = "", path: str = "/a", method: str = "get", head: str = H31) -> str:
    """A one-operation spec with `extra` lines inside the operation (6-space indent)."""
    return f"{head}paths:\n  {path}:\n    {method}:\n{extra}{OK}"


CASES = [
    Case("parser", H31 + "paths:\n  /a:\n    get:\n" + OK + "  /a: #!\n    post:\n" + OK, "/paths/~1a",
         H31 + "paths:\n  /a:\n    get:\n" + OK + "    post:\n" + OK),
    Case("invalid-ref", H31 + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Nope' #!\n",
         "/paths/~1a/get/responses/200/$ref",
         H31 + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Ok'\n"
         "components:\n  responses:\n    Ok: {description: ok}\n"),
    Case("no-$ref-siblings", H30 + "paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      $ref: '#/components/schemas/A'\n"
         "      description: ignored #!\n", "/components/schemas/B/description",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      $ref: '#/components/schemas/A'\n      description: fine in 3.1\n"),
    Case("oas3-schema", "openapi: 3.1.0\ninfo: #!\n  version: '1'\npaths: {}\n", "/info", H31 + "paths: {}\n"),
    Case("info-contact", "openapi: 3.1.0\ninfo: #!\n  title: t\n  version: '1'\npaths: {}\n", "/info",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  contact: {name: n}\npaths: {}\n"),
    Case("contact-properties", "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  contact: {name: n} #!\npaths: {}\n", "/info/contact",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  contact: {name: n, url: 'https://x.test', email: a@x.test}\npaths: {}\n", 2),
    Case("info-description", "openapi: 3.1.0\ninfo: #!\n  title: t\n  version: '1'\npaths: {}\n", "/info",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  description: What it is for.\npaths: {}\n"),
    Case("info-license", "openapi: 3.1.0\ninfo: #!\n  title: t\n  version: '1'\npaths: {}\n", "/info",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  license: {name: MIT, identifier: MIT}\npaths: {}\n"),
    Case("license-url", "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  license: {name: MIT} #!\npaths: {}\n", "/info/license",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  license: {name: MIT, url: 'https://opensource.org/license/mit'}\npaths: {}\n"),
    Case("info-x-source", "openapi: 3.1.0\ninfo: #!\n  title: t\n  version: '1'\npaths: {}\n", "/info",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-source: vendor-docs/page.txt\npaths: {}\n"),
    Case("no-eval-in-markdown", op("      description: 'run eval(alert) now' #!\n"), "/paths/~1a/get/description",
         op("      description: evaluate the call\n")),
    Case("no-script-tags-in-markdown", op("      description: 'see <script>x()</script>' #!\n"), "/paths/~1a/get/description",
         op("      description: see the script page\n")),
    Case("openapi-tags", H31 + "paths: {} #!\n", "", H31 + "tags: [{name: a}]\npaths: {}\n"),
    Case("openapi-tags-alphabetical", H31 + "tags:\n  - {name: b}\n  - {name: a} #!\npaths: {}\n", "/tags/1",
         H31 + "tags:\n  - {name: a}\n  - {name: b}\npaths: {}\n"),
    Case("openapi-tags-uniqueness", H31 + "tags:\n  - name: a\n  - name: a #!\npaths: {}\n", "/tags/1/name",
         H31 + "tags:\n  - name: a\n  - name: b\npaths: {}\n"),
    Case("tag-description", H31 + "tags:\n  - name: a #!\npaths: {}\n", "/tags/0",
         H31 + "tags:\n  - name: a\n    description: The a things.\npaths: {}\n"),
    Case("openapi-tags-unused", H31 + "tags:\n  - name: a\n  - name: b #!\n" + op("      tags: [a]\n").split("\n", 2)[2], "/tags/1/name",
         H31 + "tags:\n  - name: a\n" + op("      tags: [a]\n").split("\n", 2)[2]),
    Case("operation-tags", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      tags: [a]\n")),
    Case("operation-tag-defined", H31 + "tags: [{name: a}]\npaths:\n  /a:\n    get:\n      tags:\n        - b #!\n" + OK, "/paths/~1a/get/tags/0",
         H31 + "tags: [{name: a}]\npaths:\n  /a:\n    get:\n      tags:\n        - a\n" + OK),
    Case("operation-singular-tag", op("      tags: [a, b] #!\n"), "/paths/~1a/get/tags", op("      tags: [a]\n")),
    Case("operation-description", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      description: Gets a.\n")),
    Case("operation-summary", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      summary: Get a\n")),
    Case("operation-operationId", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      operationId: a_get\n")),
    Case("operation-operationId-unique",
         H31 + "paths:\n  /a:\n    get:\n      operationId: x\n" + OK + "  /b:\n    get:\n      operationId: x #!\n" + OK,
         "/paths/~1b/get/operationId",
         H31 + "paths:\n  /a:\n    get:\n      operationId: x\n" + OK + "  /b:\n    get:\n      operationId: y\n" + OK),
    Case("operation-operationId-valid-in-url", op("      operationId: 'get a' #!\n"), "/paths/~1a/get/operationId", op("      operationId: a_get\n")),
    Case("operation-parameters",
         op("      parameters:\n        - {name: q, in: query, schema: {type: string}}\n        - {name: q, in: query, schema: {type: string}} #!\n"),
         "/paths/~1a/get/parameters/1",
         op("      parameters:\n        - {name: q, in: query, schema: {type: string}}\n        - {name: q, in: header, schema: {type: string}}\n")),
    Case("operation-success-response", H31 + "paths:\n  /a:\n    get:\n      responses: #!\n        '404': {description: no}\n",
         "/paths/~1a/get/responses", H31 + "paths:\n  /a:\n    get:\n      responses:\n        '302': {description: moved}\n"),
    Case("operation-4xx-response",
         H31 + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}, '404': {description: no}}\n"
         "  /b:\n    get:\n      responses: {'200': {description: ok}} #!\n", "/paths/~1b/get/responses",
         H31 + "paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}, '404': {description: no}}\n"
         "  /b:\n    get:\n      responses: {'200': {description: ok}, default: {description: error}}\n"),
    Case("oas3-operation-security-defined", H31 + "security:\n  - key: [] #!\npaths: {}\n", "/security/0/key",
         H31 + "security:\n  - key: []\npaths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n"),
    Case("security-defined", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      security: []\n")),
    Case("oas3-parameter-description", op("      parameters:\n        - {name: q, in: query, schema: {type: string}} #!\n"),
         "/paths/~1a/get/parameters/0", op("      parameters:\n        - {name: q, in: query, description: Filter., schema: {type: string}}\n")),
    Case("oas3-callbacks-in-callbacks",
         op("      callbacks:\n        cb:\n          '{$request.body#/url}':\n            post:\n              callbacks: #!\n"
            "                inner: {}\n              responses: {'200': {description: ok}}\n"),
         "/paths/~1a/get/callbacks/cb/{$request.body#~1url}/post/callbacks",
         op("      callbacks:\n        cb:\n          '{$request.body#/url}':\n            post:\n              responses: {'200': {description: ok}}\n")),
    Case("oas3_1-servers-in-webhook",
         H31 + "webhooks:\n  ping:\n    servers: #!\n      - url: https://x.test\n    post:\n      responses: {'200': {description: ok}}\n",
         "/webhooks/ping/servers", H31 + "webhooks:\n  ping:\n    post:\n      responses: {'200': {description: ok}}\n"),
    Case("oas3_1-callbacks-in-webhook",
         H31 + "webhooks:\n  ping:\n    post:\n      callbacks: #!\n        cb: {}\n      responses: {'200': {description: ok}}\n",
         "/webhooks/ping/post/callbacks", H31 + "webhooks:\n  ping:\n    post:\n      responses: {'200': {description: ok}}\n"),
    Case("path-declarations-must-exist", H31 + "paths:\n  /a/{}: #!\n    get:\n" + OK, "/paths/~1a~1{}",
         op("      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n", path="/a/{id}")),
    Case("path-keys-no-trailing-slash", H31 + "paths:\n  /a/: #!\n    get:\n" + OK, "/paths/~1a~1", op()),
    Case("path-not-include-query", H31 + "paths:\n  /a?b=c: #!\n    get:\n" + OK, "/paths/~1a?b=c", op()),
    Case("path-params", H31 + "paths:\n  /a/{id}: #!\n    get:\n" + OK, "/paths/~1a~1{id}",
         op("      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n", path="/a/{id}")),
    Case("no-identical-paths",
         H31 + "paths:\n  /a/{x}:\n    parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n    get:\n" + OK
         + "  /a/{y}: #!\n    parameters: [{name: y, in: path, required: true, schema: {type: string}}]\n    put:\n" + OK,
         "/paths/~1a~1{y}",
         H31 + "paths:\n  /a/{x}:\n    parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n    get:\n" + OK
         + "    put:\n" + OK),
    Case("no-ambiguous-paths",
         H31 + "paths:\n  /a/{x}:\n    parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n    get:\n" + OK
         + "  /{y}/b: #!\n    parameters: [{name: y, in: path, required: true, schema: {type: string}}]\n    get:\n" + OK,
         "/paths/~1{y}~1b",
         H31 + "paths:\n  /a/{x}:\n    parameters: [{name: x, in: path, required: true, schema: {type: string}}]\n    get:\n" + OK
         + "  /a/b:\n    get:\n" + OK),
    Case("oas3-api-servers", H31 + "paths: {} #!\n", "", H31 + "servers: [{url: 'https://api.vendor.test'}]\npaths: {}\n"),
    Case("oas3-server-trailing-slash", H31 + "servers:\n  - url: https://api.vendor.test/ #!\npaths: {}\n", "/servers/0/url",
         H31 + "servers:\n  - url: https://api.vendor.test\npaths: {}\n"),
    Case("oas3-server-not-example.com", H31 + "servers:\n  - url: https://example.com/api #!\npaths: {}\n", "/servers/0/url",
         H31 + "servers:\n  - url: https://api.vendor.test\npaths: {}\n"),
    Case("server-scheme", H31 + "servers:\n  - url: https://api.vendor.test\npaths:\n  /feed:\n    servers:\n      - url: ftp://files.vendor.test #!\n"
         "    get:\n" + OK, "/paths/~1feed/servers/0/url",
         H31 + "servers:\n  - url: https://api.vendor.test\npaths:\n  /feed:\n    servers:\n      - url: /v2\n    get:\n" + OK),
    Case("oas3-server-variables", H31 + "servers:\n  - url: https://{region}.vendor.test #!\npaths: {}\n", "/servers/0/url",
         H31 + "servers:\n  - url: https://{region}.vendor.test\n    variables:\n      region: {default: eu, enum: [eu, us]}\npaths: {}\n"),
    Case("oas3-unused-component", H31 + "paths: {}\ncomponents:\n  schemas:\n    A: {type: string} #!\n", "/components/schemas/A",
         H31 + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n"
         "            application/json: {schema: {$ref: '#/components/schemas/A'}}\ncomponents:\n  schemas:\n    A: {type: string}\n"),
    Case("typed-enum", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      enum:\n        - a\n        - 3 #!\n",
         "/components/schemas/A/enum/1", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: [string, 'null']\n      enum: [a, null]\n"),
    Case("duplicated-entry-in-enum", H30 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      enum:\n        - a\n        - a #!\n",
         "/components/schemas/A/enum/1", H30 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: boolean\n      enum: [true, false]\n"),
    Case("array-items", H31 + "paths: {}\ncomponents:\n  schemas:\n    A: {type: array} #!\n", "/components/schemas/A",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    A: {type: array, items: {}}\n"),
    Case("nullable-type-sibling", H30 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      nullable: true #!\n", "/components/schemas/A/nullable",
         H30 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: string\n      nullable: true\n"),
    Case("no-schema-type-mismatch", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      items: {} #!\n",
         "/components/schemas/A/items", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: array\n      items: {}\n"),
    Case("no-required-schema-properties-undefined",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      required:\n        - b #!\n      properties: {a: {}}\n",
         "/components/schemas/A/required/0",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    B: {properties: {b: {}}}\n    A:\n      required: [b]\n      allOf: [{$ref: '#/components/schemas/B'}]\n"),
    Case("x-enum-varnames", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      enum: [1, 2] #!\n",
         "/components/schemas/A/enum",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: [integer, 'null']\n      enum: [1, 2, null]\n      x-enum-varnames: [ONE, TWO]\n"),
    Case("no-private-schema-keywords", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n"
         "        handler:\n          type: string\n          customTypePath: pydantic.ImportString #!\n",
         "/components/schemas/A/properties/handler/customTypePath",
         H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n"
         "        customTypePath: {type: string, x-note: a property may have any name}\n"),
    Case("oas3-valid-media-example",
         op("      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {n: {type: integer}}}\n"
            "            examples:\n              one:\n                value:\n                  n: three #!\n", method="post"),
         "/paths/~1a/post/requestBody/content/application~1json/examples/one/value/n",
         op("      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {n: {type: integer}}}\n"
            "            examples:\n              one:\n                value:\n                  n: 3\n", method="post")),
    Case("oas3-valid-schema-example", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      default: none #!\n",
         "/components/schemas/A/default", H31 + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: integer\n      default: 0\n      examples: [1, 2]\n"),
    Case("oas3-examples-value-or-externalValue",
         H31 + "paths: {}\ncomponents:\n  examples:\n    A: #!\n      value: 1\n      externalValue: https://x.test/a.json\n", "/components/examples/A",
         H31 + "paths: {}\ncomponents:\n  examples:\n    A:\n      value: 1\n"),
    Case("example-paired",
         op("      parameters:\n        - name: q\n          in: query\n          schema: {type: string}\n          examples:\n            first:\n              value: x #!\n"
            "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {}\n"
            "              examples:\n                second: {value: 1}\n").replace(OK, ""),
         "/paths/~1a/get/parameters/0/examples/first/value",
         op("      parameters:\n        - name: q\n          in: query\n          schema: {type: string}\n          examples:\n            first:\n              value: x\n"
            "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {}\n"
            "              examples:\n                first: {value: 1}\n").replace(OK, "")),
    Case("operation-example", H31 + "paths:\n  /a:\n    get: #!\n" + OK, "/paths/~1a/get", op("      x-undocumented: true\n")),
    Case("python-name-collision",
         H31 + "paths:\n  /customers:\n    get:\n      operationId: GetCustomers\n      tags: [customers]\n" + OK
         + "  /customers/search:\n    get:\n      operationId: ListCustomers #!\n      tags: [customers]\n" + OK,
         "/paths/~1customers~1search/get/operationId",
         H31 + "paths:\n  /customers:\n    get:\n      operationId: GetCustomers\n      tags: [customers]\n" + OK
         + "  /customers/search:\n    get:\n      operationId: SearchCustomers\n      tags: [customers]\n" + OK),
    Case("x-pagination-valid",
         H31 + "paths:\n  /a:\n    get:\n      x-pagination: {style: page, items: data, page: p} #!\n"
         "      parameters: [{name: page, in: query, schema: {type: integer}}]\n"
         "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
         "              schema: {type: object, properties: {data: {type: array, items: {}}}}\n",
         "/paths/~1a/get/x-pagination/page",
         H31 + "paths:\n  /a:\n    get:\n      x-pagination: {style: page, items: data, page: page}\n"
         "      parameters: [{name: page, in: query, schema: {type: integer}}]\n"
         "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
         "              schema: {type: object, properties: {data: {type: array, items: {}}}}\n"),
    Case("request-serializable",
         op("      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n"
            "            schema: {type: object, properties: {tags: {type: array}}}\n"
            "            encoding: {tag: {style: deepObject}} #!\n", method="post"),
         "/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/encoding/tag",
         op("      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n"
            "            schema: {type: object, properties: {tags: {type: array}}}\n"
            "            encoding: {tags: {style: deepObject}}\n", method="post")),
    Case("part-content-type",
         op("      requestBody:\n        content:\n          multipart/form-data:\n"
            "            schema: {type: object, properties: {photo: {type: string, format: binary}}}\n"
            "            encoding: {photo: {contentType: png}} #!\n", method="post"),
         "/paths/~1a/post/requestBody/content/multipart~1form-data/encoding/photo/contentType",
         op("      requestBody:\n        content:\n          multipart/form-data:\n"
            "            schema: {type: object, properties: {photo: {type: string, format: binary}}}\n"
            "            encoding: {photo: {contentType: 'image/png, image/*'}}\n", method="post")),
    Case("undefined-serialization",
         op("      parameters:\n        - name: filter #!\n          in: query\n"
            "          schema: {type: object, properties: {name: {type: object, properties: {starts_with: {type: string}}}}}\n"),
         "/paths/~1a/get/parameters/0",
         op("      parameters:\n        - name: filter\n          in: query\n          style: deepObject\n          explode: true\n"
            "          schema: {type: object, properties: {name_starts_with: {type: string}}}\n"
            "        - name: where\n          in: query\n          content:\n            application/json:\n"
            "              schema: {type: object, properties: {name: {type: object, properties: {starts_with: {type: string}}}}}\n")),
    Case("multipart-style-version",
         op("      requestBody:\n        content:\n          multipart/form-data:\n"
            "            schema: {type: object, properties: {meta: {type: object, properties: {a: {type: string}}}}}\n"
            "            encoding: {meta: {style: deepObject, explode: true}} #!\n", method="post", head=H30),
         "/paths/~1a/post/requestBody/content/multipart~1form-data/encoding/meta/style",
         op("      requestBody:\n        content:\n          multipart/form-data:\n"
            "            schema: {type: object, properties: {meta: {type: object, properties: {a: {type: string}}}}}\n"
            "            encoding: {meta: {style: deepObject, explode: true}}\n", method="post")),
    Case("lint-ignore-reason", "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-lint-ignore:\n    info-contact: '' #!\npaths: {}\n",
         "/info/x-lint-ignore/info-contact",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-lint-ignore:\n    info-contact: The vendor names no contact.\npaths: {}\n"),
    Case("lint-ignore-unused",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  contact: {name: n}\n  x-lint-ignore:\n    info-contact: Not needed any more. #!\npaths: {}\n",
         "/info/x-lint-ignore/info-contact",
         "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-lint-ignore:\n    info-contact: The vendor names no contact.\npaths: {}\n"),
]
