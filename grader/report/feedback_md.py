"""feedback.md for one student; the only module that knows that format."""

from __future__ import annotations

from grader.grade import GradingResult
from grader.i18n import DEFAULT_LANG, check_name, translate, ui


def files_lines(result: GradingResult, lang: str = DEFAULT_LANG) -> list[str]:
    """Which submitted files the grade comes from, and which were not read."""
    read, unread = result.provenance.get("read") or [], result.provenance.get("unread") or []
    lines = [ui("files_read", lang, files=", ".join(read))] if read else []
    return lines + ([ui("files_unread", lang, files=", ".join(unread))] if unread else [])


def feedback_markdown(result: GradingResult, lang: str = DEFAULT_LANG, public_only: bool = False) -> str:
    """``public_only``: the result of `python -m grader check` (public checks only): counts checks passed
    instead of points, and says that hidden checks count as well."""
    exercise_col = ui("exercise", lang)
    passed_col = ui("public_checks_passed" if public_only else "checks_passed", lang)
    if public_only:
        checks = [c for e in result.exercises for c in e.checks]
        lines = [f"# {ui('public_title', lang, submission=result.submission)}", "",
                 f"**{ui('public_score', lang, passed=sum(c.passed for c in checks), total=len(checks))}**", "",
                 f"> {ui('public_notice', lang)}", "",
                 f"| {exercise_col} | {passed_col} |", "|---|---:|"]
    else:
        lines = [ui("feedback_title", lang, submission=result.submission), "",
                 f"**{ui('total_line', lang, score=f'{result.score:g}', max_score=f'{result.max_score:g}')}**", "",
                 f"| {exercise_col} | {ui('score', lang)} | {passed_col} |", "|---|---:|---:|"]
    read = files_lines(result, lang)
    if read:  # before the table: which files the grade comes from
        lines[-2:-2] = [*read, ""]
    for exercise in result.exercises:
        passed = f"{sum(c.passed for c in exercise.checks)} / {len(exercise.checks)}"
        score = "" if public_only else f" {exercise.score:g} / {exercise.max_score:g} |"
        lines.append(f"| {exercise.exercise} |{score} {passed} |")
    for exercise in result.exercises:
        failed = [c for c in exercise.checks if not c.passed]
        if not failed and not exercise.output.strip():
            continue
        lines += ["", f"## {exercise.exercise}"]
        if exercise.failure:
            lines += ["", f"**{translate(exercise.failure, lang)}**", "",
                      ui("needs_this", lang, count=len(failed), exercise=exercise.exercise)]
        else:
            for check in failed:
                label = ui("advice_label", lang) if check.advice else "" if public_only else f"0 / {check.max_score:g}"
                lines += ["", f"- **{check_name(check.name, lang)}**{f' ({label})' if label else ''}  ",
                          f"  {translate(check.feedback, lang)}"]
        if exercise.output.strip():
            lines += ["", ui("what_your_code_printed", lang), "", "```text", exercise.output.strip(), "```"]
    return "\n".join(lines) + "\n"
