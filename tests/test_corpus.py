"""Every wrong submission loses marks on its own exercise only and is named; every correct one gets full marks."""

from __future__ import annotations

from collections import Counter

import pytest

from corpus_build import FIRST, build, cases, every_case, private_paths
from grader import packs
from grader.grade import grade_submissions

WRONG = every_case("wrong")
CORRECT = every_case("correct")
# Per assignment: (wrong cases at least, correct styles at least, wrong cases at least per exercise).
SIZES = {FIRST: (30, 6, 1), "regularized_training": (35, 3, 5), "optimization": (20, 3, 2)}


def _touched(case) -> tuple[str, ...] | None:
    """The exercises whose files a wrong case changes; None (all) for a correct one.

    A wrong case is the reference with one file changed: the others are the reference's own bytes, whose
    observations are the reference's (the probes are seeded), so only the changed files' exercises are
    graded. Leaks between exercises through the process are test_broken.py's subject.
    """
    if case.kind != "wrong":
        return None
    changed = {path.name for path in case.folder.glob("*.py")} | ({case.expect["file"]} if "replace" in case.expect else set())
    return tuple(e.name for e in case.pack.exercises if e.filename in changed)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """All corpus submissions, one pass per assignment: each case graded on the exercises of its changed files."""
    root = tmp_path_factory.mktemp("corpus")
    groups: dict[str, list] = {}
    for case in WRONG + CORRECT:
        groups.setdefault(case.assignment, []).append(case)
    graded = {}
    for assignment, group in groups.items():
        results = grade_submissions([build(case, root) for case in group], assignment=assignment,
                                    exercises_of=[_touched(case) for case in group])
        graded.update({case.id: result for case, result in zip(group, results)})
    return graded


def _by_exercise(result):
    return {e.exercise: e for e in result.exercises}


@pytest.mark.parametrize("assignment", sorted(SIZES))
def test_corpus_size(assignment):
    wrong, correct, per_exercise = SIZES[assignment]
    assert len(cases("wrong", assignment)) >= wrong
    assert len(cases("correct", assignment)) >= correct
    counts = Counter(case.expect["exercise"] for case in cases("wrong", assignment))
    assert {e.name: counts[e.name] for e in packs.get(assignment).exercises if counts[e.name] < per_exercise} == {}


@pytest.mark.parametrize("case", WRONG, ids=lambda c: c.id)
def test_wrong_submission_loses_marks_on_its_exercise_only(case, graded):
    exercises = _by_exercise(graded[case.id])  # those of the files it changes: the others are the reference
    assert case.expect["exercise"] in _touched(case)
    target = exercises[case.expect["exercise"]]
    assert target.score < target.max_score, f"{case.id} was not caught"
    # "also": exercises that call the faulty code themselves (a shared helper such as compute_fans).
    allowed = {case.expect["exercise"], *case.expect.get("also", [])}
    for name, exercise in exercises.items():
        if name not in allowed:
            assert exercise.score == exercise.max_score, f"{case.id} lost marks on {name}: {[c.feedback for c in exercise.checks if not c.passed]}"


@pytest.mark.parametrize("case", WRONG, ids=lambda c: c.id)
def test_wrong_submission_feedback_names_the_mistake(case, graded):
    target = _by_exercise(graded[case.id])[case.expect["exercise"]]
    feedback = "\n".join(c.feedback for c in target.checks if not c.passed)
    for phrase in case.expect["feedback"]:
        assert phrase in feedback, f"{case.id}: {phrase!r} not in feedback:\n{feedback}"


@pytest.mark.parametrize("case", CORRECT, ids=lambda c: c.id)
def test_correct_submission_gets_full_marks(case, graded):
    result = graded[case.id]
    lost = {e.exercise: [c.feedback for c in e.checks if not c.passed] for e in result.exercises if e.score < e.max_score}
    assert not lost, f"{case.id} lost marks: {lost}"


def test_no_feedback_shows_a_path_of_the_grader_or_its_environment(graded, tmp_path_factory):
    tmp_root = str(tmp_path_factory.getbasetemp())
    leaks = {case: private_paths(result, tmp_root) for case, result in graded.items()}
    assert not {case: lines for case, lines in leaks.items() if lines}
