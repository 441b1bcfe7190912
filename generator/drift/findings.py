"""Departures found in exchanges, and the report that aggregates them: one per spec location and kind."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.drift.kinds import ADVICE, SEVERITY
from generator.errors import Location, Severity, printable

MAX_SEEN = 200  # characters of what was seen kept in a finding


@dataclass(frozen=True)
class Departure:
    """One place where one exchange departs from the spec.

    `location` is the spec file, line, column and JSON pointer of the schema or operation to fix;
    a pointer may name a place that does not exist yet (`.../properties/new_field`), located at its
    nearest existing ancestor. `seen` is already redacted.
    """

    kind: str
    location: Location
    operation: str  # `GET /numbers/{id}`
    seen: str
    advice: str = ""

    @property
    def severity(self) -> Severity:
        """How much this kind matters."""
        return SEVERITY[self.kind]

    @property
    def todo(self) -> str:
        """What to do: the departure's own advice, else its kind's."""
        return self.advice or ADVICE[self.kind]


def departure(kind: str, location: Location, operation: str, seen: str, advice: str = "") -> Departure:
    """A departure with `seen` on one line and at most MAX_SEEN characters."""
    text = printable(" ".join(seen.split()))
    if len(text) > MAX_SEEN:
        text = text[:MAX_SEEN] + "..."
    return Departure(kind, location, operation, text, advice)


@dataclass
class Finding:
    """All departures of one kind at one spec location: how many, and the first."""

    first: Departure
    count: int = 1

    @property
    def kind(self) -> str:
        """The kind of departure."""
        return self.first.kind

    @property
    def location(self) -> Location:
        """Where in the spec."""
        return self.first.location


@dataclass
class Report:
    """Findings aggregated over any number of exchanges, and how many exchanges were checked."""

    by_place: dict[tuple[str, str, str], Finding] = field(default_factory=dict)
    exchanges: int = 0

    def add(self, departures: Iterable[Departure]) -> None:
        """Count each departure under its (file, pointer, kind); the first one is the example."""
        for found in departures:
            key = (found.location.file, found.location.pointer, found.kind)
            held = self.by_place.get(key)
            if held is None:
                self.by_place[key] = Finding(found)
            else:
                held.count += 1

    def findings(self) -> list[Finding]:
        """The findings in a stable order: by file, line, column, pointer, kind."""
        return sorted(
            self.by_place.values(),
            key=lambda f: (f.location.file, f.location.line, f.location.col, f.location.pointer, f.kind),
        )
