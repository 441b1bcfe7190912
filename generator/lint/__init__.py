"""Lint a loaded spec: structural validation, then every rule, then config and inline silencing."""

from __future__ import annotations

import re

from generator.errors import Finding, Location, Severity, TrunklineError
from generator.lint import (  # noqa: F401  (each module registers its rules)
    components,
    examples,
    generation,
    ignore,
    info,
    markdown,
    operations,
    paths,
    private_keywords,
    schema_rules,
    serialization,
    servers,
    structure,
    syntax,
    tags,
)
from generator.lint.config import Config, discover
from generator.lint.ignore import Silencer
from generator.lint.registry import RULES, Context, Rule
from generator.lint.walk import spot
from generator.load import Document, pointer
from generator.validate import RULE as SCHEMA_RULE
from generator.validate import recursion_message, spec_version, validate

__all__ = ["RULES", "Config", "Rule", "lint"]

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# How openapi-spec-validator and `generator.shape` (both oas3-schema) report a path template whose parameter an
# operation does not declare; both place it at the operation. tests/lint/test_ci.py fails if the wording changes.
_UNDECLARED = (
    re.compile(r"Path parameter '(?P<name>[^']*)' for '\w+' operation in '(?P<path>.*)' was not resolved"),
    re.compile(r"path (?P<q>['\"])(?P<path>.*)(?P=q) has the template `\{(?P<name>[^}]*)\}` but \w+ declares no path parameter .*"),
)


def lint(document: Document, config: Config | None = None) -> list[Finding]:
    """All findings for one document at their configured severities, sorted by position.

    Rules run even when structural validation fails (as Spectral's do); a rule that trips over
    a structure the validator already reported stays silent instead of crashing.
    """
    config = config if config is not None else discover(document.path)
    schema_level = config.severity(SCHEMA_RULE, Severity.ERROR)
    try:
        structural = validate(document)
    except TrunklineError:
        raise
    except Exception as exc:  # noqa: BLE001  (openapi-spec-validator trips over some malformed nodes)
        structural = [Finding(SCHEMA_RULE, Severity.ERROR, (
            f"openapi-spec-validator stopped on a malformed node ({type(exc).__name__}: {exc}); "
            "fix the other findings, then lint again"), document.locate(""))]
    context = Context(document, spec_version(document), broken=bool(structural))
    found = [_at(f, schema_level, context) for f in structural] if schema_level else []
    validated = {f.location.pointer for f in structural}  # one oas3-schema finding per place: the validator's
    ran: set[str] = set()
    for rule in RULES.values():
        level = config.severity(rule.id, rule.severity)
        if level is None:
            continue
        ran.add(rule.id)
        try:
            found.extend(f for f in rule.run(context, level) if not (rule.id == SCHEMA_RULE and f.location.pointer in validated))
        except RecursionError:
            found.append(Finding(rule.id, level, recursion_message(f"rule {rule.id}"), document.locate("")))
        except Exception:
            if not context.broken:
                raise
    found = _templates(found, context, "path-params" in ran)
    silencer = Silencer(context)
    kept = [f for f in found if not silencer.silences(f) and not config.ignored(document.path, f)]
    unused_level = config.severity("lint-ignore-unused", RULES["lint-ignore-unused"].severity)
    if unused_level is not None:
        kept.extend(Finding("lint-ignore-unused", unused_level, message, context.locate(ptr)) for ptr, message in silencer.unused(ran))
    return sorted(kept, key=lambda f: (f.location.line, f.location.col, f.rule, f.location.pointer, f.message))


def _at(finding: Finding, level: Severity, context: Context) -> Finding:
    return Finding(finding.rule, level, finding.message, context.locate(finding.location.pointer))


def _templates(found: list[Finding], context: Context, path_params: bool) -> list[Finding]:
    """oas3-schema's reports of an undeclared path parameter: left to path-params when it runs (it names every
    operation at once), else moved from the operation to the `{name}` in the path key, the text that names it."""
    kept = []
    for finding in found:
        match = next((m for m in (p.fullmatch(finding.message) for p in _UNDECLARED) if m), None) if finding.rule == SCHEMA_RULE else None
        if match is None:
            kept.append(finding)
        elif not path_params:
            ptr = pointer("paths", match["path"])
            where = spot(context, ptr, "{" + match["name"] + "}", in_key=True)
            kept.append(finding if where is None else Finding(finding.rule, finding.severity, finding.message,
                                                              Location(context.document.display, ptr, *where)))
    return kept
