"""Progress lines on a terminal; silence when output is piped or in CI."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Progress:
    """Shows `vendor: stage` on one updating line of a terminal; does nothing elsewhere."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self._shown = False
        self._started = time.monotonic()

    def stage(self, subject: str, stage: str) -> None:
        """Report that `subject` entered `stage`."""
        if self.enabled:
            elapsed = time.monotonic() - self._started
            self.stream.write(f"\r\x1b[2K{subject}: {stage} ({elapsed:.1f}s)")
            self.stream.flush()
            self._shown = True

    def done(self) -> None:
        """Clear the progress line."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
