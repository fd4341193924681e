"""Catch rate, diagnosis rate and false failures on tests/corpus, and the grading time per submission.

Run: python bench/corpus_report.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus_build import build, cases  # noqa: E402
from grader.grade import grade_submissions  # noqa: E402


def main() -> int:
    wrong, correct = cases("wrong"), cases("correct")
    with tempfile.TemporaryDirectory() as tmp:
        folders = [build(case, Path(tmp)) for case in wrong + correct]
        started = time.monotonic()
        results = grade_submissions(folders)
        seconds = time.monotonic() - started
    by_case = dict(zip([c.id for c in wrong + correct], results))
    caught = named = collateral = 0
    for case in wrong:
        exercises = {e.exercise: e for e in by_case[case.id].exercises}
        target = exercises[case.expect["exercise"]]
        feedback = "\n".join(c.feedback for c in target.checks if not c.passed)
        caught += target.score < target.max_score
        named += all(phrase in feedback for phrase in case.expect["feedback"])
        collateral += any(e.score < e.max_score for n, e in exercises.items() if n != case.expect["exercise"])
        if target.score == target.max_score or not all(p in feedback for p in case.expect["feedback"]):
            print(f"  missed or unnamed: {case.id}")
    false_failures = sum(r.score < r.max_score for r in (by_case[c.id] for c in correct))
    print(f"wrong submissions:   {len(wrong)}")
    print(f"caught:              {caught}/{len(wrong)} = {caught / len(wrong):.0%}")
    print(f"mistake named:       {named}/{len(wrong)} = {named / len(wrong):.0%}")
    print(f"marks lost elsewhere:{collateral:>3}")
    print(f"correct submissions: {len(correct)}, false failures: {false_failures}")
    total = len(wrong) + len(correct)
    print(f"graded {total} submissions in {seconds:.1f} s ({seconds / total:.2f} s each, reference cache warm or not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
