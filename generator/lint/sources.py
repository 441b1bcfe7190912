"""Which files `trunkline lint` lints, and linting each with the configuration that applies to it."""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Finding, Location, Severity, TrunklineError, UsageError
from generator.lint import lint
from generator.lint.config import Config, discover
from generator.lint.output import UNREADABLE
from generator.reading.load import complete
from generator.reading.load import read as read_file

SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Source:
    """A file to lint, and whether the user named it (rather than a directory or glob it was found in)."""

    path: Path
    named: bool


def spec_paths(patterns: Sequence[str]) -> list[Source]:
    """Expand files, directories and globs into spec files, in a stable order; a file named twice counts once."""
    found: dict[Path, bool] = {}
    for pattern in patterns or ["specs"]:
        magic = glob.has_magic(pattern)
        matches = sorted(glob.glob(pattern, recursive=True)) if magic else [pattern]
        if not matches:
            raise UsageError(f"{pattern}: no file matches")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for child in sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()):
                    found.setdefault(child, False)
            elif magic and path.suffix not in SUFFIXES:
                continue  # `specs/*` also matches a README; only YAML and JSON can be specs
            else:
                found[path] = found.get(path, False) or not magic
    return [Source(path, named) for path, named in found.items()]


def is_openapi(data: Any) -> bool:
    """Whether parsed file content claims to be an OpenAPI (or Swagger) document: a top-level `openapi`/`swagger` key."""
    return isinstance(data, dict) and ("openapi" in data or "swagger" in data)


@dataclass
class Outcome:
    """What linting the files gave: the findings, the files linted and skipped, whether one was unreadable."""

    findings: list[Finding]
    linted: list[Path]
    skipped: list[Path]
    broken: bool = False


def lint_sources(sources: Sequence[Source], explicit: Config | None, skip_named: bool) -> Outcome:
    """Lint each source with its configuration; non-OpenAPI files found by a walk (or any, with skip_named) are skipped."""
    outcome = Outcome([], [], [])
    configs: dict[Path, Config] = {}
    for source in sources:
        path = source.path
        try:
            config = explicit or configs.setdefault(path.resolve().parent, discover(path))
            document = read_file(path, str(path))  # bounded: size, nodes, depth, as every spec is read
            if not is_openapi(document.data) and (skip_named or not source.named):
                outcome.skipped.append(path)
                continue
            outcome.linted.append(path)
            outcome.findings.extend(lint(complete(document), config))
        except TrunklineError as exc:
            if exc.location is not None and exc.location.file != str(path) and exc.location.file.endswith(".toml"):
                raise
            if path not in outcome.linted:
                outcome.linted.append(path)
            outcome.broken = True
            outcome.findings.append(Finding(UNREADABLE, Severity.ERROR, exc.message, exc.location or Location(str(path))))
    return outcome
