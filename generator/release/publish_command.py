"""`trunkline publish [VENDOR...] --repository-url URL`: upload built packages, never a version twice."""

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
    "anything is uploaded."
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


def run(args: argparse.Namespace) -> int:
    """Upload; 0 published, 1 a version is already on the index (nothing uploaded), 2 other errors."""
    if not args.repository_url:
        raise TrunklineError("no index to publish to: pass --repository-url URL or set TRUNKLINE_REPOSITORY_URL")
    credentials(dict(os.environ))
    packages = find(args.generated, args.vendors)
    built = {package: _built(package, args.dist) for package in packages}
    index = args.index_url or simple_url(args.repository_url)
    taken = [(package, sorted({p.name for p in files} & files_on_index(index, package.project)))
             for package, files in built.items()]
    taken = [(package, names) for package, names in taken if names]
    if taken:
        for package, names in taken:
            print(f"trunkline: {package.name} {package.version} is already on {index} ({', '.join(names)}); versions are "
                  f"immutable: change the spec and run `trunkline release {package.vendor}` for a new version", file=sys.stderr)
        print("trunkline: nothing was uploaded", file=sys.stderr)
        return 1
    for package, files in built.items():
        try:
            upload(files, args.repository_url)
        except AlreadyPublished as exc:
            print(f"trunkline: {package.name} {package.version}: {exc}", file=sys.stderr)
            return 1
        print(f"published {package.name} {package.version} to {args.repository_url}")
    return 0


def _built(package: Package, dist: Path) -> list[Path]:
    """The package's wheel and sdist; both must exist."""
    files = package.built(dist)
    if not any(p.suffix == ".whl" for p in files) or not any(p.name.endswith(".tar.gz") for p in files):
        raise TrunklineError(f"no wheel and sdist of {package.name} {package.version} in {dist}; run `trunkline build {package.vendor}` first")
    return files
