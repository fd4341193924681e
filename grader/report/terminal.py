"""The readable report: one line per exercise, then the failed checks with their feedback."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from grader.grade import GradingResult


def print_report(result: GradingResult, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"Grading report: {result.submission}", title_justify="left")
    table.add_column("Exercise")
    table.add_column("Score", justify="right")
    table.add_column("Checks passed", justify="right")
    for exercise in result.exercises:
        passed = sum(c.passed for c in exercise.checks)
        full = exercise.score == exercise.max_score
        table.add_row(
            exercise.exercise,
            Text(f"{exercise.score:g} / {exercise.max_score:g}", style="green" if full else "red"),
            f"{passed} / {len(exercise.checks)}",
        )
    table.add_section()
    table.add_row("Total", Text(f"{result.score:g} / {result.max_score:g}", style="bold"), "")
    console.print(table)
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
                label = "advice" if check.advice else f"0 / {check.max_score:g}"
                console.print(Text(f"  ✗ {check.name} [{label}]", style="red"))
            console.print(Text(f"    {feedback}"))
        if exercise.output.strip():
            console.print(Text("    Your code printed:", style="dim"))
            console.print(Text("    " + exercise.output.strip()[:600].replace("\n", "\n    "), style="dim"))


def print_class_summary(report, out, console: Console | None = None) -> None:
    """What an instructor needs after grading a class: counts, where the files are, who hit trouble."""
    console = console or Console()
    scores = [row.total for row in report.rows if row.max_total]
    mean = sum(scores) / len(scores) if scores else 0.0
    console.print(f"{len(report.rows)} students: {report.graded} graded, {report.skipped} unchanged since the last run "
                  f"(skipped), in {report.seconds:.1f} s. Mean total {mean:.1f}.")
    console.print(f"Gradebook: {out / 'gradebook.csv'}; per student: {out}/<student>/results.json and feedback.md")
    if not report.trouble:
        console.print("No student's grading hit trouble.")
        return
    table = Table(title=f"{len(report.trouble)} student(s) whose grading hit trouble", title_justify="left")
    table.add_column("Student")
    table.add_column("What happened")
    for student in sorted(report.trouble):
        table.add_row(student, Text("\n".join(report.trouble[student])[:500]))
    console.print(table)
