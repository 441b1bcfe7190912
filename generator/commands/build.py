"""`trunkline build [VENDOR...]`: wheel and sdist of each generated package into dist/, checked by twine."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.release.dist import build_all, twine_check
from generator.release.packages import find

HELP = "build a wheel and an sdist of each generated package into dist/"
DESCRIPTION = (
    "PEP 517 build of each generated package (a wheel and an sdist) into the dist directory, then `twine check --strict` "
    "on the files. The build backend is installed once into a fresh isolated environment unless --no-isolation."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Vendor selection, directories and isolation."""
    parser.add_argument("vendors", nargs="*", metavar="VENDOR", help="vendor names (default: every generated package)")
    parser.add_argument("--generated", type=Path, default=Path("generated"), help="generated packages (default generated/)")
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where to write the files (default dist/)")
    parser.add_argument("--no-isolation", action="store_true",
                        help="build with this interpreter's installed backend instead of a fresh environment")


def run(args: argparse.Namespace) -> int:
    """Build and check; 0 when every package built and passed, 2 otherwise."""
    packages = find(args.generated, args.vendors)
    files = build_all(packages, args.dist, isolation=not args.no_isolation)
    twine_check(files)
    for path in files:
        print(f"built {path}")
    return 0
