"""course: several assignments' gradebooks merged into one CSV, one column per assignment."""

from __future__ import annotations

import csv

import pytest

from conftest import EXERCISES, run_cli
from grader.report.course import CourseError, merge_gradebooks
from grader.report.gradebook import Row, write_gradebook

NAMES = [e.name for e in EXERCISES]


def _book(path, rows, exercises=NAMES):
    path.parent.mkdir(parents=True, exist_ok=True)
    write_gradebook(rows, path, exercises)
    return path


def _read(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def books(tmp_path):
    first = _book(tmp_path / "reg" / "gradebook.csv", [
        Row("kim", {"L1": 11, "Dropout": 20}, 31, 129, "graded"),
        Row("lee", {}, 0, 0, "unreadable: not a zip"),
    ])
    second = _book(tmp_path / "opt.csv", [Row("kim", {"SGD": 7}, 7, 10, "graded"), Row("park", {"SGD": 10}, 10, 10, "graded")],
                   ["SGD"])
    return first, second


def test_one_column_per_assignment_and_the_missing_ones_named(books, tmp_path):
    first, second = books
    course = merge_gradebooks([str(first.parent), f"optimization={second}"], tmp_path / "course.csv")
    assert course.assignments == ["regularization", "optimization"]
    rows = {row["student"]: row for row in _read(tmp_path / "course.csv")}
    assert list(rows["kim"]) == ["student", "regularization", "optimization", "total", "max_total", "missing"]
    assert rows["kim"] == {"student": "kim", "regularization": "31", "optimization": "7", "total": "38",
                            "max_total": "139", "missing": ""}
    assert rows["park"]["regularization"] == "" and rows["park"]["missing"] == "regularization"
    assert rows["lee"]["regularization"] == "0" and rows["lee"]["missing"] == "optimization"


def test_a_gradebook_it_cannot_place_is_refused_with_the_reason(books, tmp_path):
    first, second = books
    with pytest.raises(CourseError, match="no installed assignment's: name it as NAME="):
        merge_gradebooks([str(second)], tmp_path / "course.csv")
    with pytest.raises(CourseError, match="Two gradebooks for the assignment regularization"):
        merge_gradebooks([str(first), str(first)], tmp_path / "course.csv")
    other = tmp_path / "other.csv"
    other.write_text("name,score\nkim,3\n")
    with pytest.raises(CourseError, match="is not a gradebook written by grade-class"):
        merge_gradebooks([str(other)], tmp_path / "course.csv")
    assert not (tmp_path / "course.csv").exists()


def test_the_course_command(books, tmp_path):
    first, second = books
    out = run_cli("course", str(first), f"optimization={second}", "--out", str(tmp_path / "course.csv"))
    assert out.returncode == 0, out.stderr
    assert "3 students, 2 assignments (regularization /129, optimization /10)" in out.stdout
    missing = run_cli("course", str(tmp_path / "nowhere.csv"), "--out", str(tmp_path / "x.csv"))
    assert missing.returncode == 2 and "Cannot read the gradebook" in missing.stderr


def test_the_gradebook_status_follows_the_language(tmp_path):
    rows = [Row("kim", {}, 0, 129, "not attempted"),
            Row("lee", {}, 100, 129, "trouble: Dropout: dropout.py is missing from the submission: Dropout is defined there.")]
    english = {r["student"]: r["status"] for r in _read(_book(tmp_path / "en.csv", rows))}
    write_gradebook(rows, tmp_path / "ko.csv", NAMES, "ko")
    korean = {r["student"]: r["status"] for r in _read(tmp_path / "ko.csv")}
    assert english == {"kim": "not attempted", "lee": rows[1].status}
    assert korean["kim"] == "아직 풀지 않음"
    assert korean["lee"].startswith("문제 발생: Dropout: 제출물에 dropout.py 파일이 없습니다")


def test_gradebooks_with_and_without_the_name_column_both_merge(tmp_path):
    new = _book(tmp_path / "new.csv", [Row("1234", {"SGD": 7}, 7, 10, "graded", name="leejieun")], ["SGD"])
    assert new.read_text().splitlines()[0] == "student,name,SGD,total,max_total,status,submission_sha256"
    old = tmp_path / "old.csv"
    old.write_text(f"student,{','.join(NAMES)},total,max_total,status,submission_sha256\n"
                   f"kim,{','.join('0' * len(NAMES))},11,129,graded,\n")
    course = merge_gradebooks([f"optimization={new}", str(old)], tmp_path / "course.csv")
    assert course.assignments == ["optimization", "regularization"]
    assert course.students == {"1234": {"optimization": 7.0}, "kim": {"regularization": 11.0}}


def test_both_installed_assignments_are_recognised_by_their_columns(books, tmp_path):
    from grader import packs

    first, _ = books
    training = [e.name for e in packs.get("regularized_training").exercises]
    second = _book(tmp_path / "training" / "gradebook.csv", [Row("kim", {"MixUp": 15, "EarlyStopping": 18}, 33, 108, "graded")],
                   training)
    course = merge_gradebooks([str(second.parent), str(first.parent)], tmp_path / "course.csv")
    assert course.assignments == ["regularized_training", "regularization"]
    kim = {row["student"]: row for row in _read(tmp_path / "course.csv")}["kim"]
    assert (kim["regularized_training"], kim["regularization"], kim["total"], kim["max_total"]) == ("33", "31", "64", "237")
