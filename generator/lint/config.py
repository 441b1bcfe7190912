"""Lint settings: `[tool.trunkline.lint]` in pyproject.toml, or trunkline-lint.toml / .trunkline.toml."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Finding, Location, Severity, TrunklineError

# Rules that check the conventions of one family of specs rather than OpenAPI quality: off unless a
# configuration names the family in `conventions` (or sets the rule in `rules`). "trunkline" is this
# project's vendor-spec conventions (docs/spec-conventions.md); a team's own spec has no reason to follow them.
CONVENTIONS: dict[str, frozenset[str]] = {
    "trunkline": frozenset({
        "info-x-source",      # `info.x-source` names the vendor page a spec is transcribed from
        "operation-example",  # every operation documents an exchange to replay, or says `x-undocumented`
        "example-paired",     # one example name per documented exchange, across request and response slots
        "x-enum-varnames",    # integer enums name their members
    }),
}
CONVENTION_RULES = frozenset(rule_id for rule_ids in CONVENTIONS.values() for rule_id in rule_ids)
LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "warn": Severity.WARNING, "info": Severity.INFO, "off": None}
FILES = ("trunkline-lint.toml", ".trunkline.toml", "pyproject.toml")


@dataclass(frozen=True)
class PathIgnore:
    """Silence some rules for the files matching a glob, optionally under one JSON pointer."""

    files: str
    pointer: str
    rules: frozenset[str]

    def covers(self, relative: str, finding: Finding) -> bool:
        """Whether this entry silences `finding` in the file at `relative` (posix, from the config's directory)."""
        if finding.rule not in self.rules and "*" not in self.rules:
            return False
        if not fnmatch.fnmatchcase(relative, self.files):
            return False
        ptr = finding.location.pointer
        return not self.pointer or ptr == self.pointer or ptr.startswith(self.pointer + "/")


@dataclass(frozen=True)
class Config:
    """Severity overrides, per-path ignores, conventions turned on, and the file they came from (None: defaults)."""

    source: Path | None = None
    severities: dict[str, Severity | None] = field(default_factory=dict)
    ignores: tuple[PathIgnore, ...] = ()
    conventions: frozenset[str] = frozenset()

    def severity(self, rule_id: str, default: Severity | None) -> Severity | None:
        """The severity a rule runs at; None when it is off (a convention rule is off unless its conventions are on)."""
        if rule_id in self.severities:
            return self.severities[rule_id]
        if rule_id in CONVENTION_RULES and not any(rule_id in CONVENTIONS[name] for name in self.conventions):
            return None
        return default

    def ignored(self, spec: Path, finding: Finding) -> bool:
        """Whether a per-path ignore silences `finding` in `spec`."""
        if not self.ignores or self.source is None:
            return False
        try:
            relative = spec.resolve().relative_to(self.source.parent.resolve()).as_posix()
        except ValueError:
            relative = spec.as_posix()
        return any(entry.covers(relative, finding) for entry in self.ignores)


def discover(spec: Path) -> Config:
    """The config that applies to `spec`: the nearest of the config files, walking up from its directory."""
    directory = spec.resolve().parent
    for folder in (directory, *directory.parents):
        for name in FILES:
            candidate = folder / name
            if candidate.is_file():
                return read(candidate)
    return Config()


def read(path: Path) -> Config:
    """Read one config file; a TrunklineError (exit 2) when it is malformed."""
    from generator.lint.registry import RULES

    where = Location(str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TrunklineError(f"cannot read the lint configuration: {exc}", where) from None
    except tomllib.TOMLDecodeError as exc:
        raise TrunklineError(f"invalid TOML: {exc}; fix the syntax", where) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("trunkline", {}).get("lint")
        if table is None:
            return Config(path)
        label = "[tool.trunkline.lint]"
    elif path.name == ".trunkline.toml":
        table = data.get("lint", {})
        label = "[lint]"
    else:
        table, label = data, "the top level"
    if not isinstance(table, dict):
        raise TrunklineError(f"{label} must be a table", where)
    unknown = sorted(set(table) - {"rules", "disable", "ignore", "conventions"})
    if unknown:
        raise TrunklineError(f"unknown key(s) {', '.join(unknown)} in {label}; use rules, disable, ignore and conventions", where)

    def known(rule_id: Any, key: str) -> str:
        if not isinstance(rule_id, str) or rule_id not in RULES:
            raise TrunklineError(f"{key}: unknown rule {rule_id!r}; see docs/lint-rules.md for the rule ids", where)
        return rule_id

    severities: dict[str, Severity | None] = {}
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise TrunklineError("`rules` must be a table of rule id = \"error\" | \"warning\" | \"info\" | \"off\"", where)
    for rule_id, level in rules.items():
        if not isinstance(level, str) or level.lower() not in LEVELS:
            raise TrunklineError(f"rules.{rule_id}: severity {level!r} is not one of error, warning, info, off", where)
        severities[known(rule_id, "rules")] = LEVELS[level.lower()]
    disable = table.get("disable", [])
    if not isinstance(disable, list):
        raise TrunklineError("`disable` must be a list of rule ids", where)
    for rule_id in disable:
        severities[known(rule_id, "disable")] = None
    ignores = []
    entries = table.get("ignore", [])
    if not isinstance(entries, list):
        raise TrunklineError("`ignore` must be an array of tables ([[...ignore]] with files, rules, optional pointer)", where)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("files"), str) or not isinstance(entry.get("rules"), list):
            raise TrunklineError(f"ignore[{i}] needs `files` (a glob) and `rules` (a list of rule ids)", where)
        extra = sorted(set(entry) - {"files", "pointer", "rules", "reason"})
        if extra:
            raise TrunklineError(f"ignore[{i}]: unknown key(s) {', '.join(extra)}", where)
        ptr = entry.get("pointer", "")
        if not isinstance(ptr, str) or (ptr and not ptr.startswith("/")):
            raise TrunklineError(f"ignore[{i}].pointer must be a JSON pointer starting with '/'", where)
        ids = frozenset(r if r == "*" else known(r, f"ignore[{i}].rules") for r in entry["rules"])
        ignores.append(PathIgnore(entry["files"], ptr.rstrip("/"), ids))
    return Config(path, severities, tuple(ignores), _conventions(table.get("conventions", []), where))


def _conventions(value: Any, where: Location) -> frozenset[str]:
    """The `conventions` setting: one name or a list of names, each a known family of convention rules."""
    names = [value] if isinstance(value, str) else value
    known = ", ".join(f'"{name}"' for name in sorted(CONVENTIONS))
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise TrunklineError(f"`conventions` must be a name or a list of names ({known})", where)
    for name in names:
        if name not in CONVENTIONS:
            raise TrunklineError(f"conventions: unknown conventions {name!r}; known: {known}", where)
    return frozenset(names)
