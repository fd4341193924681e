"""feedback.md for one student; the only module that knows that format."""

from __future__ import annotations

from grader.grade import GradingResult


def feedback_markdown(result: GradingResult) -> str:
    lines = [f"# Feedback for {result.submission}", "", f"**Total: {result.score:g} / {result.max_score:g}**", "",
             "| Exercise | Score | Checks passed |", "|---|---:|---:|"]
    for exercise in result.exercises:
        passed = sum(c.passed for c in exercise.checks)
        lines.append(f"| {exercise.exercise} | {exercise.score:g} / {exercise.max_score:g} | {passed} / {len(exercise.checks)} |")
    for exercise in result.exercises:
        failed = [c for c in exercise.checks if not c.passed]
        if not failed and not exercise.output.strip():
            continue
        lines += ["", f"## {exercise.exercise}"]
        if exercise.failure:
            lines += ["", f"**{exercise.failure}**", "", f"All {len(failed)} checks of {exercise.exercise} need this to work."]
        else:
            for check in failed:
                label = "advice, 0 points" if check.advice else f"0 / {check.max_score:g}"
                lines += ["", f"- **{check.name}** ({label})  ", f"  {check.feedback}"]
        if exercise.output.strip():
            lines += ["", "What your code printed:", "", "```text", exercise.output.strip(), "```"]
    return "\n".join(lines) + "\n"
