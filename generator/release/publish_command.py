"""`trunkline publish [VENDOR...] --repository-url URL`: upload built packages, never a version twice.

With `--skip-existing` a package whose version is already on the index is skipped and the others are
uploaded, so a publish job that failed half-way (or runs again on the same commit) can be re-run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.errors import TrunklineError
from generator.release.packages import Package, find
from generator.release.upload import AlreadyPublished, credentials, files_on_index, simple_url, upload

HELP = "upload the built packages to a package index with twine"
DESCRIPTION = (
    "Upload each package's wheel and sdist from the dist directory with twine. Credentials come from TWINE_USERNAME and "
    "TWINE_PASSWORD (or TRUNKLINE_USERNAME and TRUNKLINE_PASSWORD). A version already on the index is refused before "
    "anything is uploaded, unless --skip-existing says to skip it and upload the rest."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Vendor selection, the index and the directories."""
    parser.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every generated package)")
    parser.add_argument("--repository-url", default=os.environ.get("TRUNKLINE_REPOSITORY_URL"),
                        help="upload URL of the index, e.g. https://upload.pypi.org/legacy/ (default $TRUNKLINE_REPOSITORY_URL)")
    parser.add_argument("--index-url", default=None,
                        help="the index's simple URL, to look for existing versions (default: derived from --repository-url)")
    parser.add_argument("--generated", type=Path, default=Path("generated"), help="generated packages (default generated/)")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where the built files are (default dist/)")
    parser.add_argument("--skip-existing", action="store_true",
                        help="skip the packages whose version the index already has (uploading any of its files the index "
                             "lacks) and upload the rest, instead of refusing them all")


def run(args: argparse.Namespace) -> int:
    """Upload; 0 published (or skipped), 1 a version is already on the index (nothing uploaded), 2 other errors."""
    if not args.repository_url:
        raise TrunklineError("no index to publish to: pass --repository-url URL or set TRUNKLINE_REPOSITORY_URL")
    credentials(dict(os.environ))
    packages = find(args.generated, args.vendors)
    built = {package: _built(package, args.dist) for package in packages}
    index = args.index_url or simple_url(args.repository_url)
    present = {package: sorted({p.name for p in files} & files_on_index(index, package.project)) for package, files in built.items()}
    taken = [(package, names) for package, names in present.items() if names]
    if taken and not args.skip_existing:
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
        done = _upload(package, missing, args) if missing else []
        if done is None:
            return 1
        if missing and len(done) < len(missing):
            uploaded += 1
            print(f"published {package.name} {package.version} to {args.repository_url}"
                  + (f" ({', '.join(done)} already there)" if done else ""))
        else:
            skipped += 1
            if missing:
                print(f"{package.name} {package.version} appeared on the index meanwhile; skipped")
    if args.skip_existing:
        print(f"publish: {uploaded} uploaded, {skipped} skipped (already on {index})")
    return 0


def _upload(package: Package, files: list[Path], args: argparse.Namespace) -> list[str] | None:
    """Upload one package's files; the names the index already had, or None when it refused them (exit 1)."""
    try:
        return upload(files, args.repository_url, skip_existing=args.skip_existing)
    except AlreadyPublished as exc:
        print(f"trunkline: {package.name} {package.version}: {exc}", file=sys.stderr)
        return None


def _built(package: Package, dist: Path) -> list[Path]:
    """The package's wheel and sdist; both must exist."""
    files = package.built(dist)
    if not any(p.suffix == ".whl" for p in files) or not any(p.name.endswith(".tar.gz") for p in files):
        raise TrunklineError(f"no wheel and sdist of {package.name} {package.version} in {dist}; run `trunkline build {package.vendor}` first")
    return files
