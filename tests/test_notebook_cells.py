"""A notebook is judged cell by cell: a cell that does not compile costs only the exercises it defines, and
every message about a notebook names the cell and the line within it."""

from __future__ import annotations

import json

import nbformat
import pytest

from conftest import EXERCISES, SOLUTIONS_DIR, run_cli
from grader.load import load_submission
from grader.notebook import read_notebook

RAISING = "        if not training:\n            return inputs\n"


def _notebook(path, sources: dict[str, str]) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Assignment")]
    for name in sorted(sources):
        notebook.cells += [nbformat.v4.new_markdown_cell(f"## {name}"), nbformat.v4.new_code_cell(sources[name])]
    nbformat.write(notebook, path)


def _sources() -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(SOLUTIONS_DIR.glob("*.py"))}


def test_a_cell_that_does_not_parse_is_dropped_and_remembered(tmp_path):
    sources = _sources()
    sources["dropout.py"] = sources["dropout.py"].replace("    def call(self, inputs, training=False):",
                                                          "    def call(self, inputs, training=False)", 1)
    _notebook(tmp_path / "work.ipynb", sources)
    code = read_notebook((tmp_path / "work.ipynb").read_text())
    assert [b.classes for b in code.broken] == [("Dropout",)]
    cell = code.broken[0].cell
    assert cell == 1 + 2 * sorted(sources).index("dropout.py") + 2  # markdown cells count, as Jupyter shows them
    assert code.broken[0].error.startswith("SyntaxError: ") and f"(cell {cell}, line " in code.broken[0].error
    assert "class Dropout" not in code.text and "class BatchNormalization" in code.text
    line = code.text.splitlines().index("class BatchNormalization(keras.layers.Layer):") + 1
    assert code.place(line) == f"cell 3, line {sources['batchnorm.py'].splitlines().index('class BatchNormalization(keras.layers.Layer):') + 1}"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cells")
    sources = _sources()
    sources["dropout.py"] = sources["dropout.py"].replace("    def call(self, inputs, training=False):",
                                                          "    def call(self, inputs, training=False)", 1)
    assert RAISING in sources["noise.py"]
    sources["noise.py"] = sources["noise.py"].replace(RAISING, RAISING + "        1 / 0\n", 1)
    _notebook(folder / "work.ipynb", sources)
    out = run_cli("grade", str(folder / "work.ipynb"), "--json", str(folder / "results.json"))
    assert out.returncode == 0, out.stderr
    return json.loads((folder / "results.json").read_text()), sources


def test_a_broken_cell_costs_only_its_exercises(graded):
    data, sources = graded
    scores: dict[str, list[float]] = {}
    for test in data["tests"]:
        if test["max_score"]:  # advice checks carry no points: nothing to lose
            scores.setdefault(test["tags"][0], []).append(test["score"] == test["max_score"])
    assert not any(scores["Dropout"])
    assert all(all(scores[e.name]) for e in EXERCISES if e.name not in ("Dropout", "GaussianNoise"))
    dropout = [t["output"] for t in data["tests"] if t["tags"][0] == "Dropout"]
    cell = 1 + 2 * sorted(sources).index("dropout.py") + 2
    assert f"Dropout is defined in cell {cell}, which does not compile: SyntaxError" in dropout[0]


def test_messages_cite_the_cell_and_its_line_not_the_module(graded):
    data, sources = graded
    noise = "\n".join(t["output"] for t in data["tests"] if t["tags"][0] == "GaussianNoise" and t["status"] == "failed")
    cell = 1 + 2 * sorted(sources).index("noise.py") + 2
    line = sources["noise.py"].splitlines().index("        1 / 0") + 1
    assert "ZeroDivisionError" in noise and f"(cell {cell}, line {line})" in noise
    assert "work.py" not in json.dumps(data["tests"])


def test_a_folder_of_files_has_no_cells(tmp_path):
    submission = load_submission(SOLUTIONS_DIR)
    assert submission.notebooks == {} and submission.locate("x (dropout.py, line 3)") == "x (dropout.py, line 3)"
