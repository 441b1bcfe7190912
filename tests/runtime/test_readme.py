"""Every generated README documents authentication, errors, retries, timeouts, pagination and raw responses in its vendor's terms."""

from __future__ import annotations

import ast
import re

import pytest

from generator.modeling import ir
from generator.rendering.type_source import source
from tests.replay import GENERATED, package_ir
from tests.runtime.support import VENDORS, module

SECTIONS = ("Authentication", "Errors", "Retries", "Timeouts", "Pagination", "Raw responses")
_CALL = re.compile(r"client\.(?:with_raw_response\.)?(\w+)\.(\w+)\(")


def _sections(vendor: str) -> dict[str, str]:
    text = (GENERATED / vendor / "README.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2])}


def _code_blocks(text: str, language: str = "python") -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("vendor", VENDORS)
def test_readme_has_every_runtime_section(vendor: str) -> None:
    sections = _sections(vendor)
    for title in SECTIONS:
        assert title in sections, f"{vendor} README lacks ## {title}"
        assert sections[title].strip()


@pytest.mark.parametrize("vendor", VENDORS)
def test_authentication_names_this_vendors_credentials_and_variables(vendor: str) -> None:
    package = package_ir(vendor)
    text = _sections(vendor)["Authentication"]
    assert package.credentials
    for credential in package.credentials:
        assert f"`{credential.name}`" in text
        assert f"`{credential.env}`" in text
        assert f'export {credential.env}="..."' in text
    for scheme in package.schemes:
        assert f"`{scheme.key}`" in text
        if scheme.kind == "apikey":
            assert f"`{scheme.wire}`" in text
    if len(package.security) > 1:
        assert "auth_scheme=" in text
    assert "MissingCredentialError" in text


@pytest.mark.parametrize("vendor", VENDORS)
def test_python_examples_compile_and_call_real_operations(vendor: str) -> None:
    pkg = module(vendor)
    sections = _sections(vendor)
    for title in SECTIONS:
        for block in _code_blocks(sections[title]):
            ast.parse(block, filename=f"{vendor} README ## {title}")
            for namespace, method in _CALL.findall(block):
                resource = getattr(pkg.Client, namespace, None)
                assert resource is not None, f"{vendor} README calls client.{namespace}, which does not exist"
                resource_module = __import__(f"{pkg.__name__}.resources.{namespace}", fromlist=["_"])
                classes = [c for name, c in vars(resource_module).items() if name.endswith("Resource") and not name.startswith("Async")]
                assert any(hasattr(c, method) for c in classes), f"{vendor} README calls {namespace}.{method}"


@pytest.mark.parametrize("vendor", VENDORS)
def test_pagination_uses_one_of_this_vendors_list_operations(vendor: str) -> None:
    package = package_ir(vendor)
    paged = {(ns.attribute, op.method_name) for ns in package.namespaces for op in ns.operations if op.pagination}
    text = _sections(vendor)["Pagination"]
    used = set(_CALL.findall(text))
    if not paged:  # Agendize: its one list hands back a sync token and does not page
        assert text.strip() == "The API documents no paged list." and not used
        return
    assert used and used <= paged
    assert "async for" in text and "await " in text
    styles = {op.pagination.style for ns in package.namespaces for op in ns.operations if op.pagination and (ns.attribute, op.method_name) in used}
    if "next-link" in styles:
        assert "ForeignNextLinkError" in text


@pytest.mark.parametrize("vendor", VENDORS)
def test_errors_show_this_vendors_error_model(vendor: str) -> None:
    pkg = module(vendor)
    package = package_ir(vendor)
    text = _sections(vendor)["Errors"]
    models = {source(r.type) for op in package.operations for r in op.responses
              if r.kind == "json" and not r.status.startswith("2") and isinstance(ir.members(r.type)[0], ir.ModelRef)}
    for name in ("APIStatusError", "NotFoundError", "RateLimitError", "InternalServerError", "ResponseValidationError",
                 "ResponseTooLargeError", "RedirectError", "APIConnectionError", "APITimeoutError"):
        assert f"`{name}`" in text
        assert hasattr(pkg, name)
    if models:
        shown = re.findall(r"`(models\.\w+)`", text)
        assert shown and shown[0] in models
        assert hasattr(pkg.models, shown[0].split(".")[1])
        assert f"isinstance(exc.parsed, {shown[0]})" in text
    else:
        assert "no error model" in text


@pytest.mark.parametrize("vendor", VENDORS)
def test_retries_timeouts_and_raw_responses_use_a_real_call(vendor: str) -> None:
    sections = _sections(vendor)
    assert 'request_options={"max_retries": 0}' in sections["Retries"]
    assert "Retry-After" in sections["Retries"]
    assert 'request_options={"timeout": 5.0}' in sections["Timeouts"]
    assert "max_response_size" in sections["Timeouts"]
    raw = sections["Raw responses"]
    assert _CALL.search(raw) and "with_raw_response." in raw
    assert "raw.parse()" in raw and "raw.status_code" in raw and "iter_bytes" in raw
