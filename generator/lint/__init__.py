"""Lint a loaded spec: structural validation, then every rule, then config and inline silencing."""

from __future__ import annotations

from generator.errors import Finding, Severity, TrunklineError
from generator.lint import (  # noqa: F401  (each module registers its rules)
    components,
    equivalent_paths,
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
from generator.reading.load import Document
from generator.reading.validate import RULE as SCHEMA_RULE
from generator.reading.validate import recursion_message, spec_version, validate

__all__ = ["RULES", "Config", "Rule", "lint"]

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


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
    silencer = Silencer(context)
    kept = [f for f in found if not silencer.silences(f) and not config.ignored(document.path, f)]
    unused_level = config.severity("lint-ignore-unused", RULES["lint-ignore-unused"].severity)
    if unused_level is not None:
        kept.extend(Finding("lint-ignore-unused", unused_level, message, context.locate(ptr)) for ptr, message in silencer.unused(ran))
    return sorted(kept, key=lambda f: (f.location.line, f.location.col, f.rule, f.location.pointer, f.message))


def _at(finding: Finding, level: Severity, context: Context) -> Finding:
    return Finding(finding.rule, level, finding.message, context.locate(finding.location.pointer))
