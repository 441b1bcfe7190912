"""Check recorded traffic (HAR files, client drift logs) against a spec: `trunkline verify`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.drift.checker import DriftChecker
from generator.drift.drift_log import log_departures
from generator.drift.findings import Report
from generator.drift.traffic import har_exchanges, is_drift_log, log_records, read_text
from generator.errors import UsageError


def verify(checker: DriftChecker, names: Sequence[str]) -> Report:
    """The report over every exchange of every traffic file, drift logs and HAR files alike."""
    report = Report()
    for name in names:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name}: no such traffic file")
        text = read_text(path)
        if is_drift_log(path, text):
            for record in log_records(path, text):
                report.exchanges += 1
                report.add(log_departures(checker, record))
        else:
            for exchange in har_exchanges(path, text):
                report.exchanges += 1
                report.add(checker.check(exchange))
    return report
