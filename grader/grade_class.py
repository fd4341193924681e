"""Grade a whole class: roster -> grade (one warm worker pool) -> per-student files -> gradebook.

A class folder recognized as an LMS download (grader.lms) is graded under the LMS's student ids, and the
gradebook is also written as that LMS's import file where the kit knows it (Canvas, Moodle).

Each student's results.json, feedback.md and feedback.html are written atomically as soon as that
student is graded, so an interrupted run loses nothing already written; a rerun skips students whose
submission and reference are unchanged (by content hash). Every run ends with gradebook.csv and
report.html: a row per student entry now in the class folder, from that student's results.json, graded
in this run or not (a folder left in the output by a student no longer in the class is not read).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from grader import __version__, packs, settings
from grader.fileio import write_text_atomic
from grader.grade import GradingResult, grade_submissions
from grader.lms import Download
from grader.load import Submission
from grader.packs import Pack
from grader.reference import cache_key
from grader.report.canvas_import import write_canvas_import
from grader.report.feedback_md import feedback_markdown
from grader.report.gradebook import Row, write_gradebook
from grader.report.gradescope import write_results
from grader.report.html import class_report_html, feedback_html, unreadable_feedback_html
from grader.report.moodle_import import write_moodle_import
from grader.roster import Unreadable, assignment_of, read_roster


@dataclass
class ClassReport:
    rows: list[Row] = field(default_factory=list)
    trouble: dict[str, list[str]] = field(default_factory=dict)
    """Student -> what went wrong beyond wrong answers (unreadable upload, crash, timeout, missing file)."""
    assignment: str = ""
    graded: int = 0
    skipped: int = 0
    seconds: float = 0.0
    download: Download | None = None
    """The LMS download the class folder was recognized as, if any (grader.lms)."""
    imports: list[Path] = field(default_factory=list)
    """The grade files written for that LMS's import (canvas_import.csv, moodle_import.csv)."""


def trouble_of(result: GradingResult) -> list[str]:
    """What went wrong beyond wrong answers; an exercise not attempted yet is no trouble."""
    return [f"{e.exercise}: {e.failure}" for e in result.exercises if e.failure and e.attempted]


def _status(trouble: list[str]) -> str:
    return "graded" if not trouble else "trouble: " + "; ".join(trouble)[:300]


def _row(result: GradingResult, sha: str) -> Row:
    status = _status(trouble_of(result)) if any(e.attempted for e in result.exercises) else NOT_ATTEMPTED
    return Row(result.submission, {e.exercise: e.score for e in result.exercises}, result.score, result.max_score,
               status, sha)


def _previous(folder: Path, submission: Submission, key: str, lang: str) -> Row | None:
    """The row of an earlier run, if its results.json is for this exact submission, reference and language."""
    path = folder / "results.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        provenance = data["extra_data"]["provenance"]
        if (provenance["submission_sha256"], provenance["reference_key"], provenance["kit_version"],
                data["extra_data"].get("lang", "en")) != (submission.content_hash(), key, __version__, lang):
            return None
        scores: dict[str, float] = {}
        for test in data["tests"]:
            scores[test["tags"][0]] = scores.get(test["tags"][0], 0.0) + float(test["score"])
        maximum = sum(float(t["max_score"]) for t in data["tests"])
        trouble = data["extra_data"].get("trouble", [])
        status = data["extra_data"].get("status") or _status(trouble)
        return Row(submission.name, scores, float(data["score"]), maximum, status, provenance["submission_sha256"])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


NOT_ATTEMPTED = "not attempted"
"""The status of a submission whose every exercise still raises the skeleton's NotImplementedError."""


class EmptyClass(ValueError):
    """The class folder holds no student entry: nothing is written."""


def grade_class(
    directory: Path,
    out: Path,
    *,
    parallel: int | None = None,
    timeout: float = settings.EXERCISE_TIMEOUT_S,
    sandbox: str = settings.SANDBOX,
    force: bool = False,
    lang: str = "en",
    assignment: str | Pack | None = None,
    solutions: Path | None = None,
    on_start: Callable[[int], None] | None = None,
    on_exercise: Callable[[str, str], None] | None = None,
) -> ClassReport:
    """Grade every student entry of ``directory`` into ``out`` as ``assignment`` (a pack or its name;
    default: the one the folder fits, packs.PackError if not one); see the module docstring."""
    started = time.monotonic()
    if not any(p for p in Path(directory).iterdir() if not p.name.startswith(".") and p.resolve() != Path(out).resolve()):
        raise EmptyClass(directory)
    try:
        pack = assignment if isinstance(assignment, Pack) else packs.get(assignment) if assignment else \
            assignment_of(directory, exclude=out)
    except packs.PackError:
        # Nothing that could be a submission at all says more than "fits no assignment".
        if not any(read_roster(directory, exclude=out, assignment=p).entries for p in packs.all_packs().values()):
            raise EmptyClass(directory) from None
        raise
    roster = read_roster(directory, exclude=out, assignment=pack)
    entries = roster.entries
    if not entries:
        raise EmptyClass(directory)
    out.mkdir(parents=True, exist_ok=True)
    report = ClassReport(assignment=pack.name, download=roster.download)
    key = cache_key(pack, solutions)
    to_grade: list[Submission] = []
    for entry in entries:
        folder = out / entry.name
        if isinstance(entry, Unreadable):
            _write_unreadable(folder, entry, lang)
            report.rows.append(Row(entry.name, {}, 0.0, 0.0, f"unreadable: {entry.reason}"[:300]))
            report.trouble[entry.name] = [entry.reason]
            continue
        previous = None if force else _previous(folder, entry, key, lang)
        if previous is not None:
            report.rows.append(previous)
            report.skipped += 1
            if previous.status != "graded":
                report.trouble[entry.name] = [previous.status.removeprefix("trouble: ")]
        else:
            to_grade.append(entry)
    if on_start is not None:
        on_start(len(to_grade) * len(pack.exercises))

    def save(result: GradingResult) -> None:
        folder = out / result.submission
        trouble = trouble_of(result)
        row = _row(result, result.provenance["submission_sha256"])
        write_results(result, folder / "results.json", extra={"trouble": trouble, "lang": lang, "status": row.status},
                      lang=lang)
        write_text_atomic(folder / "feedback.md", feedback_markdown(result, lang=lang))
        write_text_atomic(folder / "feedback.html", feedback_html(result, lang=lang))
        report.rows.append(row)
        if trouble:
            report.trouble[result.submission] = trouble
        report.graded += 1

    if to_grade:
        grade_submissions(to_grade, parallel=parallel, timeout=timeout, sandbox=sandbox, assignment=pack,
                          solutions=solutions, on_exercise=on_exercise, on_submission=save)
    exercises = [e.name for e in pack.exercises]
    report.rows = [replace(row, name=roster.names.get(row.student, "")) for row in report.rows]
    write_gradebook(report.rows, out / "gradebook.csv", exercises, lang)
    lms = roster.download.lms if roster.download is not None else None
    if lms == "canvas":
        report.imports.append(out / "canvas_import.csv")
        write_canvas_import(report.rows, roster.people, report.imports[-1], pack.name)
    elif lms == "moodle":
        report.imports.append(out / "moodle_import.csv")
        write_moodle_import(report.rows, roster.people, report.imports[-1])
    results = {row.student: _read_results(out / row.student / "results.json") for row in report.rows}
    write_text_atomic(out / "report.html", class_report_html(report.rows, results, exercises, lang=lang))
    report.seconds = time.monotonic() - started
    return report


def _read_results(path: Path) -> dict:
    """A student's results.json; an unreadable one counts as having no tests in the class report."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_unreadable(folder: Path, entry: Unreadable, lang: str) -> None:
    data = {"score": 0.0, "output": f"The submission could not be read: {entry.reason}", "tests": [],
            "extra_data": {"trouble": [entry.reason]}}
    write_text_atomic(folder / "results.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    write_text_atomic(folder / "feedback.md", f"# Feedback for {entry.name}\n\nThe submission could not be read: {entry.reason}\n")
    write_text_atomic(folder / "feedback.html", unreadable_feedback_html(entry.name, entry.reason, lang))
