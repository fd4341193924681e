"""moodle_import.csv: a class's totals as a Moodle assignment's grading worksheet (Upload grading worksheet).

Written only for a class folder recognized as Moodle's *Download all submissions* (grader.lms). Columns:
``Identifier``, ``Full name``, ``Grade``, ``Maximum Grade``, ``Last modified (grade)``, named as in the
worksheet Moodle itself offers for download.

The worksheet importer finds each row's student by ``Identifier``, written ``Participant <id>`` with the
participant id from the download's names, and reads ``Grade``; it needs ``Last modified (grade)`` as well, and
by default skips a row whose grade was changed in Moodle after that time, so a grade entered by hand since
this run is kept. Uploads that could not be read have no row, so the import leaves those students alone.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone
from pathlib import Path

from grader.fileio import write_text_atomic
from grader.lms import Person
from grader.report.gradebook import Row

COLUMNS = ["Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)"]
# What Moodle writes before the participant id in the Identifier column (English language pack).
PARTICIPANT = "Participant "


def write_moodle_import(rows: list[Row], people: dict[str, Person], path: Path, now: datetime | None = None) -> None:
    """``people``: student id -> the Moodle participant (grader.roster.Roster.people); rows of anyone else
    are left out. ``now``: the time written as each grade's last change (default: the current time)."""
    stamp = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")  # PHP's strtotime reads ISO 8601
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: r.student):
        if row.student not in people or row.status.startswith("unreadable"):
            continue
        person = people[row.student]
        writer.writerow([PARTICIPANT + person.id, person.name, f"{row.total:g}", f"{row.max_total:g}", stamp])
    write_text_atomic(path, buffer.getvalue())
