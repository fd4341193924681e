"""This kit against nbgrader on the same class of 12 (4 correct, 8 with one mistake each), alternated in one run.

nbgrader grades one notebook holding the five files as answer cells and one autograder test cell per
exercise: the checks an instructor writes by hand against the Keras twins (values, gradients, moving
statistics, inference, config round trip, the random layers' statistics). The kit grades the same code as
.py folders with `grade-class`. Both start cold each time (their own Python, TensorFlow imported anew);
the kit's reference cache and nbgrader's gradebook are prepared before the clock starts.

Needs the optional extra: pip install -e '.[bench]'
Run: python bench/vs_nbgrader.py [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus_build import build, cases  # noqa: E402
from conftest import EXERCISES, FILENAMES  # noqa: E402

ASSIGNMENT = "regularization"
CORRECT = ("functional_helpers", "keras_ops_var", "tf_ops_moments")  # and the reference itself
WRONG = ("l1_no_abs", "l2_half_factor", "l1l2_lost_l2_term", "noise_at_inference", "dropout_no_rescale",
         "bn_unbiased_variance", "bn_stats_detached", "ln_unbiased_variance")

SETUP = """\
import numpy as np
import tensorflow as tf
import keras
"""

# One hand-written test cell per exercise, as an instructor would write them for nbgrader.
TESTS = {
    "L1": """\
w = np.random.default_rng(0).normal(size=(5, 3)).astype("float32")
for c in (0.01, 0.3):
    np.testing.assert_allclose(float(L1(c)(w)), float(keras.regularizers.L1(c)(w)), rtol=1e-5)
np.testing.assert_allclose(float(L1.from_config(L1(0.2).get_config())(w)), float(L1(0.2)(w)), rtol=1e-6)
""",
    "L2": """\
w = np.random.default_rng(1).normal(size=(5, 3)).astype("float32")
for c in (0.01, 0.3):
    np.testing.assert_allclose(float(L2(c)(w)), float(keras.regularizers.L2(c)(w)), rtol=1e-5)
np.testing.assert_allclose(float(L2.from_config(L2(0.2).get_config())(w)), float(L2(0.2)(w)), rtol=1e-6)
""",
    "L1L2": """\
w = np.random.default_rng(2).normal(size=(5, 3)).astype("float32")
for a, b in ((0.01, 0.02), (0.3, 0.0), (0.0, 0.3)):
    np.testing.assert_allclose(float(L1L2(a, b)(w)), float(keras.regularizers.L1L2(a, b)(w)), rtol=1e-5)
reg = L1L2(0.1, 0.2)
np.testing.assert_allclose(float(L1L2.from_config(reg.get_config())(w)), float(reg(w)), rtol=1e-6)
""",
    "GaussianNoise": """\
x = np.ones((2000, 10), "float32")
layer = GaussianNoise(0.5, seed=1)
np.testing.assert_array_equal(np.asarray(layer(x, training=False)), x)
np.testing.assert_array_equal(np.asarray(layer(x)), x)
noise = np.asarray(layer(x, training=True)) - x
assert abs(noise.mean()) < 0.02 and abs(noise.std() - 0.5) < 0.02, (noise.mean(), noise.std())
""",
    "Dropout": """\
x = np.ones((2000, 10), "float32")
layer = Dropout(0.3, seed=1)
np.testing.assert_array_equal(np.asarray(layer(x, training=False)), x)
y = np.asarray(layer(x, training=True))
assert abs((y == 0).mean() - 0.3) < 0.02, (y == 0).mean()
np.testing.assert_allclose(y[y != 0], 1 / 0.7, rtol=1e-5)
""",
    "BatchNormalization": """\
x = tf.constant(np.random.default_rng(3).normal(2.0, 3.0, (16, 4)).astype("float32"))
mine, twin = BatchNormalization(momentum=0.9), keras.layers.BatchNormalization(momentum=0.9)
outs, grads = [], []
for layer in (mine, twin):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x, training=True)
        loss = tf.reduce_sum(y * tf.range(1.0, 5.0))
    outs.append(np.asarray(y))
    grads.append(np.asarray(tape.gradient(loss, x)))
np.testing.assert_allclose(outs[0], outs[1], rtol=1e-4, atol=1e-5)
np.testing.assert_allclose(grads[0], grads[1], rtol=1e-4, atol=1e-5)
for name in ("moving_mean", "moving_variance"):
    np.testing.assert_allclose(np.asarray(getattr(mine, name)), np.asarray(getattr(twin, name)), rtol=1e-5)
np.testing.assert_allclose(np.asarray(mine(x, training=False)), np.asarray(twin(x, training=False)), rtol=1e-4, atol=1e-5)
""",
    "LayerNormalization": """\
x = tf.constant(np.random.default_rng(4).normal(1.0, 2.0, (4, 3, 5)).astype("float32"))
for axis in (-1, [1, 2]):
    mine, twin = LayerNormalization(axis=axis), keras.layers.LayerNormalization(axis=axis)
    outs, grads = [], []
    for layer in (mine, twin):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = layer(x)
            loss = tf.reduce_sum(y * tf.range(1.0, 6.0))
        outs.append(np.asarray(y))
        grads.append(np.asarray(tape.gradient(loss, x)))
    np.testing.assert_allclose(outs[0], outs[1], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(grads[0], grads[1], rtol=1e-4, atol=1e-5)
""",
}


def _cell(kind: str, source: str, grade_id: str, **flags) -> nbformat.NotebookNode:
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    meta = {"grade": False, "solution": False, "locked": False, "grade_id": grade_id, "schema_version": 3}
    meta.update(flags)
    return make(source, metadata={"nbgrader": meta})


def _notebook(files: dict[str, str]) -> nbformat.NotebookNode:
    """The source notebook: the five files as answer cells, then a test cell per exercise."""
    cells = [_cell("markdown", "# Regularization", "title", locked=True), _cell("code", SETUP, "setup", locked=True)]
    for name, text in files.items():
        cells.append(_cell("code", text, f"answer_{name.removesuffix('.py')}", solution=True))
    for ex in EXERCISES:
        cells.append(_cell("code", TESTS[ex.name], f"test_{ex.name}", grade=True, locked=True, points=10))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def _files(folder: Path) -> dict[str, str]:
    return {name: (folder / name).read_text() for name in FILENAMES}


# nbgrader runs its own console scripts (alembic) from PATH: this environment's come first.
ENV = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
       "PYTHONPATH": str(ROOT)}


def _nbgrader(args: list[str], course: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, capture_output=True, text=True, env=ENV)
    if done.returncode:
        raise SystemExit(f"nbgrader {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def _course(root: Path, students: dict[str, Path]) -> Path:
    """An nbgrader course with the assignment generated and every student's notebook submitted."""
    course = root / "course"
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'bench'\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.ExecutePreprocessor.timeout = 300\n"
    )
    nbformat.write(_notebook(_files(ROOT / "solutions" / ASSIGNMENT)), course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    _nbgrader(["generate_assignment", ASSIGNMENT, "--force"], course)
    released = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for student, folder in students.items():
        answers = iter(_files(folder).values())
        notebook = nbformat.from_dict(json.loads(json.dumps(released)))
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("solution"):
                cell.source = next(answers)
        target = course / "submitted" / student / ASSIGNMENT
        target.mkdir(parents=True)
        nbformat.write(notebook, target / f"{ASSIGNMENT}.ipynb")
    return course


def _scores(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.id: gradebook.find_submission(ASSIGNMENT, s.id).score for s in gradebook.students}


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=ENV)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="alternated runs; medians count (default: %(default)s)")
    args = parser.parse_args()
    python = sys.executable
    chosen = {c.name: c for c in cases("correct") + cases("wrong") if c.name in CORRECT + WRONG}
    times: dict[str, list[float]] = {"kit": [], "nbgrader": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        students = {"reference": shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "class" / "reference")}
        for name in CORRECT + WRONG:
            students[name] = build(chosen[name], root / "built")
            shutil.copytree(students[name], root / "class" / name)
        pristine = _course(root, students)
        subprocess.run([python, "-m", "grader", "grade", str(students["reference"])], cwd=ROOT, env=ENV,
                       check=True, capture_output=True)  # the reference cache, as after a first run
        for run in range(args.repeat):
            course = root / f"course-{run}"
            shutil.copytree(pristine, course)
            (course / "nbgrader_config.py").write_text(
                (course / "nbgrader_config.py").read_text().replace(str(pristine), str(course)))
            times["nbgrader"].append(_timed([python, "-m", "nbgrader", "autograde", ASSIGNMENT], course))
            times["kit"].append(_timed([python, "-m", "grader", "grade-class", str(root / "class"),
                                        "--out", str(root / f"kit-{run}")], ROOT))
        nb_scores = _scores(course)
        kit_rows = (root / f"kit-{args.repeat - 1}" / "gradebook.csv").read_text().splitlines()
    kit, nb = statistics.median(times["kit"]), statistics.median(times["nbgrader"])
    print(f"cores: {os.cpu_count()}; class of {len(students)} (4 correct, 8 with one mistake); "
          f"medians of {args.repeat} alternated runs")
    print(f"nbgrader autograde {nb:7.1f} s   ({', '.join(f'{t:.1f}' for t in times['nbgrader'])})")
    print(f"kit grade-class    {kit:7.1f} s   ({', '.join(f'{t:.1f}' for t in times['kit'])})")
    print(f"kit/nbgrader       {kit / nb:7.2f}")
    wrong_full = [s for s in WRONG if nb_scores.get(s) is not None and nb_scores[s] == max(nb_scores.values())]
    print(f"nbgrader gave full marks to {len(wrong_full)} of {len(WRONG)} wrong submissions: {', '.join(wrong_full) or '-'}")
    print(f"kit gradebook: {len(kit_rows) - 1} students graded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
