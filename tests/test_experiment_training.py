"""The regularized-training experiment: outputs on the reference solutions (a short run), skips on the
generated skeletons and on one broken class."""

from __future__ import annotations

import csv
import io
import shutil
import struct
from pathlib import Path

import pytest
from rich.console import Console

from grader import packs
from grader.assign.skeleton import render_skeletons
from grader.packs.regularized_training.experiment import SETUP, VARIANTS, print_summary, run_experiment

PACK = packs.get("regularized_training")
SOLUTIONS = PACK.solutions
NAMES = [variant.name for variant in VARIANTS]
FIGURES = ["comparison.png", "fgsm_attack.png", "calibration.png"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VAL_IMAGES = 359

# CutMix of the reference, its pasting replaced by an error: only its variant may suffer.
GOOD_PASTE = 'return ops.where(transformation["batch_masks"], partners, images)'
BROKEN_PASTE = 'raise ValueError("the box does not fit the image")'


def _quiet() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, width=300), buffer


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _submission(folder: Path, **replaced: str) -> Path:
    """The reference files, with ``replaced`` (file name -> text) on top."""
    folder.mkdir(parents=True)
    for path in SOLUTIONS.glob("*.py"):
        shutil.copy(path, folder / path.name)
    for name, text in replaced.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Every variant for 2 epochs on the reference solutions."""
    out = tmp_path_factory.mktemp("experiment_training")
    console, printed = _quiet()
    report = run_experiment(SOLUTIONS, out, console=console, epochs=2)
    return report, out, printed


def test_reference_writes_the_figures_and_the_table(reference):
    report, out, _ = reference
    for name in FIGURES:
        width, height = _png_size((out / name).read_bytes())
        assert width > 500 and height > 300, name
    assert sorted(path.name for path in report.paths) == sorted([*FIGURES, "results.csv", "results.md"])
    markdown = (out / "results.md").read_text(encoding="utf-8")
    body = [line for line in markdown.splitlines() if line.startswith("| ")][1:]  # minus the header row
    assert [line.split(" | ")[0].lstrip("| ") for line in body] == [variant.label for variant in VARIANTS]
    assert all(f"]({name})" in markdown for name in FIGURES)


def test_reference_numbers_are_sane(reference):
    report, out, _ = reference
    assert [row.name for row in report.rows] == NAMES and report.skipped == [] and report.attack_skipped == ""
    for row in report.rows:
        assert 1 <= row.epochs_run <= 2 and len(row.train_curve) == row.epochs_run, row.name
        assert all(0.0 <= value <= 1.0 for value in (*row.train_curve, *row.val_curve, *row.attack)), row.name
        assert row.val_accuracy > 0.3, row.name  # 10 classes: chance is 0.1
        if row.name != "early_stopping":  # the others end with the last epoch's weights
            assert (row.train_accuracy, row.val_accuracy) == (row.train_curve[-1], row.val_curve[-1]), row.name
        assert sum(row.calibration.counts) == VAL_IMAGES and 0.0 <= row.calibration.error <= 1.0, row.name
        assert len(row.attack) == len(SETUP.attack_epsilons) and SETUP.attack_epsilons[0] == 0.0
        assert row.attack[0] == pytest.approx(row.val_accuracy), row.name  # epsilon 0: the clean images
        assert row.attack[-1] < row.attack[0], row.name  # the attack hurts
    rows = _csv_rows(out / "results.csv")
    assert [row["variant"] for row in rows] == NAMES
    assert all(float(row["gap"]) == pytest.approx(float(row["train_accuracy"]) - float(row["val_accuracy"]), abs=2e-4)
               for row in rows)
    assert all(row[f"fgsm_accuracy_eps_{epsilon:g}"] for row in rows for epsilon in SETUP.attack_epsilons)


def test_runs_repeat_exactly(reference, tmp_path):
    report, _, _ = reference
    # MixUp: the shuffling, the initial weights and the layer's own draws must all repeat.
    (row,) = run_experiment(SOLUTIONS, tmp_path, console=_quiet()[0], epochs=2, variants=["mixup"]).rows
    first = report.row("mixup")
    assert (row.val_curve, row.attack, row.calibration.counts) == (first.val_curve, first.attack, first.calibration.counts)


def test_skeletons_skip_every_student_variant_and_the_attack(tmp_path):
    skeletons = tmp_path / "skeletons"
    skeletons.mkdir()
    for name, text in render_skeletons(SOLUTIONS).items():
        (skeletons / name).write_text(text, encoding="utf-8")
    console, printed = _quiet()
    report = run_experiment(skeletons, tmp_path / "out", console=console, epochs=1)
    assert [row.name for row in report.rows] == ["none"] and len(report.row("none").val_curve) == 1
    skipped = {entry.name: entry.reason for entry in report.skipped}
    assert list(skipped) == NAMES[1:]
    for variant in VARIANTS[1:]:
        (cls,) = variant.classes
        assert skipped[variant.name].startswith(f"{cls} is not implemented yet: "), skipped[variant.name]
        assert "not written yet" in skipped[variant.name] and "Traceback" not in skipped[variant.name]
        assert printed.getvalue().count(f"Skipped {variant.label}") == 1  # the reason comes once, in the summary
    assert report.attack_skipped.startswith("fgsm_examples is not implemented yet: fgsm_examples"), report.attack_skipped
    print_summary(report, console)
    assert printed.getvalue().count("FGSM attack skipped: fgsm_examples is not implemented yet") == 1
    # The plain network still has its curve and its calibration; no FGSM curve to draw.
    assert sorted(path.name for path in report.paths) == ["calibration.png", "comparison.png", "results.csv", "results.md"]
    rows = _csv_rows(tmp_path / "out" / "results.csv")
    assert [row["variant"] for row in rows] == NAMES
    assert rows[0]["val_accuracy"] and not rows[0]["skipped_because"] and not rows[0]["fgsm_accuracy_eps_0.1"]
    assert all(row["skipped_because"] and not row["val_accuracy"] for row in rows[1:])


def test_a_broken_class_skips_only_its_variant(tmp_path):
    text = (SOLUTIONS / "augmentation.py").read_text(encoding="utf-8")
    assert text.count(GOOD_PASTE) == 1
    broken = text.replace(GOOD_PASTE, BROKEN_PASTE)
    submission = _submission(tmp_path / "student", **{"augmentation.py": broken})
    out = tmp_path / "out"
    out.mkdir()
    (out / "fgsm_attack.png").write_bytes(b"left by an earlier run")
    report = run_experiment(submission, out, console=_quiet()[0], epochs=1, variants=["mixup", "cutmix"])
    assert [row.name for row in report.rows] == ["mixup"]  # the other class of the same file still runs
    (skipped,) = report.skipped
    line = broken.splitlines().index(f"        {BROKEN_PASTE}") + 1
    assert skipped.name == "cutmix"
    assert skipped.reason.startswith("CutMix failed while augmenting a batch: ValueError: the box does not fit the "
                                     "image"), skipped.reason
    assert f"(augmentation.py, line {line}, in transform_images)" in skipped.reason
    assert report.attack_skipped == "" and all(row.attack for row in report.rows)
    assert _png_size((out / "fgsm_attack.png").read_bytes())  # rewritten, not the stale file


def test_invalid_arguments_are_refused_before_any_training(tmp_path):
    with pytest.raises(ValueError, match="Invalid value for argument variants"):
        run_experiment(SOLUTIONS, tmp_path, console=_quiet()[0], variants=["none", "dropout"])
