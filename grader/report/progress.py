"""Progress on the command line: live in a terminal, plain lines where the output is kept.

A notebook's `!python -m grader check` runs under a pseudo-terminal, so rich would draw its spinner
there too, and the cell's saved output would keep every frame. Jupyter (and Colab) tell their
children through the environment; a pipe or a CI log is no terminal at all.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

_NOTEBOOK_VARIABLES = ("JPY_PARENT_PID", "COLAB_RELEASE_TAG")
PLAIN_STEPS = 10
"""A class's plain progress: a line at each tenth of the exercises, and at the end."""


def live(console: Console) -> bool:
    """True where a redrawn spinner or bar is seen as it runs, not stored frame by frame."""
    return console.is_terminal and not any(name in os.environ for name in _NOTEBOOK_VARIABLES)


class Status(AbstractContextManager):
    """One submission's progress: a spinner, or one line per update."""

    def __init__(self, console: Console, text: str):
        self.console = console
        self._status = console.status(text) if live(console) else None
        self._first = text

    def __enter__(self) -> "Status":
        if self._status is not None:
            self._status.__enter__()
        else:
            self.console.print(self._first, markup=False, highlight=False)
        return self

    def __exit__(self, *exc) -> None:
        if self._status is not None:
            self._status.__exit__(*exc)

    def update(self, text: str) -> None:
        if self._status is not None:
            self._status.update(text)
        else:
            self.console.print(text, markup=False, highlight=False)


class ClassProgress(AbstractContextManager):
    """A class's progress over its exercises: a bar, or a line at each tenth and at the end."""

    def __init__(self, console: Console, starting: str, unit: str):
        self.console = console
        self.total: int | None = None
        self.done = 0
        self._shown = -1
        self._bar = None
        if live(console):
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                       TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
            self._bar = Progress(*columns, console=console, transient=False)
            self._task = self._bar.add_task(starting, total=None)
        else:
            console.print(starting, markup=False, highlight=False)
        self.unit = unit

    def __enter__(self) -> "ClassProgress":
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def start(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def advance(self, description: str) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=description)
            return
        step = self.done * PLAIN_STEPS // self.total if self.total else PLAIN_STEPS
        if step > self._shown:
            self._shown = step
            self.console.print(f"{self.done}/{self.total} {self.unit}: {description}", markup=False, highlight=False)

    def finish(self, description: str) -> None:
        """The end: the bar full (a student with a missing file has fewer exercises to run than counted)."""
        if self._bar is not None and self.total:
            self._bar.update(self._task, total=self.total, completed=self.total, description=description)
            return
        if self._bar is not None:  # nothing ran: a 0/0 bar would say less than the line
            self._bar.remove_task(self._task)
        self.console.print(description, markup=False, highlight=False)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
