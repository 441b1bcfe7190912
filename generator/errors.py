"""Locations, findings and the one error type the stages raise; the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


def printable(text: str) -> str:
    """`text` on one line with every unprintable character escaped (`\\n`, `\\x1b`): spec text in
    a message must not start a line a CI runner reads as a command, or drive a terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class Severity(str, Enum):
    """How much a finding matters; errors stop generation."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """A place in a spec file: 1-based line and column plus the JSON pointer."""

    file: str
    pointer: str = ""
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return printable(f"{where} {self.pointer or '#'}")


@dataclass(frozen=True)
class Finding:
    """One problem found in a spec, by a rule, at a location."""

    rule: str
    severity: Severity
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location} {self.severity.value} [{self.rule}] {printable(self.message)}"


class TrunklineError(Exception):
    """A failure with a location, stopping the run; printed as one line by the CLI."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {printable(self.message)}" if self.location else printable(self.message)


class UsageError(TrunklineError):
    """Bad command-line usage: an unknown vendor, a missing file, a bad option."""
