"""The conformance harness: every generated request checked by openapi-core, every synthesized answer parsed."""

from tests.conformance.harness import OperationResult, SpecResult, run_spec

__all__ = ["OperationResult", "SpecResult", "run_spec"]
