"""Upload built packages to an index with twine, never a version twice: `trunkline publish`.

With `skip_existing` a package whose version is already on the index is skipped and the others are
uploaded, so a publish job that failed half-way (or runs again on the same commit) can be re-run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.errors import TrunklineError
from generator.release.packages import Package
from generator.release.upload import AlreadyPublished, files_on_index, upload


def publish(packages: list[Package], dist: Path, repository_url: str, index: str, skip_existing: bool) -> int:
    """Upload each package's wheel and sdist; 0 published (or skipped), 1 a version is already on the index."""
    built = {package: _built(package, dist) for package in packages}
    present = {package: sorted({p.name for p in files} & files_on_index(index, package.project)) for package, files in built.items()}
    taken = [(package, names) for package, names in present.items() if names]
    if taken and not skip_existing:
        for package, names in taken:
            print(f"trunkline: {package.name} {package.version} is already on {index} ({', '.join(names)}); versions are "
                  f"immutable: change the spec and run `trunkline release {package.vendor}` for a new version "
                  "(or pass --skip-existing to skip it and upload the rest)", file=sys.stderr)
        print("trunkline: nothing was uploaded", file=sys.stderr)
        return 1
    uploaded = skipped = 0
    for package, files in built.items():
        missing = [p for p in files if p.name not in present[package]]
        if missing != files:
            print(f"{package.name} {package.version} is on {index} already ({', '.join(present[package])})"
                  + ("; skipped" if not missing else f"; uploading the rest ({', '.join(p.name for p in missing)})"))
        done = _upload(package, missing, repository_url, skip_existing) if missing else []
        if done is None:
            return 1
        if missing and len(done) < len(missing):
            uploaded += 1
            print(f"published {package.name} {package.version} to {repository_url}"
                  + (f" ({', '.join(done)} already there)" if done else ""))
        else:
            skipped += 1
            if missing:
                print(f"{package.name} {package.version} appeared on the index meanwhile; skipped")
    if skip_existing:
        print(f"publish: {uploaded} uploaded, {skipped} skipped (already on {index})")
    return 0


def _upload(package: Package, files: list[Path], repository_url: str, skip_existing: bool) -> list[str] | None:
    """Upload one package's files; the names the index already had, or None when it refused them (exit 1)."""
    try:
        return upload(files, repository_url, skip_existing=skip_existing)
    except AlreadyPublished as exc:
        print(f"trunkline: {package.name} {package.version}: {exc}", file=sys.stderr)
        return None


def _built(package: Package, dist: Path) -> list[Path]:
    """The package's wheel and sdist; both must exist."""
    files = package.built(dist)
    if not any(p.suffix == ".whl" for p in files) or not any(p.name.endswith(".tar.gz") for p in files):
        raise TrunklineError(f"no wheel and sdist of {package.name} {package.version} in {dist}; run `trunkline build {package.vendor}` first")
    return files
