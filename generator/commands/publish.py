"""`trunkline publish [VENDOR...] --repository-url URL`: upload built packages, never a version twice."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.errors import TrunklineError
from generator.release.packages import find
from generator.release.publish import publish
from generator.release.upload import credentials, simple_url

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
    index = args.index_url or simple_url(args.repository_url)
    return publish(find(args.generated, args.vendors), args.dist, args.repository_url, index, args.skip_existing)
