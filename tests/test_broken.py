"""Broken submissions: each becomes a clear message on the exercise it hits; the rest keep their marks."""

from __future__ import annotations

import json

import pytest

from conftest import assemble
from corpus_build import build, cases, private_paths
from grader.grade import grade_submissions
from grader.report.gradescope import results_dict
from grader.sandbox.isolation import bwrap_problem

BROKEN = cases("broken")
TIMEOUT = 10


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    runnable = [c for c in BROKEN if not (c.expect.get("requires") == "bwrap" and bwrap_problem())]
    results = grade_submissions([build(c, root) for c in runnable], timeout=TIMEOUT)
    return {case.id: result for case, result in zip(runnable, results)}


@pytest.mark.parametrize("case", BROKEN, ids=lambda c: c.id)
def test_broken_submission_gets_a_clear_message_on_its_exercise(case, graded):
    if case.id not in graded:
        pytest.skip(f"needs bubblewrap's pid namespace to catch it: {bwrap_problem()}")
    result = graded[case.id]
    for exercise in result.exercises:
        if exercise.exercise == case.expect["exercise"]:
            assert exercise.score < exercise.max_score
            feedback = "\n".join(c.feedback for c in exercise.checks)
            for phrase in case.expect["message"]:
                assert phrase in feedback, f"{phrase!r} not in:\n{feedback[:2000]}"
        else:
            assert exercise.score == exercise.max_score, (exercise.exercise, [c.feedback for c in exercise.checks if not c.passed])
    assert len(json.dumps(results_dict(result)).encode()) < 1_000_000


# Code at the top of noise.py that would change how later exercises run, were they in the same process.
LEAKS = {
    "patched_ops": "keras.ops.mean = lambda *args, **kwargs: 0.0\nkeras.ops.var = lambda *args, **kwargs: 1.0\n",
    "float64": "keras.config.set_floatx('float64')\n",
    "policy": "keras.mixed_precision.set_global_policy('mixed_float16')\n",
    "thread": "import threading, time\nthreading.Thread(target=time.sleep, args=(300,), daemon=True).start()\n",
}


@pytest.mark.parametrize("parallel", [1, 2])
def test_global_state_changed_by_one_exercise_does_not_reach_the_others(tmp_path, parallel):
    submissions = []
    for name, code in LEAKS.items():
        folder = assemble(tmp_path / name)
        noise = folder / "noise.py"
        noise.write_text(noise.read_text().replace("import keras\n", "import keras\n" + code, 1))
        submissions.append(folder)
    for result in grade_submissions(submissions, parallel=parallel, timeout=TIMEOUT):
        for exercise in result.exercises:
            if exercise.exercise != "GaussianNoise":
                assert exercise.score == exercise.max_score, (result.submission, exercise.exercise,
                                                              [c.feedback for c in exercise.checks if not c.passed])


def test_no_feedback_shows_a_path_of_the_grader_or_its_environment(graded, tmp_path_factory):
    tmp_root = str(tmp_path_factory.getbasetemp())
    leaks = {case: private_paths(result, tmp_root) for case, result in graded.items()}
    assert not {case: lines for case, lines in leaks.items() if lines}
