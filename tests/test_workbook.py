"""The student notebook: valid, checked by `assign --check`, complete, free of solution code, and graded
like the .py files (its solved twin gets the solutions' marks, the skeleton notebook zero)."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from conftest import run_cli
from grader.assign import (
    build_notebook,
    check_assignments,
    find_regions,
    render_notebook,
    render_skeletons,
    write_assignments,
)
from conftest import EXERCISES, FILENAMES, NOTEBOOK_NAME, PACK
from grader.grade import grade_submissions
from grader.notebook import code_from_notebook
from grader.report.gradescope import results_dict
from conftest import ASSIGNMENTS_DIR

HANGUL = re.compile(r"[\uac00-\ud7a3]")

# A few formulas and phrases per theory section that the exercises' semantics depend on.
THEORY = {
    "theory-regularizers": [r"\lambda_1 \sum_i \lvert w_i \rvert", r"\lambda_2 \sum_i w_i^2", "no factor $\\frac{1}{2}$",
                            r"2 \lambda_2 w_i", "subgradient", r"[-1, 1] & w = 0", "sparse", "`L1L2` is the sum"],
    "theory-noise": [r"\varepsilon_i \sim \mathcal{N}(0, \sigma^2)", "**standard deviation**", "**additive**",
                     "when the\nargument is omitted, it returns $x$ unchanged"],
    "theory-dropout": [r"y_i = \frac{m_i \, x_i}{1 - p}", "probability\nto **drop**", "`noise_shape=(None, 1, None)`",
                       "**Nothing happens at inference.**"],
    "theory-batchnorm": ["the **biased** one (divide by $N$, not $N - 1$)", r"\sqrt{\sigma_c^2 + \epsilon}",
                         r"\text{moving\_mean} \cdot m + \mu_c \, (1 - m)", "**0.99** by default", "`epsilon=1e-3`",
                         "`training=False` or `None`"],
    "theory-layernorm": ["**per sample**", r"\operatorname{LN}(x)_i = \operatorname{LN}(x_{i:i+1})",
                         "**the same thing in training and in inference**", "| Batch normalization | Layer normalization |"],
    "theory-summary": ["| `L1`, `L2`, `L1L2` |", "| `GaussianNoise(stddev)` |", "| `Dropout(rate)` |",
                       "| `BatchNormalization` |", "| `LayerNormalization` |"],
}


@pytest.fixture(scope="module")
def student_text(solutions_dir) -> str:
    return render_notebook(PACK, render_skeletons(solutions_dir))


@pytest.fixture(scope="module")
def student(student_text):
    return nbformat.reads(student_text, as_version=4)


def _cells(notebook, prefix: str) -> list:
    return [cell for cell in notebook.cells if cell.id.startswith(prefix)]


def test_notebook_is_valid_and_deterministic(student_text, student, tmp_path, solutions_dir):
    nbformat.validate(student)
    ids = [cell.id for cell in student.cells]
    assert len(set(ids)) == len(ids)
    assert render_notebook(PACK, render_skeletons(solutions_dir)) == student_text
    write_assignments(PACK, solutions_dir, tmp_path)
    assert build_notebook(PACK, tmp_path) == student_text  # the folder-based builder agrees with `assign`
    assert all(cell.outputs == [] and cell.execution_count is None for cell in student.cells if cell.cell_type == "code")


def test_assign_check_reports_missing_and_edited_notebook(tmp_path, solutions_dir):
    out = tmp_path / "assignments"
    notebook = out / NOTEBOOK_NAME
    assert notebook in write_assignments(PACK, solutions_dir, out)
    assert check_assignments(PACK, solutions_dir, out) == []
    assert run_cli("assign", "--check", "--out", str(out), "--assignment", "regularization").returncode == 0

    edited = nbformat.read(notebook, as_version=4)
    edited.cells[-1].source += "\nprint('mine')"
    nbformat.write(edited, notebook)
    assert check_assignments(PACK, solutions_dir, out) == [f"{notebook}: differs from what the solutions generate"]
    result = run_cli("assign", "--check", "--out", str(out), "--assignment", "regularization")
    assert result.returncode == 1
    assert f"stale: {notebook}: differs" in result.stderr

    notebook.unlink()
    assert check_assignments(PACK, solutions_dir, out) == [f"{notebook}: missing"]
    assert write_assignments(PACK, solutions_dir, out) == [notebook]
    assert check_assignments(PACK, solutions_dir, out) == []


def test_notebook_opens_with_title_and_how_to(student):
    assert [cell.id for cell in student.cells[:2]] == ["title", "how-to"]
    how_to = student.cells[1].source
    for phrase in ("Ctrl+S", "Cmd+S", "read the saved `regularization.ipynb`", "**Hidden checks also count towards your grade**",
                   "Then submit `regularization.ipynb`"):
        assert phrase in how_to


@pytest.mark.parametrize("section", THEORY)
def test_theory_section_states_the_semantics_and_has_a_korean_summary(student, section):
    (cell,) = _cells(student, section)
    assert cell.cell_type == "markdown"
    for phrase in THEORY[section]:
        assert phrase in cell.source, f"{section} lacks {phrase!r}"
    english, korean = cell.source.split("#### 한국어 요약\n")
    assert not HANGUL.search(english)
    assert len(HANGUL.findall(korean)) > 100, f"{section}: the Korean summary is missing or too short"


def test_theory_comes_before_the_exercises_in_order(student):
    ids = [cell.id for cell in student.cells]
    theory = [ids.index(section) for section in THEORY]
    assert theory == sorted(theory)
    assert max(theory) < ids.index(f"code-{FILENAMES[0].removesuffix('.py')}")


def test_one_skeleton_cell_per_exercise_file_each_followed_by_its_checks(student, solutions_dir):
    skeletons = render_skeletons(solutions_dir)
    code = [cell for cell in student.cells if cell.cell_type == "code"]
    ids = [cell.id for cell in student.cells]
    for filename in FILENAMES:
        holding = [cell for cell in code if cell.source == skeletons[filename].rstrip("\n")]
        assert len(holding) == 1, f"{filename}: expected one cell with its skeleton, found {len(holding)}"
        at = ids.index(holding[0].id)
        intro, check = student.cells[at - 1], student.cells[at + 1]
        assert intro.cell_type == "markdown" and f"(`{filename}`)" in intro.source
        only = "".join(f" --only {e.name}" for e in EXERCISES if e.filename == filename)
        assert check.source == f"import sys\n\n!{{sys.executable}} -m grader check {NOTEBOOK_NAME} --assignment {PACK.name}{only}"
    order = [ids.index(f"code-{name.removesuffix('.py')}") for name in FILENAMES]
    assert order == sorted(order)


def test_notebook_ends_with_all_checks_and_the_experiment(student):
    run_all, run_experiment, show = [cell.source for cell in student.cells if cell.cell_type == "code"][-3:]
    assert run_all.endswith(f"-m grader check {NOTEBOOK_NAME} --assignment {PACK.name}")
    assert run_experiment.endswith(f"-m grader experiment {NOTEBOOK_NAME} --assignment {PACK.name} --out experiment")
    assert "Image(filename=path)" in show and '"experiment/comparison.png"' in show
    assert "The overfitting experiment" in _cells(student, "experiment-intro")[0].source


def test_helper_cells_add_nothing_that_grading_must_import(student):
    """Grading keeps a notebook's top-level imports: the check and plot cells may import only ``sys``."""
    helpers = [cell for cell in student.cells if cell.cell_type == "code" and not cell.id.startswith("code-")]
    assert helpers
    kept = ast.parse(code_from_notebook(nbformat.writes(nbformat.v4.new_notebook(cells=helpers))))
    imported = {alias.name for node in kept.body if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in kept.body if isinstance(node, ast.ImportFrom)}
    assert imported == {"sys"}


def _solution_only_lines(solutions_dir) -> set[str]:
    """Stripped lines longer than 12 characters from inside solution regions that the skeletons lack."""
    skeleton_lines = {line.strip() for text in render_skeletons(solutions_dir).values() for line in text.splitlines()}
    inside = set()
    for name in FILENAMES:
        text = (solutions_dir / name).read_text()
        lines = text.splitlines()
        for region in find_regions(text, name):
            inside |= {line.strip() for line in lines[region.begin : region.end - 1]}
    return {line for line in inside if len(line) > 12 and line not in skeleton_lines}


def test_no_solution_line_in_the_student_notebook(student, solutions_dir):
    secret = _solution_only_lines(solutions_dir)
    assert len(secret) > 50  # the solutions' own code, so that the test can fail
    solved = {line.strip() for cell in nbformat.reads(build_notebook(PACK, solutions_dir), as_version=4).cells
              for line in cell.source.splitlines()}
    assert secret <= solved  # the same comparison finds them in the solved twin
    shown = {line.strip() for cell in student.cells for line in cell.source.splitlines()}
    assert not secret & shown, f"solution lines in the notebook: {sorted(secret & shown)[:5]}"


def test_build_notebook_names_the_missing_exercise_files(tmp_path, solutions_dir):
    (tmp_path / "noise.py").write_text((solutions_dir / "noise.py").read_text())
    with pytest.raises(FileNotFoundError) as info:
        build_notebook(PACK, tmp_path)
    message = str(info.value)
    assert str(tmp_path) in message
    assert "Missing: regularizers.py, dropout.py, batchnorm.py, layernorm.py" in message


def test_solved_twin_grades_like_the_solutions_and_the_skeleton_notebook_scores_zero(tmp_path, solutions_dir):
    twin = tmp_path / "twin.ipynb"
    twin.write_text(build_notebook(PACK, solutions_dir), encoding="utf-8")
    reference, solved, skeleton = grade_submissions([solutions_dir, twin, ASSIGNMENTS_DIR / NOTEBOOK_NAME])
    assert 0 < reference.score == reference.max_score
    assert [(c.name, c.score) for e in solved.exercises for c in e.checks] == \
           [(c.name, c.score) for e in reference.exercises for c in e.checks]
    assert solved.score == reference.score
    data = results_dict(skeleton)
    assert data["score"] == 0 and skeleton.max_score == reference.max_score
    assert {t["tags"][0] for t in data["tests"]} == {e.name for e in EXERCISES}
    assert all("Not attempted: " in t["output"] for t in data["tests"]), [t["output"][:200] for t in data["tests"]]
