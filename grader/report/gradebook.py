"""gradebook.csv: one row per student, for import into a learning management system.

Columns: ``student`` (id: the LMS's identifier for a recognized download, see grader.lms; else the folder or file
name), ``name`` (readable), one column per exercise of the assignment (points), ``total``, ``max_total``,
``status`` (``graded``, or what went wrong for this student), ``submission_sha256``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from grader.fileio import write_text_atomic


@dataclass(frozen=True)
class Row:
    student: str
    scores: dict[str, float]
    total: float
    max_total: float
    status: str
    sha256: str = ""
    name: str = ""
    """A readable name beside the id (the LMS's, else the entry's own)."""


def columns(exercises: list[str]) -> list[str]:
    return ["student", "name", *exercises, "total", "max_total", "status", "submission_sha256"]


def write_gradebook(rows: list[Row], path: Path, exercises: list[str]) -> None:
    """``exercises``: the assignment's, in order, one column each (they also tell a course merge which
    assignment the file is for: exercise names are unique across assignments)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns(exercises))
    for row in sorted(rows, key=lambda r: r.student):
        writer.writerow([row.student, row.name, *[f"{row.scores.get(e, 0):g}" for e in exercises],
                         f"{row.total:g}", f"{row.max_total:g}", row.status, row.sha256])
    write_text_atomic(path, buffer.getvalue())
