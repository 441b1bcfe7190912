"""Find the generated packages and their built files: names and versions come from each pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, TrunklineError


@dataclass(frozen=True)
class Package:
    """One generated package directory with its distribution name and version."""

    vendor: str
    directory: Path
    name: str
    version: str

    @property
    def stem(self) -> str:
        """The file name prefix of its built files (`trunkline_hipcall-0.2.0`)."""
        return f"{re.sub(r'[-_.]+', '_', self.name).lower()}-{self.version}"

    @property
    def project(self) -> str:
        """The normalized project name, as in an index's simple page URL."""
        return re.sub(r"[-_.]+", "-", self.name).lower()

    def built(self, dist: Path) -> list[Path]:
        """Its wheel and sdist in `dist`, if built."""
        return sorted(p for p in dist.glob(f"{self.stem}*") if p.name == f"{self.stem}.tar.gz" or
                      (p.name.startswith(f"{self.stem}-") and p.suffix == ".whl"))


def find(generated: Path, vendors: list[str]) -> list[Package]:
    """The packages of `vendors` (all in `generated` when empty)."""
    if not generated.is_dir():
        raise TrunklineError(f"no generated packages at {generated}; run `trunkline generate` first or pass --generated")
    available = sorted(p.name for p in generated.iterdir() if (p / "pyproject.toml").is_file())
    unknown = [v for v in vendors if v not in available]
    if unknown:
        raise TrunklineError(f"no generated package for {', '.join(unknown)} in {generated}; known: {', '.join(available) or 'none'}")
    if not vendors and not available:
        raise TrunklineError(f"no generated packages in {generated}; run `trunkline generate` first")
    return [read(generated / vendor) for vendor in (vendors or available)]


def read(directory: Path) -> Package:
    """A package's name and version from its pyproject.toml."""
    path = directory / "pyproject.toml"
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
        return Package(directory.name, directory, str(project["name"]), str(project["version"]))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise TrunklineError(f"cannot read the project name and version ({exc}); regenerate the package", Location(str(path))) from None
