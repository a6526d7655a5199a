"""Progress of a refresh: a rich progress bar on a terminal, one plain line per file otherwise.

Logs and CI capture stderr without a terminal, where a redrawn bar turns into noise; there each
finished file gets one line instead. Files served from the cache are counted, not listed.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from typing import Protocol, TextIO

from .workers import Outcome


class ProgressReporter(Protocol):
    def done(self, outcome: Outcome) -> None: ...


class LineProgress(AbstractContextManager):
    """`[3/40] sub/plan.pdf: 27 actions (1.2 s)` per file, to a stream that is not a terminal."""

    def __init__(self, total: int, cached: int, stream: TextIO):
        self.total, self.count, self.stream = total, 0, stream
        if cached:
            print(f"{cached} unchanged files taken from the cache", file=stream, flush=True)
        if total:
            print(f"processing {total} files", file=stream, flush=True)

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        print(f"[{self.count}/{self.total}] {describe(outcome)}", file=self.stream, flush=True)

    def __exit__(self, *exc: object) -> None:
        return None


class BarProgress(AbstractContextManager):
    """A rich bar with the count, elapsed time and the last finished file."""

    def __init__(self, total: int, cached: int, stream: TextIO):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("refresh"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}", style="dim"),
            console=Console(file=stream),
            transient=True,
        )
        if cached:
            self.progress.console.print(f"{cached} unchanged files taken from the cache")
        self.task = self.progress.add_task("", total=total)

    def __enter__(self) -> BarProgress:
        self.progress.start()
        return self

    def done(self, outcome: Outcome) -> None:
        from rich.markup import escape

        if outcome.error is not None:
            name, result = outcome.task.source_file, _result_text(outcome)
            failed = f"{escape(name)}: [red]FAILED[/red]{escape(result.removeprefix('FAILED'))}"
            self.progress.console.print(failed, highlight=False)
        self.progress.update(self.task, advance=1, description=escape(outcome.task.source_file))

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def progress_for(total: int, cached: int, stream: TextIO | None = None) -> LineProgress | BarProgress:
    """A bar when `stream` (default stderr) is a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    if stream.isatty():
        return BarProgress(total, cached, stream)
    return LineProgress(total, cached, stream)


def describe(outcome: Outcome) -> str:
    """`name: 27 actions (1.2 s)` or `name: FAILED [stage] why (1.2 s)`."""
    return f"{outcome.task.source_file}: {_result_text(outcome)}"


def _result_text(outcome: Outcome) -> str:
    if outcome.error is not None:
        return f"FAILED [{outcome.error.stage}] {outcome.error.error} ({outcome.seconds:.1f} s)"
    rows = len(outcome.result.rows) if outcome.result else 0
    return f"{rows} actions ({outcome.seconds:.1f} s)"
