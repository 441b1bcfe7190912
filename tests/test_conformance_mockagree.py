"""The conformance harness's verdicts: the mock compared with openapi-core's own verdict, ambiguous paths judged by their operation."""

from __future__ import annotations

import warnings
from pathlib import Path

import httpx

from tests.conformance.harness import (
    Caller,
    OperationResult,
    generate,
    imported,
    load_document,
    run_spec,
    validator_for,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
AMBIGUOUS = FIXTURES / "ambiguous_paths.yaml"


def test_mock_agreement_is_with_openapi_cores_verdict_not_the_arrival_check() -> None:
    """A request openapi-core finds valid but whose value it dropped: the mock accepting it agrees; refusing it does not."""
    request = httpx.Request("GET", "https://x.test/")
    dropped = OperationResult("op", request_ok=False, validator_ok=True, request=request,
                              request_error="body['expires_at'] did not arrive")
    assert dropped.mock_agrees
    dropped.mock_error = "400 the request does not match op"
    assert not dropped.mock_agrees
    refused = OperationResult("op", request_ok=False, validator_ok=False, request=request, mock_error="400 x")
    assert refused.mock_agrees
    assert not OperationResult("op", validator_ok=True).mock_agrees  # nothing was sent: nothing to agree on


def test_an_ambiguous_path_is_judged_by_the_operation_called(tmp_path: Path) -> None:
    """`/compare/{base}...{head}` also matches `/compare/{basehead}`, which openapi-core prefers: checked on its own path."""
    warnings.simplefilter("ignore")
    result = run_spec(AMBIGUOUS, tmp_path, "ambiguous")
    by_id = {r.operation_id: r for r in result.operations}
    compare = by_id["compare"]
    assert compare.request is not None
    assert compare.request.url.path.startswith("/repos/") and "..." in compare.request.url.path
    assert (compare.request_ok, compare.validator_ok, compare.request_error) == (True, True, "")
    assert compare.ambiguous_with == "/repos/{repo}/compare/{basehead}"
    assert compare.mock_agrees and not compare.mock_error
    assert by_id["compare_basehead"].ambiguous_with == ""
    assert result.summary() == "ambiguous: requests valid 2/2, responses parsed 2/2, mock agrees 2/2"


def test_the_own_path_check_applies_the_operations_schemas(tmp_path: Path) -> None:
    """On its own path the request meets `head`'s maxLength, which the `{basehead}` operation would not apply."""
    warnings.simplefilter("ignore")
    document = load_document(AMBIGUOUS)
    package, src = generate(AMBIGUOUS, tmp_path, "ambiguous_own")
    with imported(package, src) as module:
        caller = Caller(document, package, module, validator_for(document), 18)
        expected = {"path": {"repo": "r", "base": "a", "head": "toolong"}, "query": {}, "header": {}, "cookie": {},
                    "form_exploded": set()}
        request = httpx.Request("GET", "https://git.example.test/repos/r/compare/a...toolong")
        problem = caller._check_request(request, expected, "/repos/{repo}/compare/{base}...{head}")
        assert caller.matched_instead == "/repos/{repo}/compare/{basehead}"
        assert not caller.validator_accepted
        assert "head" in problem and "too long" in problem, problem
        fine = httpx.Request("GET", "https://git.example.test/repos/r/compare/a...b")
        assert caller._check_request(fine, {**expected, "path": {"repo": "r", "base": "a", "head": "b"}},
                                     "/repos/{repo}/compare/{base}...{head}") == ""
        assert caller.validator_accepted


def test_empty_form_values_are_expected_absent() -> None:
    """RFC 6570 calls an empty list or map undefined: a form body puts nothing on the wire for it."""
    from tests.conformance.harness import _defined

    value = {"a": {}, "b": [], "c": {"d": {}, "e": [{}]}, "f": "x", "g": [{"h": {}}, {"i": 1}], "j": 0, "k": ""}
    assert _defined(value) == {"f": "x", "g": [{"i": 1}], "j": 0, "k": ""}
