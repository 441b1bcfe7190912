"""The generate pipeline: load, validate, lint, build, render, format; then write all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import ir
from generator.build import build
from generator.errors import Finding, Severity, TrunklineError, UsageError
from generator.fmt import format_files
from generator.lint import lint
from generator.load import load
from generator.progress import Progress
from generator.render import render
from generator.versions import INITIAL_VERSION, changelog, package_version


@dataclass(frozen=True)
class Target:
    """One package to generate: the spec it comes from and its directory name."""

    name: str
    spec: Path
    version: str = INITIAL_VERSION
    changelog: str | None = None


class LintFailed(TrunklineError):
    """The spec has lint errors; generation stops before anything is written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} lint error(s); run `trunkline lint` for all of them")
        self.findings = findings


def vendor_targets(specs_dir: Path, vendors: list[str]) -> list[Target]:
    """The targets for `vendors` (all specs in `specs_dir` when empty)."""
    if not specs_dir.is_dir():
        raise TrunklineError(f"no specs directory at {specs_dir}; run from the project root or pass --specs")
    available = {p.stem: p for p in sorted(specs_dir.glob("*.yaml"))}
    if not vendors:
        if not available:
            raise TrunklineError(f"no specs (*.yaml) in {specs_dir}")
        vendors = list(available)
    unknown = [v for v in vendors if v not in available]
    if unknown:
        raise TrunklineError(f"no spec for {', '.join(unknown)} in {specs_dir}; known: {', '.join(available)}")
    return [Target(v, available[v], package_version(specs_dir, v), changelog(specs_dir, v)) for v in vendors]


def spec_target(spec: Path, name: str | None = None) -> Target:
    """The target of one arbitrary spec file; the package is named after the file unless `name`."""
    if not spec.is_file():
        raise TrunklineError(f"no spec file at {spec}; give the path of an OpenAPI 3.0 or 3.1 YAML or JSON file")
    raw = name if name is not None else spec.name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        raise UsageError(f"cannot make a package name of {raw!r}; pass --name with letters, digits and `_`")
    return Target(slug, spec)


def package_ir(target: Target, progress: Progress | None = None) -> ir.Package:
    """Load, validate, lint and build one target; raise on errors."""
    progress = progress or Progress(enabled=False)
    progress.stage(target.name, "loading")
    document = load(target.spec)
    progress.stage(target.name, "validating and linting")
    errors = [f for f in lint(document) if f.severity is Severity.ERROR]
    if errors:
        raise LintFailed(errors)
    progress.stage(target.name, "building")
    return build(document, target.name, target.version)


def render_target(target: Target, progress: Progress | None = None) -> dict[str, str]:
    """Every file of one target's package, formatted, in memory."""
    progress = progress or Progress(enabled=False)
    package = package_ir(target, progress)
    progress.stage(target.name, "rendering")
    files = render(package)
    if target.changelog is not None:
        files["CHANGELOG.md"] = target.changelog
    progress.stage(target.name, "formatting")
    return format_files(files)


def render_all(targets: list[Target], progress: Progress | None = None) -> dict[str, dict[str, str]]:
    """Every target's files; raises before returning if any target fails."""
    return {target.name: render_target(target, progress) for target in targets}
