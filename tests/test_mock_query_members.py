"""`trunkline mock` reads an object member of a form-exploded query object as the runtime writes it: JSON text.

Telnyx's GetMobileNetworkOperators documents `filter` as a form-exploded object whose member
`name` is itself an object; OpenAPI defines no form for that, and the generated client sends
`name={"contains":"x"}`. The mock read the text as a string and refused the client's request.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pytest

from generator.mock.app import MOCK_HEADER, MockApp
from generator.mock.model import mock_spec
from generator.reading.load import load

SPEC = """\
openapi: 3.1.0
info: {title: Operators, version: '1'}
paths:
  /operators:
    get:
      operationId: operators_list
      parameters:
        - name: filter
          in: query
          explode: true
          schema:
            type: object
            properties:
              mcc: {type: string}
              name:
                type: object
                properties:
                  contains: {type: string}
                  limit: {type: integer}
              pairs:
                type: array
                items: {type: object, properties: {k: {type: string}}, required: [k]}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    """A client of the mock's application over SPEC."""
    spec = tmp_path_factory.mktemp("operators") / "operators.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return httpx.Client(transport=httpx.WSGITransport(app=MockApp(mock_spec(load(spec)))), base_url="http://mock.test")


def _get(http: httpx.Client, query: str) -> httpx.Response:
    return http.get("/operators?" + query)


def _json(value: object) -> str:
    """`value` as the runtime writes a member: compact JSON text, percent-encoded."""
    return quote(json.dumps(value, separators=(",", ":")), safe="")


def test_json_text_of_an_object_member_is_read_as_the_object(http: httpx.Client) -> None:
    """`name={"contains":"T&T","limit":3}` and an array of objects, one JSON text per item: accepted."""
    name = _json({"contains": "T&T", "limit": 3})
    answer = _get(http, f"mcc=310&name={name}&pairs={_json({'k': 'a'})}&pairs={_json({'k': 'b'})}")
    assert answer.status_code == 200, answer.text
    assert answer.headers[MOCK_HEADER]


@pytest.mark.parametrize(
    ("query", "location"),
    [
        pytest.param("name=" + _json({"limit": "three"}), "query.filter.name.limit", id="wrong-member-type"),
        pytest.param("name=plain", "query.filter.name", id="text-not-json"),
        pytest.param("pairs=" + _json({"x": 1}), "query.filter.pairs.0", id="item-missing-required"),
    ],
)
def test_a_wrong_object_member_is_refused_at_its_place(http: httpx.Client, query: str, location: str) -> None:
    """JSON that breaks the member's schema, or text that is no JSON: 400 at the member."""
    answer = _get(http, query)
    assert answer.status_code == 400, answer.text
    assert [e["location"] for e in answer.json()["errors"]] == [location]
