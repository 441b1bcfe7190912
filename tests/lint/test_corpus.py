"""Real public specs from ../shared/corpus: lint finds their known defects (skipped when the corpus is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lint import lint
from generator.lint.config import Config
from generator.reading.load import load

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "petstore.yaml").is_file(), reason=f"no public spec corpus at {CORPUS}")
def test_petstore_findings() -> None:
    found = lint(load(CORPUS / "petstore.yaml"), Config())
    by_rule = {(f.rule, f.location.pointer) for f in found}
    assert ("operation-operationId-valid-in-url", "/paths/~1pets~1{id}/get/operationId") in by_rule
    assert sum(1 for f in found if f.rule == "operation-tags") == 4
    assert not [f for f in found if f.rule in ("oas3-schema", "invalid-ref", "path-params")]
