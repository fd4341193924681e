"""The readable report: one line per exercise, then the failed checks with their feedback."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from grader.grade import GradingResult
from grader.i18n import DEFAULT_LANG, check_name, translate, ui
from grader.report.feedback_md import files_lines


def print_report(result: GradingResult, console: Console | None = None, lang: str = DEFAULT_LANG,
                 public_only: bool = False) -> None:
    """``public_only``: the result of `python -m grader check`, which runs the public checks only: the
    report counts checks passed rather than points, and says that hidden checks count as well."""
    console = console or Console()
    title = ui("public_title" if public_only else "report_title", lang, submission=result.submission)
    table = Table(title=title, title_justify="left")
    table.add_column(ui("exercise", lang))
    if not public_only:
        table.add_column(ui("score", lang), justify="right")
    table.add_column(ui("public_checks_passed" if public_only else "checks_passed", lang), justify="right")
    for exercise in result.exercises:
        passed = sum(c.passed for c in exercise.checks)
        full = exercise.score == exercise.max_score
        counts = f"{passed} / {len(exercise.checks)}"
        if public_only:
            table.add_row(exercise.exercise, Text(counts, style="green" if passed == len(exercise.checks) else "red"))
        else:
            score = Text(f"{exercise.score:g} / {exercise.max_score:g}", style="green" if full else "red")
            table.add_row(exercise.exercise, score, counts)
    if not public_only:
        table.add_section()
        table.add_row(ui("total", lang), Text(f"{result.score:g} / {result.max_score:g}", style="bold"), "")
    console.print(table)
    for index, line in enumerate(files_lines(result, lang)):
        console.print(Text(line, style="dim" if index == 0 and result.provenance.get("read") else "yellow"))
    if public_only:
        checks = [c for e in result.exercises for c in e.checks]
        console.print(Text(ui("public_score", lang, passed=sum(c.passed for c in checks), total=len(checks)),
                           style="bold"))
        console.print(Text(ui("public_notice", lang), style="yellow"))
    for exercise in result.exercises:
        failed = [c for c in exercise.checks if not c.passed]
        if not failed:
            continue
        console.print(Text(f"\n{exercise.exercise}", style="bold"))
        # Checks that failed for one reason (e.g. an import error) are listed under that reason once.
        by_feedback: dict[str, list] = {}
        for check in failed:
            by_feedback.setdefault(check.feedback, []).append(check)
        for feedback, group in by_feedback.items():
            for check in group:
                # Points are no grade in a public-checks report: only advice keeps its label there.
                label = ui("advice", lang) if check.advice else "" if public_only else f"0 / {check.max_score:g}"
                label = f" [{label}]" if label else ""
                console.print(Text(f"  ✗ {check_name(check.name, lang)}{label}", style="red"))
            console.print(Text(f"    {translate(feedback, lang)}"))
        if exercise.output.strip():
            console.print(Text(f"    {ui('your_code_printed', lang)}", style="dim"))
            console.print(Text("    " + exercise.output.strip()[:600].replace("\n", "\n    "), style="dim"))


def print_class_summary(report, out, console: Console | None = None, lang: str = DEFAULT_LANG) -> None:
    """What an instructor needs after grading a class: counts, where the files are, who hit trouble."""
    console = console or Console()
    scores = [row.total for row in report.rows if row.max_total]
    mean = sum(scores) / len(scores) if scores else 0.0
    download = report.download
    if download is not None:
        console.print(ui("class_download", lang, lms=download.title, students=download.students, files=download.files))
    console.print(ui("class_counts", lang, students=len(report.rows), graded=report.graded, skipped=report.skipped,
                     seconds=report.seconds, mean=mean))
    console.print(ui("class_files", lang, gradebook=out / "gradebook.csv", out=out))
    for path in report.imports:
        console.print(ui("class_import", lang, lms=download.title, path=path))
    if not report.trouble:
        console.print(ui("class_no_trouble", lang))
        return
    table = Table(title=ui("class_trouble_title", lang, count=len(report.trouble)), title_justify="left")
    table.add_column(ui("student", lang))
    table.add_column(ui("what_happened", lang))
    for student in sorted(report.trouble):
        table.add_row(student, Text("\n".join(translate(line, lang) for line in report.trouble[student])[:500]))
    console.print(table)
