"""The overfitting experiment: outputs on the reference solutions, skips on unfinished or broken classes."""

from __future__ import annotations

import csv
import io
import struct
import sys

import keras
import pytest
from rich.console import Console

from conftest import assemble
from grader.packs.regularization.experiment import VARIANTS, print_summary, run_experiment
from grader.packs.regularization.experiment.classes import ClassUnavailable, StudentClasses
from grader.load import load_submission

NAMES = [variant.name for variant in VARIANTS]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

BROKEN_DROPOUT = '''\
import keras


class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, training=False):
        if training:
            raise ValueError("the mask has the wrong shape")
        return inputs
'''


def _quiet() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=300), buffer


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"  # the first chunk of every valid PNG
    return struct.unpack(">II", data[16:24])


def _csv_rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def reference(tmp_path_factory, solutions_dir):
    """The experiment with default settings on the reference solutions: it trains for real (about 30 s)."""
    out = tmp_path_factory.mktemp("experiment")
    console, _ = _quiet()
    return run_experiment(solutions_dir, out, console=console), out


def test_reference_writes_a_valid_png_per_variant_and_a_comparison(reference):
    report, out = reference
    for name in [*NAMES, "comparison"]:
        width, height = _png_size((out / f"{name}.png").read_bytes())
        assert width > 300 and height > 200, name
    assert sorted(p.name for p in report.paths) == sorted([f"{n}.png" for n in NAMES] + ["comparison.png", "results.csv", "results.md"])


def test_reference_table_has_one_row_per_variant(reference):
    report, out = reference
    assert [row.name for row in report.rows] == NAMES and report.skipped == []
    rows = _csv_rows(out / "results.csv")
    assert [row["variant"] for row in rows] == NAMES
    assert all(float(row["gap"]) == pytest.approx(float(row["train_accuracy"]) - float(row["val_accuracy"]), abs=2e-4)
               for row in rows)
    markdown = (out / "results.md").read_text(encoding="utf-8")
    body = [line for line in markdown.splitlines() if line.startswith("| ")][1:]  # minus the header row
    assert [line.split(" | ")[0].lstrip("| ") for line in body] == [variant.label for variant in VARIANTS]


def test_reference_unregularized_gap_is_the_largest(reference):
    report, out = reference
    gaps = {row["variant"]: float(row["gap"]) for row in _csv_rows(out / "results.csv")}
    plain = gaps.pop("unregularized")
    assert all(gap < plain for gap in gaps.values()), (plain, gaps)
    assert report.row("unregularized").train_accuracy == 1.0  # it memorized the training samples


def test_skeletons_skip_every_regularized_variant_and_still_train_the_plain_network(tmp_path, assignments_dir):
    console, printed = _quiet()
    report = run_experiment(assignments_dir, tmp_path, console=console, epochs=2)
    assert [row.name for row in report.rows] == ["unregularized"]
    assert len(report.row("unregularized").val_curve) == 2
    skipped = {entry.name: entry.reason for entry in report.skipped}
    assert list(skipped) == NAMES[1:]
    for variant in VARIANTS[1:]:
        (cls,) = variant.classes
        assert skipped[variant.name].startswith(f"{cls} is not implemented yet: {cls}."), skipped[variant.name]
        assert "Traceback" not in skipped[variant.name]
        assert printed.getvalue().count(f"Skipped {variant.label}") == 1  # the reason comes once, in the summary
    print_summary(report, console)
    for variant in VARIANTS[1:]:
        (cls,) = variant.classes
        assert printed.getvalue().count(f"{cls} is not implemented yet") == 1
    rows = _csv_rows(tmp_path / "results.csv")
    assert [row["variant"] for row in rows] == NAMES
    assert all(row["skipped_because"] for row in rows[1:]) and rows[0]["gap"]
    assert not (tmp_path / "dropout.png").exists() and (tmp_path / "unregularized.png").exists()


def test_a_broken_class_skips_only_its_variant(tmp_path):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "dropout.py").write_text(BROKEN_DROPOUT)
    submission = assemble(tmp_path / "student", overlay)
    console, _ = _quiet()
    report = run_experiment(submission, tmp_path / "out", console=console, epochs=2)
    assert [row.name for row in report.rows] == [name for name in NAMES if name != "dropout"]
    (skipped,) = report.skipped
    line = BROKEN_DROPOUT.splitlines().index('            raise ValueError("the mask has the wrong shape")') + 1
    assert skipped.name == "dropout"
    assert skipped.reason.startswith("Dropout failed while training: ValueError: the mask has the wrong shape"), skipped.reason
    assert f"(dropout.py, line {line}, in call)" in skipped.reason


def test_a_file_that_does_not_import_names_the_file_and_line(tmp_path):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "noise.py").write_text("import keras\n\nclass GaussianNoise(keras.layers.Layer)\n    pass\n")
    submission = assemble(tmp_path / "student", overlay)
    console, _ = _quiet()
    report = run_experiment(submission, tmp_path / "out", console=console, epochs=1, variants=["unregularized", "noise"])
    (skipped,) = report.skipped
    assert skipped.reason.startswith("GaussianNoise is unavailable: noise.py could not be imported: SyntaxError:"), skipped.reason
    assert "(noise.py, line 3)" in skipped.reason
    assert [row.name for row in report.rows] == ["unregularized"]


def test_student_modules_never_outlive_the_experiment(solutions_dir):
    sentinel = object()
    sys.modules["dropout"] = sentinel  # e.g. another submission's module of the same name
    try:
        with StudentClasses(load_submission(solutions_dir)) as student:
            assert student.get("Dropout").__module__ == "dropout"
            assert sys.modules["dropout"] is not sentinel
        assert sys.modules["dropout"] is sentinel
    finally:
        del sys.modules["dropout"]


def test_student_classes_leave_keras_registry_as_it_was(solutions_dir):
    # The solutions register "regularization>Dropout"; another class must not stay registered under it.
    before = dict(keras.saving.get_custom_objects())
    with StudentClasses(load_submission(solutions_dir)) as student:
        student.get("Dropout")
        assert any(v.__module__ == "dropout" for v in keras.saving.get_custom_objects().values())
    assert keras.saving.get_custom_objects() == before


def test_a_file_named_like_a_module_in_use_is_never_imported_over_it(tmp_path):
    path = tmp_path / "random.py"
    path.write_text("raise SystemExit('the student module replaced the standard library one')\n")
    random_module = sys.modules["random"]
    with StudentClasses(load_submission(path, assignment="regularization")) as student:
        with pytest.raises(ClassUnavailable, match="random.py has the name of a Python module the grader itself uses"):
            student.get("Dropout")
        assert sys.modules["random"] is random_module


@pytest.mark.parametrize("kwargs, message", [
    ({"variants": ["dropout", "ridge"]}, "Invalid value for argument variants"),
    ({"variants": "dropout"}, "Invalid value for argument variants"),
    ({"epochs": 0}, "Invalid value for argument epochs"),
])
def test_invalid_arguments_are_refused_before_any_training(tmp_path, solutions_dir, kwargs, message):
    with pytest.raises(ValueError, match=message):
        run_experiment(solutions_dir, tmp_path, console=_quiet()[0], **kwargs)
