"""Progress output: live in a terminal; plain lines in a pipe, a CI log or a notebook's `!` cell."""

from __future__ import annotations

import io

from rich.console import Console

from grader.report.progress import PLAIN_STEPS, ClassProgress, Status, live


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_a_notebook_is_not_a_live_terminal_even_under_a_pseudo_terminal(monkeypatch):
    for name in ("JPY_PARENT_PID", "COLAB_RELEASE_TAG"):
        monkeypatch.delenv(name, raising=False)
    assert live(_console(True)[0]) and not live(_console(False)[0])
    monkeypatch.setenv("JPY_PARENT_PID", "4242")
    assert not live(_console(True)[0])


def test_plain_status_prints_each_step_once_and_no_spinner(monkeypatch):
    monkeypatch.setenv("JPY_PARENT_PID", "4242")
    console, out = _console(True)
    with Status(console, "Checking: starting the worker") as status:
        status.update("Checking kim: 1 exercise(s) done, last L1")
    text = out.getvalue()
    assert text.splitlines() == ["Checking: starting the worker", "Checking kim: 1 exercise(s) done, last L1"]
    assert not any("\u2800" <= ch <= "\u28ff" for ch in text)  # no braille spinner frame


def test_plain_class_progress_prints_a_line_per_tenth_and_the_end():
    console, out = _console(False)
    with ClassProgress(console, "Grading", "exercises") as progress:
        progress.start(49)
        for index in range(48):  # one student lacked a file: one exercise fewer ran than counted
            progress.advance(f"Graded s{index // 7}")
        progress.finish("Done")
    lines = out.getvalue().splitlines()
    assert lines[0] == "Grading" and lines[-1] == "Done"
    assert len(lines) <= PLAIN_STEPS + 3 and lines[1].startswith("1/49 exercises")


def test_the_bar_ends_full_and_an_empty_rerun_says_so_instead_of_0_of_0():
    console, out = _console(True)
    with ClassProgress(console, "Grading", "exercises") as progress:
        progress.start(49)
        for _ in range(48):
            progress.advance("Graded kim")
        progress.finish("Done")
    last = [line for line in out.getvalue().splitlines() if "exercises" in line][-1]
    assert "49/49" in last and "Done" in last
    console, out = _console(True)
    with ClassProgress(console, "Grading", "exercises") as progress:
        progress.start(0)
        progress.finish("Nothing to grade")
    assert "0/0" not in out.getvalue() and "Nothing to grade" in out.getvalue()
