"""CHANGELOG.md of a package: a fixed header, then one entry per release, newest first."""

from __future__ import annotations

import datetime

from generator.release import report
from generator.release.diff import Change


def header(dist_name: str) -> str:
    """The top of a new changelog."""
    return (f"# Changelog of {dist_name}\n\n"
            "Versions follow semantic versioning with the 0.x convention: before 1.0.0 a breaking change bumps\n"
            "the minor version, anything else the patch version. Each entry lists the changes to the API spec\n"
            "the package is generated from, as they affect code that calls the client.\n")


def entry(version: str, date: datetime.date, changes: list[Change], first: str | None = None) -> str:
    """One release's entry: `## version - date`, then the changes grouped by level (or `first`)."""
    lines = [f"## {version} - {date.isoformat()}", ""]
    if first is not None:
        lines += [first, ""]
        return "\n".join(lines)
    return "\n".join(lines) + "\n" + report.markdown(changes, level=3, pointers=False)


def prepend(existing: str | None, dist_name: str, new_entry: str) -> str:
    """The changelog with `new_entry` above the previous entries."""
    if not existing:
        return header(dist_name) + "\n" + new_entry
    top, marker, rest = existing.partition("\n## ")
    if not marker:
        return existing.rstrip("\n") + "\n\n" + new_entry
    return top.rstrip("\n") + "\n\n" + new_entry.rstrip("\n") + "\n\n## " + rest
