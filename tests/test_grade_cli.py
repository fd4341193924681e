"""`python -m grader grade` end to end, in a child process, as an instructor runs it."""

from __future__ import annotations

import json

import pytest

from conftest import assemble, run_cli
from conftest import EXERCISES
from grader.grade import grade_submissions

NAMES = [e.name for e in EXERCISES]


def _results(tmp_path, submission) -> tuple[dict, object]:
    out = tmp_path / "results.json"
    proc = run_cli("grade", str(submission), "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text()), proc


def _by_exercise(data: dict) -> dict[str, tuple[float, float]]:
    totals: dict[str, list[float]] = {}
    for test in data["tests"]:
        (tag,) = test["tags"]
        score, maximum = totals.setdefault(tag, [0.0, 0.0])
        totals[tag] = [score + test["score"], maximum + test["max_score"]]
    return {k: (v[0], v[1]) for k, v in totals.items()}


def test_reference_solutions_score_full_marks(tmp_path, solutions_dir):
    data, proc = _results(tmp_path, solutions_dir)
    maximum = sum(t["max_score"] for t in data["tests"])
    assert maximum > 0 and data["score"] == maximum
    assert set(_by_exercise(data)) == set(NAMES)
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "output", "visibility", "tags", "status"}
        assert test["tags"][0] in NAMES and test["name"].startswith(test["tags"][0] + ":")
    provenance = data["extra_data"]["provenance"]
    assert {"kit_version", "versions", "probe_seed", "reference_key", "submission_sha256"} <= set(provenance)
    for name in NAMES:
        assert name in proc.stdout  # one report line per exercise
    assert "Total" in proc.stdout


def test_skeletons_score_zero_without_crashing(tmp_path, assignments_dir):
    data, proc = _results(tmp_path, assignments_dir)
    assert data["score"] == 0
    assert set(_by_exercise(data)) == set(NAMES)
    # An untouched skeleton: one sentence per exercise, instead of the stub's error under every check.
    assert all(f"Not attempted: {t['tags'][0]} still raises NotImplementedError" in t["output"] for t in data["tests"])


def test_missing_folder_is_a_usage_error(tmp_path):
    proc = run_cli("grade", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "Submission not found" in proc.stderr


BROKEN = {
    "missing_file": ("dropout.py", None, "Dropout", "dropout.py is missing from the submission"),
    "missing_class": ("noise.py", ("class GaussianNoise(", "class GaussNoise("), "GaussianNoise",
                      "defines no 'GaussianNoise'. It defines: GaussNoise"),
    "syntax_error": ("layernorm.py", ("def call(self, inputs):", "def call(self, inputs)"),
                     "LayerNormalization", "SyntaxError"),
    "raises_in_call": ("batchnorm.py", ("        rank = len(inputs.shape)\n        axis = self.axis % rank",
                                        "        raise ValueError('boom')\n        axis = self.axis"),
                       "BatchNormalization", "ValueError: boom — in BatchNormalization.call (batchnorm.py, line"),
    "exit_at_import": ("dropout.py", ("import keras\n", "import keras\nimport sys\nsys.exit(3)\n"), "Dropout",
                       "sys.exit(3) was called"),
    "returns_none": ("noise.py", ("        return inputs + noise", "        inputs + noise"), "GaussianNoise",
                     "returned None instead of a tensor"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    folders = []
    for name, (filename, edit, _, _) in BROKEN.items():
        folder = assemble(root / name)
        target = folder / filename
        if edit is None:
            target.unlink()
        else:
            text = target.read_text()
            assert text.count(edit[0]) == 1, name
            target.write_text(text.replace(edit[0], edit[1]))
        folders.append(folder)
    return dict(zip(BROKEN, grade_submissions(folders)))


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_exercise_gets_zero_with_a_clear_message_and_others_keep_marks(name, broken):
    _, _, exercise, message = BROKEN[name]
    result = broken[name]
    for ex in result.exercises:
        if ex.exercise == exercise:
            assert ex.score == 0
            assert all(message in c.feedback for c in ex.checks), [c.feedback for c in ex.checks]
        else:
            assert ex.score == ex.max_score, (ex.exercise, [c.feedback for c in ex.checks if not c.passed])
