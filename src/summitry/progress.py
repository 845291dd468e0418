"""Progress of a long command on standard error: documents read, documents per second, events
found, and the time left (from the bytes of the input read so far).

On a terminal it is a tqdm bar, redrawn a few times a second. Asked for where standard error is
not a terminal (``--progress`` into a log), it is a plain line every ``LOG_EVERY`` seconds (for
ingest, every committed batch). It is
off with ``--quiet``, and by default whenever standard output or standard error is not a
terminal: a command whose output goes to a file or a pipe prints nothing but its summary.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, Self, TextIO

LOG_EVERY = 10.0      # seconds between two lines of a progress log
REDRAW_EVERY = 0.2    # seconds between two redraws of the bar


def wanted(quiet: bool = False, forced: bool = False) -> bool:
    """Whether to show progress: never with ``quiet``, always when ``forced``, else on terminals."""
    if quiet:
        return False
    return forced or (sys.stderr.isatty() and sys.stdout.isatty())


class Progress:
    """Counts of a run shown as it goes; ``where()`` gives (bytes read, bytes in all) for the time left."""

    def __init__(self, enabled: bool, where: Callable[[], tuple[int, int]] | None = None,
                 label: str = "summitry", out: TextIO | None = None, *, noun: str = "documents",
                 log_every: float = LOG_EVERY):
        self.enabled = enabled
        self._noun = noun
        self._log_every = log_every
        self.documents = 0
        self.events = 0
        self._where = where or (lambda: (0, 0))
        self._label = label
        self._out = out or sys.stderr
        self._started = time.monotonic()
        self._shown = 0.0
        self._bar: Any = None
        self._terminal = enabled and self._out.isatty()

    def update(self, documents: int | None = None, events: int | None = None, *,
               add_documents: int = 0, add_events: int = 0) -> None:
        """Set the counts (or add to them) and show them when it is time."""
        self.documents = (documents if documents is not None else self.documents) + add_documents
        self.events = (events if events is not None else self.events) + add_events
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._shown < (REDRAW_EVERY if self._terminal else self._log_every):
            return
        self._shown = now
        self._show(now)

    def close(self) -> None:
        if self._bar is not None:
            self._show(time.monotonic())
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _counts(self, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        return f"{self.documents:,} {self._noun}, {self.documents / elapsed:,.0f}/s, {self.events:,} events"

    def _show(self, now: float) -> None:
        done, total = self._where()
        if self._terminal:
            if self._bar is None:
                from tqdm import tqdm

                self._bar = tqdm(total=total or None, unit="B", unit_scale=True, file=self._out, desc=self._label,
                                 dynamic_ncols=True, leave=False,
                                 bar_format="{desc} {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]"
                                 if total else "{desc} {postfix} [{elapsed}]")
            self._bar.n = min(done, total) if total else done
            self._bar.set_postfix_str(self._counts(now), refresh=False)
            self._bar.refresh()
            return
        line = f"{self._label}: {self._counts(now)}"
        if total and done:
            left = (now - self._started) * (total - done) / done
            line += f", {100 * done / total:.0f}% of the input read, about {_duration(left)} left"
        print(line, file=self._out, flush=True)


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
