"""Plan and apply a release: diff against the last snapshot, bump, write the changelog, regenerate."""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import TrunklineError
from generator.pipeline import render_all
from generator.reading.load import Document, load
from generator.reading.spec import operations
from generator.release import changelog, semver
from generator.release.diff import Change, Level, compare
from generator.targets import Target, vendor_targets
from generator.versions import INITIAL_VERSION, dist_name, package_version, record_dir, released_spec
from generator.versions import changelog as current_changelog
from generator.writing.write import write_packages


class NothingToRelease(TrunklineError):
    """The spec is unchanged since the last release."""


@dataclass(frozen=True)
class Plan:
    """Everything a release will write, computed before anything is written."""

    vendor: str
    spec: Path
    previous: str | None
    version: str
    part: str
    changes: list[Change]
    entry: str
    changelog: str
    spec_text: str


def release_date(env: dict[str, str] | None = None) -> datetime.date:
    """The release date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today in UTC."""
    env = dict(os.environ) if env is None else env
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
        except (ValueError, OverflowError):
            raise TrunklineError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None
    return datetime.datetime.now(datetime.UTC).date()


def plan(specs_dir: Path, vendor: str, today: datetime.date, chosen: str | None = None) -> Plan:
    """What releasing `vendor` now would do; NothingToRelease when the spec has not changed.

    `chosen` overrides the computed version (going to 1.0.0 is a decision, not a diff); it must be
    higher than the previous one.
    """
    target = vendor_targets(specs_dir, [vendor])[0]
    spec_text = target.spec.read_text(encoding="utf-8")
    new = load(target.spec)
    snapshot = released_spec(specs_dir, vendor)
    name = dist_name(vendor)
    if snapshot is None:
        version = package_version(specs_dir, vendor) if _has_record(specs_dir, vendor) else INITIAL_VERSION
        if chosen is not None:
            semver.parse(chosen)
            version = chosen
        entry = changelog.entry(version, today, [], first=_first_words(new))
        return Plan(vendor, target.spec, None, version, "initial", [], entry,
                    changelog.prepend(current_changelog(specs_dir, vendor), name, entry), spec_text)
    previous = package_version(specs_dir, vendor)
    old = load(snapshot, _shown(snapshot))
    changes = compare(old, new)
    if not changes:
        raise NothingToRelease(f"{vendor}: the spec is unchanged since {previous} ({_shown(snapshot)}); nothing to release")
    worst = max((c.level for c in changes), key=lambda level: level.rank)
    version = semver.bump(previous, worst)
    if chosen is not None:
        if semver.parse(chosen) < semver.bump_floor(previous, worst):
            raise TrunklineError(f"--set-version {chosen} is below {version}, the least the changes since {previous} need")
        version = chosen
    entry = changelog.entry(version, today, changes)
    return Plan(vendor, target.spec, previous, version, semver.part_to_bump(previous, worst), changes, entry,
                changelog.prepend(current_changelog(specs_dir, vendor), name, entry), spec_text)


def apply(release: Plan, specs_dir: Path, out: Path, today: datetime.date) -> None:
    """Regenerate the package in memory, then write the release record and swap the package in."""
    files = render_all([Target(release.vendor, release.spec, release.version, release.changelog)])
    directory = record_dir(specs_dir, release.vendor)
    record = json.dumps({"version": release.version, "date": today.isoformat()}, indent=2, sort_keys=True) + "\n"
    wanted = {"release.json": record, "CHANGELOG.md": release.changelog, "spec.yaml": release.spec_text}
    before = {name: (directory / name).read_bytes() for name in wanted if (directory / name).is_file()}
    try:
        _write_all(directory, wanted)
        write_packages(out, files)
    except (OSError, TrunklineError):
        _restore(directory, wanted, before)
        raise


def summary(release: Plan) -> str:
    """One line: what changes and why."""
    if release.previous is None:
        return f"{release.vendor}: first release, {release.version}"
    worst = max((c.level for c in release.changes), key=lambda level: level.rank, default=Level.DOCS)
    return f"{release.vendor}: {release.previous} -> {release.version} ({release.part} bump: {len(release.changes)} change(s), the most severe {worst.value})"


def _has_record(specs_dir: Path, vendor: str) -> bool:
    return (record_dir(specs_dir, vendor) / "release.json").is_file()


def _first_words(document: Document) -> str:
    """The first entry's text: what the package covers."""
    info = document.data.get("info") if isinstance(document.data.get("info"), dict) else {}
    count = sum(1 for _ in operations(document, strict=False))
    return (f"First release: the client of {info.get('title', 'the API')} (API version {info.get('version', 'unknown')}), "
            f"{count} operation(s).")


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _write_all(directory: Path, files: dict[str, str]) -> None:
    """Write each file through a temporary file and an atomic rename."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, directory / name)


def _restore(directory: Path, written: dict[str, str], before: dict[str, bytes]) -> None:
    """Put back the record files as they were before a failed release."""
    for name in written:
        path = directory / name
        if name in before:
            path.write_bytes(before[name])
        elif path.exists():
            path.unlink()
