"""Semantic version bumps with the 0.x convention: while the major is 0, everything shifts down a place."""

from __future__ import annotations

import re

from generator.errors import TrunklineError
from generator.release.diff import Level

_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


def parse(version: str) -> tuple[int, int, int]:
    """MAJOR.MINOR.PATCH as integers; anything else (pre-releases too) is refused."""
    match = _VERSION.fullmatch(version)
    if match is None:
        raise TrunklineError(f"version {version!r} is not MAJOR.MINOR.PATCH; fix releases/<vendor>/release.json")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def part_to_bump(version: str, level: Level) -> str:
    """Which part a change of `level` bumps: major, minor or patch.

    From 1.0.0: breaking -> major, non-breaking -> minor, documentation -> patch.
    Before 1.0.0 (0.y.z): breaking -> minor, non-breaking -> patch, documentation -> patch.
    """
    major = parse(version)[0]
    if level is Level.BREAKING:
        return "major" if major else "minor"
    if level is Level.NON_BREAKING:
        return "minor" if major else "patch"
    return "patch"


def bump(version: str, level: Level) -> str:
    """The next version after `version` for a release whose most severe change is `level`."""
    major, minor, patch = parse(version)
    part = part_to_bump(version, level)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_floor(version: str, level: Level) -> tuple[int, int, int]:
    """The lowest version a release with changes of `level` may take, as a comparable tuple."""
    return parse(bump(version, level))
