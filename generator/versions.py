"""Released versions of the generated packages: `releases/<vendor>/` beside `specs/`.

`release.json` holds the package version (`{"version": "1.2.0"}`), `CHANGELOG.md` the notes that
`trunkline release` writes, and `spec.yaml` the spec as it was at that release. `generate` reads
the first two; nothing else about a package's version is stored anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.errors import Location, TrunklineError

INITIAL_VERSION = "0.1.0"


def releases_dir(specs_dir: Path) -> Path:
    """Where release records live for the specs in `specs_dir`."""
    return specs_dir.resolve().parent / "releases"


def package_version(specs_dir: Path, vendor: str) -> str:
    """The current version of a vendor's package; 0.1.0 before its first release."""
    record = releases_dir(specs_dir) / vendor / "release.json"
    if not record.is_file():
        return INITIAL_VERSION
    try:
        version = json.loads(record.read_text(encoding="utf-8"))["version"]
    except (ValueError, KeyError, TypeError) as exc:
        raise TrunklineError(f"unreadable release record ({exc}); it needs {{\"version\": \"X.Y.Z\"}}", Location(str(record))) from None
    return str(version)


def changelog(specs_dir: Path, vendor: str) -> str | None:
    """The package's CHANGELOG.md, if it has been released."""
    path = releases_dir(specs_dir) / vendor / "CHANGELOG.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def record_dir(specs_dir: Path, vendor: str) -> Path:
    """`releases/<vendor>/`: release.json, CHANGELOG.md and spec.yaml of the last release."""
    return releases_dir(specs_dir) / vendor


def released_spec(specs_dir: Path, vendor: str) -> Path | None:
    """The spec snapshot taken at the last release; None before the first release."""
    path = record_dir(specs_dir, vendor) / "spec.yaml"
    return path if path.is_file() else None


def dist_name(vendor: str) -> str:
    """The distribution name of a vendor's package (as the IR names it)."""
    return "trunkline-" + vendor.replace("_", "-")
