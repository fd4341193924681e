"""`python -m grader grade-class`: every kind of entry, per-student files, gradebook, resume, trouble summary."""

from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile

import nbformat
import pytest

from conftest import CORPUS, run_cli
from corpus_build import build, cases
from grader.grade import grade_submissions
from grader.report.gradebook import columns
from grader.report.gradescope import results_dict
from conftest import ASSIGNMENTS_DIR, EXERCISES, SOLUTIONS_DIR


def _notebook(path, *, explore: bool) -> None:
    cells = [nbformat.v4.new_markdown_cell("# Regularization"),
             nbformat.v4.new_code_cell("%matplotlib inline\n!pip install keras\nimport numpy as np")]
    for source in sorted(SOLUTIONS_DIR.glob("*.py")):
        cells.append(nbformat.v4.new_code_cell(source.read_text()))
    if explore:
        cells += [nbformat.v4.new_code_cell("x = np.ones((2, 3))\nprint(Dropout(0.5)(x, training=True))\nwhile True:\n    pass"),
                  nbformat.v4.new_code_cell("%%time\nraise SystemExit(1)"),
                  nbformat.v4.new_code_cell("Dropout = None  # exploring, then overwriting the class"),
                  # Notebook-only tools the grading environment may lack must not cost marks.
                  nbformat.v4.new_code_cell("from IPython.display import Image\nimport seaborn as sns\n"
                                            "import notebook_only_helper_package.plots as plots\nImage('curves.png')")]
    notebook = nbformat.v4.new_notebook()
    notebook.cells = cells
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    shutil.copytree(SOLUTIONS_DIR, root / "alice")
    with zipfile.ZipFile(root / "bob.zip", "w") as archive:
        for path in (CORPUS / "correct" / "keras_ops_var").glob("*.py"):
            archive.write(path, f"bob_work/{path.name}")
    for path in ASSIGNMENTS_DIR.glob("*.py"):
        shutil.copy(path, root / f"carol_{path.name}")
    (root / "dave.py").write_text("\n".join(p.read_text() for p in sorted(SOLUTIONS_DIR.glob("*.py"))))
    _notebook(root / "erin.ipynb", explore=True)
    (root / "frank.zip").write_text("not a zip archive")
    return root


def _gradebook(out):
    with open(out / "gradebook.csv", newline="") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_grade_class_writes_every_student_and_resumes(klass, tmp_path):
    out = tmp_path / "out"
    first = run_cli("grade-class", str(klass), "--out", str(out))
    assert first.returncode == 0, first.stderr
    book = _gradebook(out)
    assert list(book["alice"]) == columns([e.name for e in EXERCISES])
    assert set(book) == {"alice", "bob", "carol", "dave", "erin", "frank"}
    full = book["alice"]["max_total"]
    for student in ("alice", "bob", "dave", "erin"):
        assert book[student]["total"] == full, book[student]
        assert book[student]["status"] == "graded"
    assert book["carol"]["total"] == "0" and book["carol"]["status"] == "not attempted"
    carol = (out / "carol" / "feedback.md").read_text()  # one line per exercise, not the stub's error per check
    assert carol.count("Not attempted:") == len(EXERCISES) == carol.count("NotImplementedError")
    assert book["frank"]["status"].startswith("unreadable:")
    for student in book:
        assert json.loads((out / student / "results.json").read_text())["score"] >= 0
        assert (out / student / "feedback.md").read_text().startswith(f"# Feedback for {student}")
    summary = " ".join(re.sub(r"[│┃┏┓┗┛━─┡┩┠┨╇╈┼└┘┌┐]", " ", first.stdout).split())
    assert "frank" in summary and "not a readable zip file" in summary  # the trouble summary
    second = run_cli("grade-class", str(klass), "--out", str(out))
    assert "0 graded, 5 unchanged" in second.stdout
    assert _gradebook(out)["carol"]["status"] == "not attempted"  # kept by a rerun that skips her
    (klass / "dave.py").write_text((klass / "dave.py").read_text() + "\n# edited\n")
    third = run_cli("grade-class", str(klass), "--out", str(out))
    assert "1 graded, 4 unchanged" in third.stdout
    assert _gradebook(out).keys() == book.keys()


def test_notebook_grades_exactly_like_its_py_twin(tmp_path):
    _notebook(tmp_path / "plain.ipynb", explore=False)
    _notebook(tmp_path / "explored.ipynb", explore=True)
    results = grade_submissions([SOLUTIONS_DIR, tmp_path / "plain.ipynb", tmp_path / "explored.ipynb"])
    scores = [[(c.name, c.score) for e in r.exercises for c in e.checks] for r in results]
    assert scores[0] == scores[1] == scores[2]
    assert results[0].score == results[0].max_score


def test_same_submission_graded_twice_gives_identical_results(tmp_path):
    wrong = {c.name: c for c in cases("wrong")}
    folders = [build(wrong[name], tmp_path) for name in ("dropout_no_rescale", "noise_uniform", "bn_unbiased_variance")]
    first = [results_dict(r) for r in grade_submissions(folders)]
    second = [results_dict(r) for r in grade_submissions(folders)]
    for data in first + second:
        data["extra_data"]["provenance"].pop("batch_seconds")  # timings live only in the provenance block
    assert first == second
    assert all(data["score"] < sum(t["max_score"] for t in data["tests"]) for data in first)


def test_kill_9_mid_class_loses_nothing_written(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from grader import KIT_ROOT

    klass = tmp_path / "class"
    for index in range(6):
        shutil.copytree(SOLUTIONS_DIR, klass / f"s{index}")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "grader", "grade-class", str(klass), "--out", str(out)],
                            cwd=KIT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while not list(out.glob("*/results.json")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*/results.json"))
    assert written, "nothing was graded before the kill"
    for path in written:
        json.loads(path.read_text())  # every file present is whole
    rerun = run_cli("grade-class", str(klass), "--out", str(out))
    assert rerun.returncode == 0
    book = _gradebook(out)
    assert len(book) == 6 and all(row["status"] == "graded" for row in book.values())


def test_an_empty_class_folder_is_refused(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "notes.txt").write_text("not a submission")
    proc = run_cli("grade-class", str(tmp_path / "class"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "holds no submission" in proc.stderr and not (tmp_path / "out" / "gradebook.csv").exists()


def test_a_canvas_download_is_graded_under_canvas_ids_with_the_latest_resubmission(tmp_path):
    klass = tmp_path / "submissions"
    klass.mkdir()
    for index, path in enumerate(sorted(SOLUTIONS_DIR.glob("*.py"))):
        shutil.copy(path, klass / f"kimminji_1001_{500 + index}_{path.name}")
        # Lee's first dropout.py is the unsolved skeleton; the re-upload (dropout-1.py) is the one graded.
        first = ASSIGNMENTS_DIR / path.name if path.name == "dropout.py" else path
        shutil.copy(first, klass / f"leejieun_1234_{600 + index}_{path.name}")
    shutil.copy(SOLUTIONS_DIR / "dropout.py", klass / "leejieun_LATE_1234_700_dropout-1.py")
    out = tmp_path / "out"
    proc = run_cli("grade-class", str(klass), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    said = " ".join(proc.stdout.split())
    assert said.count("Recognized a Canvas download: 2 students from 11 files.") == 1
    book = _gradebook(out)
    assert set(book) == {"1001", "1234"}
    full = book["1001"]["max_total"]
    assert [(r["name"], r["total"], r["status"]) for r in (book["1001"], book["1234"])] == \
        [("kimminji", full, "graded"), ("leejieun", full, "graded")]
    assert (out / "1234" / "feedback.md").read_text().startswith("# Feedback for 1234")
    with open(out / "canvas_import.csv", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "regularization"],
            ["Points Possible", "", "", "", "", full],
            ["kimminji", "1001", "", "", "", full],
            ["leejieun", "1234", "", "", "", full],
        ]
    assert not (out / "moodle_import.csv").exists()
