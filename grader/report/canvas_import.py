"""canvas_import.csv: a class's totals in the layout Canvas's gradebook import reads (Grades → Import).

Written only for a class folder recognized as Canvas's *Download Submissions* (grader.lms). Columns, as
Canvas's own gradebook export begins: ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``, then
one column titled with the assignment. A second row, ``Points Possible``, gives the assignment's maximum.

Canvas finds each row's student by ``ID``, the user id in the download's file names; the SIS columns and
``Section`` are left empty because the download does not carry them and Canvas needs one identifier only.
The assignment column is matched to a Canvas assignment by its title, or by ``Title (assignment id)`` as in
Canvas's export; a title Canvas does not know makes a new assignment. Uploads that could not be read have
no row, so the import leaves those students' grades alone.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from grader.fileio import write_text_atomic
from grader.lms import Person
from grader.report.gradebook import Row

COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def write_canvas_import(rows: list[Row], people: dict[str, Person], path: Path, assignment: str) -> None:
    """``people``: student id -> the Canvas user (grader.roster.Roster.people); rows of anyone else are left
    out. ``assignment``: the grade column's title."""
    graded = [r for r in sorted(rows, key=lambda r: r.student)
              if r.student in people and not r.status.startswith("unreadable")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*COLUMNS, assignment])
    writer.writerow(["Points Possible", "", "", "", "", f"{max((r.max_total for r in graded), default=0):g}"])
    for row in graded:
        person = people[row.student]
        writer.writerow([person.name, person.id, "", "", "", f"{row.total:g}"])
    write_text_atomic(path, buffer.getvalue())
