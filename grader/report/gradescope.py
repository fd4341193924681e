"""results.json in Gradescope's autograder schema; the only module that knows that format."""

from __future__ import annotations

import json
from pathlib import Path

from grader.checks import cause_of
from grader.fileio import write_text_atomic
from grader.grade import GradingResult
from grader.i18n import DEFAULT_LANG, check_name, translate, ui

# Gradescope rejects large results; the student's printed output is the only unbounded part.
MAX_BYTES = 1_000_000
_OUTPUT_BUDGET = 8_000


def results_dict(result: GradingResult, lang: str = DEFAULT_LANG) -> dict:
    tests = []
    for exercise in result.exercises:
        for check in exercise.checks:
            test = {
                "name": f"{exercise.exercise}: {check_name(check.name, lang)}",
                "score": round(check.score, 4),
                "max_score": round(check.max_score, 4),
                "status": "passed" if check.passed else "failed",
                "output": ui("passed", lang) if check.passed else translate(check.feedback, lang),
                "visibility": check.visibility,
                "tags": [exercise.exercise],
                # Gradescope's spec gives each test an "extra_data" object, stored and not shown.
                "extra_data": {"public": check.public, **_diagnosis(check.mistake)},
            }
            if check.advice:
                test["output"] = (ui("advice_prefix", lang) + test["output"]) if not check.passed \
                    else ui("passed_advice", lang)
            tests.append(test)
    printed = [
        f"{ui('printed_while', lang, exercise=e.exercise)}\n{e.output[:_OUTPUT_BUDGET]}"
        for e in result.exercises if e.output.strip()
    ]
    summary = ui("total_line", lang, score=f"{result.score:g}", max_score=f"{result.max_score:g}")
    return {
        "score": round(result.score, 4),
        "output": "\n\n".join([summary, *printed]),
        "tests": tests,
        "extra_data": {"provenance": result.provenance},
    }


def write_results(result: GradingResult, path: Path | str, extra: dict | None = None, lang: str = DEFAULT_LANG) -> dict:
    data = results_dict(result, lang)
    data["extra_data"].update(extra or {})
    text = json.dumps(data, indent=1, ensure_ascii=False)
    if len(text.encode()) > MAX_BYTES:
        data["output"] = data["output"][:2000] + ui("output_truncated", lang)
        for test in data["tests"]:
            test["output"] = test["output"][:2000]
        text = json.dumps(data, indent=1, ensure_ascii=False)
    write_text_atomic(Path(path), text + "\n")
    return data


def _diagnosis(mistake: str | None) -> dict:
    """The mistake a failed check names, and the cause class reports count it under when it has one."""
    if not mistake:
        return {}
    cause = cause_of(mistake)
    return {"mistake": str(mistake), **({"mistake_cause": cause} if cause != mistake else {})}
