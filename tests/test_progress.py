"""Progress: a bar on terminals, nothing but the summary elsewhere, plain lines when asked for."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from summitry import progress
from summitry.progress import Progress

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus.jsonl"


def test_progress_is_wanted_on_terminals_only_unless_forced_and_never_when_quiet(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert not progress.wanted()           # output into a file or a pipe: nothing but the summary
    assert progress.wanted(forced=True)
    assert not progress.wanted(quiet=True, forced=True)
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert progress.wanted()


def test_a_progress_log_line_has_documents_rate_events_and_time_left():
    out = io.StringIO()
    bar = Progress(True, lambda: (250, 1000), label="summitry: extract", out=out, log_every=0)
    bar.update(add_documents=40, add_events=7)
    line = out.getvalue()
    assert line.startswith("summitry: extract: 40 documents, ") and "/s, 7 events" in line
    assert "25% of the input read, about" in line and "left" in line


def test_a_disabled_progress_prints_nothing():
    out = io.StringIO()
    bar = Progress(False, out=out, log_every=0)
    bar.update(add_documents=5)
    bar.close()
    assert out.getvalue() == "" and bar.documents == 5


def test_a_command_whose_output_is_not_a_terminal_prints_only_its_summary(tmp_path):
    out = tmp_path / "events.jsonl"
    run = subprocess.run([sys.executable, "-m", "summitry.cli", "extract", "--workers", "1", str(EXAMPLES),
                          "-o", str(out)], capture_output=True, text=True, check=True)
    assert run.stdout == ""
    assert run.stderr.splitlines() == [f"summitry: {len(out.read_text().splitlines())} events from 27 documents -> {out}"]


def test_on_a_terminal_it_is_a_bar_with_the_counts():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    bar = Progress(True, lambda: (500, 1000), label="summitry: ingest", out=out)
    bar.update(120, 30)
    bar.close()
    drawn = out.getvalue()
    assert "summitry: ingest" in drawn and "50%" in drawn and "120 documents" in drawn and "30 events" in drawn
