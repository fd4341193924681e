"""course.csv: several assignments' gradebooks (see gradebook.py) merged, one column per assignment.

Columns: ``student``, one per assignment (its total; empty where the student has no row in that
gradebook), ``total``, ``max_total`` (the sum of every assignment's maximum) and ``missing`` (the
assignments without a row for the student). Each gradebook's assignment is named as ``NAME=PATH`` or
recognised from its exercise columns: exercise names are unique across assignments.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from grader import packs
from grader.fileio import write_text_atomic

_LEADING, _NAME, _TRAILING = ["student"], "name", ["total", "max_total", "status", "submission_sha256"]


class CourseError(ValueError):
    """A gradebook cannot be read or placed; the message says which and why."""


@dataclass
class Course:
    assignments: list[str] = field(default_factory=list)
    maxima: dict[str, float] = field(default_factory=dict)
    students: dict[str, dict[str, float]] = field(default_factory=dict)
    """Student -> assignment -> total."""


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(the exercise columns, the rows) of a gradebook.csv."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CourseError(f"Cannot read the gradebook {path}: {exc.strerror or exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if header[:1] != _LEADING or header[-len(_TRAILING):] != _TRAILING:
        raise CourseError(f"{path} is not a gradebook written by grade-class: expected the columns student, [name,] "
                          f"<exercises>, {', '.join(_TRAILING)}. Received: {', '.join(header) or 'nothing'}")
    # Gradebooks from before the name column have none; no exercise is called "name".
    leading = len(_LEADING) + (header[1:2] == [_NAME])
    return header[leading:-len(_TRAILING)], list(reader)


def _assignment(exercises: list[str], path: Path) -> str:
    for pack in packs.all_packs().values():
        if set(exercises) == {e.name for e in pack.exercises}:
            return pack.name
    raise CourseError(f"The exercises of {path} ({', '.join(exercises)}) are no installed assignment's: name it "
                      f"as NAME={path}")


def _number(value: str, what: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise CourseError(f"{what}: expected a number. Received: {value!r}") from None


def merge_gradebooks(specs: list[str], out: Path) -> Course:
    """Read each ``[NAME=]PATH`` (a grade-class output folder or its gradebook.csv), write ``out``."""
    course = Course()
    for spec in specs:
        name, _, location = spec.rpartition("=") if "=" in spec and not Path(spec).exists() else ("", "", spec)
        path = Path(location)
        path = path / "gradebook.csv" if path.is_dir() else path
        exercises, rows = _read(path)
        name = name or _assignment(exercises, path)
        if name in course.maxima:
            raise CourseError(f"Two gradebooks for the assignment {name}: give each assignment once")
        course.assignments.append(name)
        maxima = [_number(row["max_total"], f"{path}, max_total of {row['student']}") for row in rows]
        course.maxima[name] = max(maxima, default=0.0)
        for row in rows:
            total = _number(row["total"], f"{path}, total of {row['student']}")
            course.students.setdefault(row["student"], {})[name] = total
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *course.assignments, "total", "max_total", "missing"])
    maximum = sum(course.maxima.values())
    for student in sorted(course.students):
        scores = course.students[student]
        writer.writerow([student, *[f"{scores[a]:g}" if a in scores else "" for a in course.assignments],
                         f"{sum(scores.values()):g}", f"{maximum:g}",
                         " ".join(a for a in course.assignments if a not in scores)])
    write_text_atomic(out, buffer.getvalue())
    return course
