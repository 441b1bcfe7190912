"""`trunkline mock` reads object members of form values as the runtime writes them: JSON text.

Telnyx's GetMobileNetworkOperators documents `filter` as a form-exploded object whose member
`name` is itself an object; OpenAPI defines no form for that, and the generated client sends
`name={"contains":"x"}`. The mock read the text as a string and refused the client's request.
Telnyx's DialTexmlConferenceParticipant has a form body field that is an array of objects
(`CustomHeaders`): one pair per item, each item's JSON text. Brackets (`address[city]`) still nest.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pytest

from generator.mock.app import MOCK_HEADER
from tests.wire_support import mock_client

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
  /calls:
    post:
      operationId: calls_create
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [To]
              properties:
                To: {type: string}
                CustomHeaders:
                  type: array
                  items: {type: object, properties: {name: {type: string}, value: {type: string}}, required: [name]}
                address:
                  type: object
                  properties: {city: {type: string}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> httpx.Client:
    """A client of the mock's application over SPEC."""
    return mock_client(tmp_path_factory.mktemp("operators"), SPEC)


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


def _post(http: httpx.Client, body: str) -> httpx.Response:
    return http.post("/calls", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_form_body_array_of_objects_is_read_item_by_item(http: httpx.Client) -> None:
    """`CustomHeaders={"name":"X-A","value":"1"}&CustomHeaders={"name":"X-B"}` and a bracketed object: accepted."""
    body = (f"To=%2B1555&CustomHeaders={_json({'name': 'X-A', 'value': '1'})}&CustomHeaders={_json({'name': 'X-B'})}"
            "&address%5Bcity%5D=Oslo")
    answer = _post(http, body)
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    ("body", "location"),
    [
        pytest.param("To=x&CustomHeaders=" + _json({"value": "1"}), "body/CustomHeaders/0", id="item-missing-required"),
        pytest.param("To=x&CustomHeaders=plain", "body/CustomHeaders/0", id="item-not-json"),
        pytest.param("To=x&address=" + _json({"city": "Oslo"}), "body/address", id="object-field-as-json"),
    ],
)
def test_a_wrong_form_item_is_refused_at_its_place(http: httpx.Client, body: str, location: str) -> None:
    """An item that breaks the items' schema or is no JSON, an object field as JSON (the runtime never writes it): 400."""
    answer = _post(http, body)
    assert answer.status_code == 400, answer.text
    assert [e["location"] for e in answer.json()["errors"]] == [location]
