"""gradebook.csv: one row per student, for import into a learning management system.

Columns: ``student`` (id: the LMS's identifier for a recognized download, see grader.lms; else the folder or file
name), ``name`` (readable), one column per exercise of the assignment (points), ``total``, ``max_total``,
``status`` (``graded``, ``not attempted``, or what went wrong for this student; in the report's language),
``submission_sha256``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from grader.fileio import write_text_atomic
from grader.i18n import DEFAULT_LANG, translate, ui


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


def status_text(status: str, lang: str = DEFAULT_LANG) -> str:
    """A row's status in ``lang``: its kind (graded, trouble, ...) and what went wrong, if anything."""
    kind, _, detail = status.partition(": ")
    label = ui(f"status_{kind.replace(' ', '_')}", lang)
    if not detail:
        return label
    if kind == "trouble":  # "Exercise: what happened; Exercise: ...", each part on its own
        parts = [part.partition(": ") for part in detail.split("; ")]
        detail = "; ".join(f"{name}: {translate(what, lang)}" if what else translate(name, lang) for name, _, what in parts)
    else:
        detail = translate(detail, lang)
    return f"{label}: {detail}"


def write_gradebook(rows: list[Row], path: Path, exercises: list[str], lang: str = DEFAULT_LANG) -> None:
    """``exercises``: the assignment's, in order, one column each (they also tell a course merge which
    assignment the file is for: exercise names are unique across assignments). The status is in ``lang``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns(exercises))
    for row in sorted(rows, key=lambda r: r.student):
        writer.writerow([row.student, row.name, *[f"{row.scores.get(e, 0):g}" for e in exercises],
                         f"{row.total:g}", f"{row.max_total:g}", status_text(row.status, lang), row.sha256])
    write_text_atomic(path, buffer.getvalue())
