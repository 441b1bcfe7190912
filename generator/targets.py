"""What to generate: one target per package, from the vendor specs or from one spec file.

Kept free of heavy imports so that a run with nothing to regenerate starts and ends fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import TrunklineError, UsageError
from generator.naming import vendor_names
from generator.versions import INITIAL_VERSION, changelog, package_version


@dataclass(frozen=True)
class Target:
    """One package to generate: the spec it comes from and its directory name."""

    name: str
    spec: Path
    version: str = INITIAL_VERSION
    changelog: str | None = None
    # Our own specs must lint clean to generate; a third-party spec (`--spec`) need only be usable.
    strict: bool = True


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
    for vendor in vendors:
        vendor_names(vendor)  # refuse a file name that cannot name a package before any work
    return [Target(v, available[v], package_version(specs_dir, v), changelog(specs_dir, v)) for v in vendors]


def spec_target(spec: Path, name: str | None = None) -> Target:
    """The target of one arbitrary spec file; the package is named after the file unless `name`."""
    if not spec.is_file():
        raise TrunklineError(f"no spec file at {spec}; give the path of an OpenAPI 3.0 or 3.1 YAML or JSON file")
    raw = name if name is not None else spec.name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_")
    if not slug or not slug[0].isalpha():
        raise UsageError(f"cannot make a package name of {raw!r}; pass --name with letters, digits and `_`")
    return Target(slug, spec, strict=False)
