"""results.json in Gradescope's autograder schema; the only module that knows that format."""

from __future__ import annotations

import json
from pathlib import Path

from grader.fileio import write_text_atomic
from grader.grade import GradingResult

# Gradescope rejects large results; the student's printed output is the only unbounded part.
MAX_BYTES = 1_000_000
_OUTPUT_BUDGET = 8_000


def results_dict(result: GradingResult) -> dict:
    tests = []
    for exercise in result.exercises:
        for check in exercise.checks:
            test = {
                "name": f"{exercise.exercise}: {check.name}",
                "score": round(check.score, 4),
                "max_score": round(check.max_score, 4),
                "status": "passed" if check.passed else "failed",
                "output": "Passed." if check.passed else check.feedback,
                "visibility": check.visibility,
                "tags": [exercise.exercise],
            }
            if check.advice:
                test["output"] = ("Advice (0 points): " + test["output"]) if not check.passed else "Passed (advice, 0 points)."
            tests.append(test)
    printed = [
        f"--- What your code printed while {e.exercise} was graded ---\n{e.output[:_OUTPUT_BUDGET]}"
        for e in result.exercises if e.output.strip()
    ]
    summary = f"Total: {result.score:g} / {result.max_score:g}"
    return {
        "score": round(result.score, 4),
        "output": "\n\n".join([summary, *printed]),
        "tests": tests,
        "extra_data": {"provenance": result.provenance},
    }


def write_results(result: GradingResult, path: Path | str, extra: dict | None = None) -> dict:
    data = results_dict(result)
    data["extra_data"].update(extra or {})
    text = json.dumps(data, indent=1, ensure_ascii=False)
    if len(text.encode()) > MAX_BYTES:
        data["output"] = data["output"][:2000] + "\n… (output truncated)"
        for test in data["tests"]:
            test["output"] = test["output"][:2000]
        text = json.dumps(data, indent=1, ensure_ascii=False)
    write_text_atomic(Path(path), text + "\n")
    return data
