"""Scratch projects for tests: a vendor's spec, release record and generated package, copied."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_vendor(project: Path, vendor: str, generated: bool = True) -> None:
    """Put `vendor` into `project` as it is in this checkout, so `generate` there is a no-op."""
    (project / "specs").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "specs" / f"{vendor}.yaml", project / "specs" / f"{vendor}.yaml")
    if (ROOT / "releases" / vendor).is_dir():
        shutil.copytree(ROOT / "releases" / vendor, project / "releases" / vendor)
    if generated:
        shutil.copytree(ROOT / "generated" / vendor, project / "generated" / vendor)
