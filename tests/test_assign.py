"""assign: solution markers become TODO stubs; malformed markers are reported with file and line."""

from __future__ import annotations

import ast
import shutil

import pytest

from conftest import FILENAMES, PACK

from conftest import run_cli
from grader.assign import MarkerError, check_assignments, find_regions, render_skeletons, write_assignments
from grader.assign.markers import BEGIN, END
from grader.assign.skeleton import render_skeleton

GOOD = '''def f(x):
    """Doc stays."""
    # TODO: return twice x.
    # BEGIN SOLUTION
    y = 2 * x
    return y
    # END SOLUTION
'''


def test_region_becomes_todo_and_raise():
    skeleton = render_skeleton(GOOD, "f.py")
    assert "2 * x" not in skeleton
    assert '"""Doc stays."""' in skeleton
    assert "# TODO: return twice x." in skeleton
    assert 'raise NotImplementedError("f is not written yet: see the TODO above")' in skeleton
    namespace: dict = {}
    exec(compile(skeleton, "f.py", "exec"), namespace)
    with pytest.raises(NotImplementedError):
        namespace["f"](1)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("x = 1\n# END SOLUTION\n", 2, "without a matching"),
        ("# TODO: a\n# BEGIN SOLUTION\nx = 1\n# TODO: b\n# BEGIN SOLUTION\n", 5, "cannot nest"),
        ("# TODO: a\n# BEGIN SOLUTION\nx = 1\n", 2, "never closed"),
        ("x = 1\n# BEGIN SOLUTION\ny = 2\n# END SOLUTION\n", 2, "TODO"),
        ("# TODO: a\n# BEGIN SOLUTION\n# END SOLUTION\n", 2, "empty"),
        ("# TODO: a\n# begin solution\nx = 1\n", 2, "malformed"),
        ("def f():\n    # TODO: a\n    # BEGIN SOLUTION\n    x = 1\n# END SOLUTION\n", 5, "indented differently"),
    ],
)
def test_malformed_markers_name_file_and_line(text, line, words):
    with pytest.raises(MarkerError) as info:
        find_regions(text, "bad.py")
    assert info.value.line == line
    assert str(info.value).startswith(f"bad.py:{line}:")
    assert words in str(info.value)


def test_cli_reports_malformed_marker_with_file_and_line(tmp_path):
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "broken.py").write_text("x = 1\n# END SOLUTION\n")
    result = run_cli("assign", "--solutions", str(solutions), "--out", str(tmp_path / "out"), "--assignment", "regularization")
    assert result.returncode == 2
    assert f"{solutions / 'broken.py'}:2:" in result.stderr


def test_every_solution_region_is_replaced(solutions_dir):
    skeletons = render_skeletons(solutions_dir)
    assert set(skeletons) == {"regularizers.py", "noise.py", "dropout.py", "batchnorm.py", "layernorm.py"}
    for name, skeleton in skeletons.items():
        solution = (solutions_dir / name).read_text()
        regions = find_regions(solution, name)
        assert regions, f"{name} has no solution region"
        assert BEGIN not in skeleton and END not in skeleton
        assert skeleton.count("raise NotImplementedError") == len(regions)
        inside = {
            line.strip()
            for region in regions
            for line in solution.splitlines()[region.begin : region.end - 1]
            if line.strip() and not line.strip().startswith("#")
        }
        assert not inside & {line.strip() for line in skeleton.splitlines()}, f"solution code left in {name}"


def test_skeleton_keeps_classes_signatures_and_docstrings(solutions_dir):
    for name, skeleton in render_skeletons(solutions_dir).items():
        solution_tree = ast.parse((solutions_dir / name).read_text())
        skeleton_tree = ast.parse(skeleton)

        def shape(tree):
            """Module-level and class-level definitions: what the student sees and fills in."""
            defs = []
            for node in tree.body:
                members = node.body if isinstance(node, ast.ClassDef) else []
                for item in [node, *members]:
                    if isinstance(item, (ast.ClassDef, ast.FunctionDef)):
                        args = ast.dump(item.args) if isinstance(item, ast.FunctionDef) else ""
                        defs.append((item.name, ast.get_docstring(item), args))
            return sorted(defs, key=str)

        assert shape(solution_tree) == shape(skeleton_tree), name
        imports = lambda tree: sorted(ast.dump(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)))  # noqa: E731
        assert imports(solution_tree) == imports(skeleton_tree), name


def test_committed_assignments_are_up_to_date():
    result = run_cli("assign", "--check")
    assert result.returncode == 0, result.stderr


def test_check_detects_stale_missing_and_extra_files(tmp_path, solutions_dir):
    out = tmp_path / "assignments"
    write_assignments(PACK, solutions_dir, out)
    assert check_assignments(PACK, solutions_dir, out) == []
    (out / "dropout.py").write_text("# edited by hand\n")
    (out / "noise.py").unlink()
    (out / "extra.py").write_text("")
    problems = "\n".join(check_assignments(PACK, solutions_dir, out))
    assert "dropout.py: differs" in problems
    assert "noise.py: missing" in problems
    assert "extra.py: has no solution file" in problems
    result = run_cli("assign", "--check", "--out", str(out), "--assignment", "regularization")
    assert result.returncode == 1
    assert "out of date" in result.stderr


def test_assign_is_idempotent(tmp_path, solutions_dir):
    out = tmp_path / "assignments"
    assert len(write_assignments(PACK, solutions_dir, out)) == len(FILENAMES) + 1  # and the notebook
    assert write_assignments(PACK, solutions_dir, out) == []
    shutil.rmtree(out)
