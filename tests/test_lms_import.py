"""canvas_import.csv and moodle_import.csv: the gradebook in the layout each LMS's grade import reads."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console

from grader.grade_class import ClassReport
from grader.lms import Download, Person
from grader.report.canvas_import import write_canvas_import
from grader.report.gradebook import Row
from grader.report.moodle_import import write_moodle_import
from grader.report.terminal import print_class_summary

ROWS = [Row("1234", {"Dropout": 20}, 120.5, 129, "graded", name="leejieun"),
        Row("1001", {}, 0, 0, "unreadable: not a readable zip file"),
        Row("example", {}, 129, 129, "graded")]


def _rows(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_canvas_import_has_canvas_identifier_columns_and_points_possible(tmp_path):
    people = {"1234": Person("1234", "leejieun"), "1001": Person("1001", "kimminji")}
    write_canvas_import(ROWS, people, tmp_path / "canvas_import.csv", "regularization")
    assert _rows(tmp_path / "canvas_import.csv") == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "regularization"],
        ["Points Possible", "", "", "", "", "129"],
        ["leejieun", "1234", "", "", "", "120.5"],  # the unreadable upload and the non-Canvas entry have no row
    ]


def test_moodle_import_is_a_grading_worksheet_keyed_by_participant(tmp_path):
    people = {"1234": Person("1234", "Lee Jieun"), "1001": Person("1001", "Kim Minji")}
    now = datetime(2026, 11, 30, 5, 0, tzinfo=timezone.utc)
    write_moodle_import(ROWS, people, tmp_path / "moodle_import.csv", now=now)
    assert _rows(tmp_path / "moodle_import.csv") == [
        ["Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)"],
        ["Participant 1234", "Lee Jieun", "120.5", "129", "2026-11-30T05:00:00+00:00"],
    ]


def test_class_summary_says_which_download_it_recognized(tmp_path):
    report = ClassReport(rows=ROWS, graded=2, download=Download("canvas", 12, 31),
                         imports=[Path("out/canvas_import.csv")])
    console = Console(record=True, width=200, file=io.StringIO())
    print_class_summary(report, Path("out"), console)
    text = console.export_text()
    assert text.count("Recognized a Canvas download: 12 students from 31 files.") == 1
    assert "Canvas grade import file: out/canvas_import.csv" in text
