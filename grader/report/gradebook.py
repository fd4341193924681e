"""gradebook.csv: one row per student, for import into a learning management system.

Columns: ``student`` (id, the folder or file name), one column per exercise (points), ``total``,
``max_total``, ``status`` (``graded``, or what went wrong for this student), ``submission_sha256``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from grader.exercises import EXERCISES
from grader.fileio import write_text_atomic


@dataclass(frozen=True)
class Row:
    student: str
    scores: dict[str, float]
    total: float
    max_total: float
    status: str
    sha256: str = ""


COLUMNS = ["student", *[e.name for e in EXERCISES], "total", "max_total", "status", "submission_sha256"]


def write_gradebook(rows: list[Row], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: r.student):
        writer.writerow([row.student, *[f"{row.scores.get(e.name, 0):g}" for e in EXERCISES],
                         f"{row.total:g}", f"{row.max_total:g}", row.status, row.sha256])
    write_text_atomic(path, buffer.getvalue())
