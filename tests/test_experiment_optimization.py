"""The optimization experiment: outputs on the reference solutions (a short run), skips on the generated
skeletons and on broken code."""

from __future__ import annotations

import csv
import io
import math
import shutil
import struct
from pathlib import Path

import pytest
from rich.console import Console

from grader import packs
from grader.assign.skeleton import render_skeletons
from grader.packs.optimization.experiment import SETUP, VARIANTS, print_summary, run_experiment

PACK = packs.get("optimization")
SOLUTIONS = PACK.solutions
NAMES = [variant.name for variant in VARIANTS]
OPTIMIZERS = ["sgd", "momentum", "adagrad", "rmsprop", "adam"]
INITIALIZATIONS = ["normal", "small_normal", "glorot", "he"]
FIGURES = ["comparison.png", "activations.png", "search.png"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
STEPS_PER_EPOCH = 33  # 1,079 training images in batches of 32
TRIALS = 6

# The reference with three pieces broken, one per part: only what each breaks may be lost.
GOOD_ADAM = "        self.assign_sub(variable, alpha * m / (ops.sqrt(v) + self.epsilon))"
BROKEN_ADAM = '        raise ValueError("the step has the wrong shape")'
GOOD_HE = "        return keras.random.truncated_normal(shape, mean=0.0, stddev=stddev, dtype=dtype, seed=self.seed)"
BROKEN_HE = "        return keras.random.truncated_normal((3,), mean=0.0, stddev=stddev, dtype=dtype, seed=self.seed)"
GOOD_NARROW = "    best = sorted(results, key=lambda pair: -float(pair[1]))[:keep]"
BROKEN_NARROW = "    best = sorted(results, key=lambda pair: -pair[1]['score'])[:keep]"


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


def _replaced(filename: str, good: str, bad: str) -> str:
    text = (SOLUTIONS / filename).read_text(encoding="utf-8")
    assert text.count(good) == 1, good
    return text.replace(good, bad)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Every part on the reference solutions: 2 epochs per optimizer, 6 search trials."""
    out = tmp_path_factory.mktemp("experiment_optimization")
    console, printed = _quiet()
    report = run_experiment(SOLUTIONS, out, console=console, epochs=2, trials=TRIALS)
    return report, out, printed


def test_reference_writes_the_figures_and_the_tables(reference):
    report, out, _ = reference
    for name in FIGURES:
        width, height = _png_size((out / name).read_bytes())
        assert width > 800 and height > 400, name
    assert sorted(path.name for path in report.paths) == sorted([*FIGURES, "results.csv", "results.md"])
    markdown = (out / "results.md").read_text(encoding="utf-8")
    for heading in ("## Optimizers", "## Activations at initialization", "## Random search"):
        assert heading in markdown
    assert all(f"]({name})" in markdown for name in FIGURES) and "Skipped" not in markdown
    rows = _csv_rows(out / "results.csv")
    assert {row["part"] for row in rows} == {"optimizers", "activations", "search"}
    assert not any(row["skipped_because"] for row in rows)
    finals = {row["name"]: float(row["value"]) for row in rows if row["quantity"] == "final_train_loss"}
    assert list(finals) == OPTIMIZERS
    assert sum(row["name"].startswith("trial_") and row["quantity"] == "val_accuracy" for row in rows) == TRIALS
    assert {row["quantity"] for row in rows if row["name"] == "narrowed"} == {
        "learning_rate_low", "learning_rate_high", "weight_decay_low", "weight_decay_high"}


def test_reference_optimizers_learn(reference):
    report, _, _ = reference
    assert [row.name for row in report.optimizers] == OPTIMIZERS and report.skipped == []
    for row in report.optimizers:
        assert len(row.step_losses) == 2 * STEPS_PER_EPOCH and row.steps_per_epoch == STEPS_PER_EPOCH, row.name
        assert not row.diverged and len(row.val_accuracy) == 2, row.name
        first_epoch = sum(row.step_losses[:STEPS_PER_EPOCH]) / STEPS_PER_EPOCH
        assert row.final_loss < first_epoch < 2.4, row.name  # ln(10) = 2.30 at the start
    # The same initial weights and first batch: every optimizer's first loss is the same.
    assert len({round(row.step_losses[0], 5) for row in report.optimizers}) == 1
    losses = {row.name: row.final_loss for row in report.optimizers}
    assert losses["momentum"] < losses["sgd"] and losses["adam"] < losses["sgd"]


def test_reference_activations_show_each_initialization(reference):
    report, _, _ = reference
    rows = {row.name: row.activations for row in report.activations}
    assert list(rows) == INITIALIZATIONS
    for name, activations in rows.items():
        for activation, histograms in activations.items():
            assert len(histograms.layers) == SETUP.probe_depth, (name, activation)
            for stats in histograms.layers:
                assert sum(stats.counts) == pytest.approx(1.0) and 0 <= stats.dead <= stats.saturated <= 1
    assert rows["normal"]["sigmoid"].layers[-1].saturated > 0.3  # N(0, 1): sigmoid stuck at 0 or 1
    assert rows["small_normal"]["sigmoid"].layers[-1].std < 0.03  # N(0, 0.01^2): every output about 0.5
    assert rows["small_normal"]["relu"].layers[-1].std < 1e-4  # ... and ReLU's shrink to 0
    glorot = rows["glorot"]["sigmoid"].layers[-1]
    assert glorot.saturated == 0 and glorot.std > 0.05  # spread over (0, 1), none stuck at an end ...
    assert glorot.image_std < 0.01 * glorot.std  # ... but between the units: each gives every image about the same
    he = rows["he"]["relu"].layers
    assert 0.5 < he[-1].std / he[0].std < 2 and he[-1].image_std > 0.25 * he[-1].std  # He keeps ReLU's spread


def test_reference_search_and_narrowing(reference):
    report, _, printed = reference
    search = report.search
    assert len(search.trials) == TRIALS and search.keep == TRIALS and search.narrow_skipped == ""
    for trial in search.trials:
        for name, (low, high) in SETUP.search_ranges.items():
            assert low <= trial.setting[name] <= high
        assert 0.0 <= trial.val_accuracy <= 1.0
    # narrow kept every trial: the narrowed range spans them all.
    for name, (low, high) in search.narrowed.items():
        values = [trial.setting[name] for trial in search.trials]
        assert (low, high) == pytest.approx((min(values), max(values)))
    print_summary(report, Console(file=printed, width=300))
    assert "Random search: 6 trials; best validation accuracy" in printed.getvalue()


def test_runs_repeat_exactly(reference, tmp_path):
    report, _, _ = reference
    again = run_experiment(SOLUTIONS, tmp_path, console=_quiet()[0], epochs=2, trials=TRIALS,
                           variants=["adam", "search"])
    assert again.row("adam").step_losses == report.row("adam").step_losses
    assert again.search.trials == report.search.trials and again.search.narrowed == report.search.narrowed
    assert sorted(path.name for path in again.paths) == ["comparison.png", "results.csv", "results.md", "search.png"]


def test_skeletons_skip_every_student_part(tmp_path):
    skeletons = tmp_path / "skeletons"
    skeletons.mkdir()
    for name, text in render_skeletons(SOLUTIONS).items():
        (skeletons / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "search.png").write_bytes(b"left by an earlier run")
    console, printed = _quiet()
    report = run_experiment(skeletons, out, console=console, epochs=1, trials=2)
    assert report.optimizers == [] and report.search is None
    assert [row.name for row in report.activations] == ["normal", "small_normal"]  # no student code in them
    skipped = {entry.name: entry.reason for entry in report.skipped}
    assert list(skipped) == [name for name in NAMES if name not in ("normal", "small_normal")]
    for variant in VARIANTS:
        if variant.name in skipped:
            (name,) = variant.classes
            assert skipped[variant.name].startswith(f"{name} is not implemented yet: "), skipped[variant.name]
            assert "not written yet" in skipped[variant.name] and "Traceback" not in skipped[variant.name]
            assert printed.getvalue().count(f"Skipped {variant.label}\n") == 1  # the reason comes once, in the summary
    print_summary(report, console)
    assert printed.getvalue().count("Adam skipped: Adam is not implemented yet") == 1
    assert sorted(path.name for path in report.paths) == ["activations.png", "results.csv", "results.md"]
    assert not (out / "search.png").exists()  # a stale figure would pass for this run's
    rows = _csv_rows(out / "results.csv")
    assert all(row["skipped_because"] for row in rows if row["part"] != "activations")
    assert "| Adam | Adam(learning_rate=0.001) | skipped |" in (out / "results.md").read_text(encoding="utf-8")


def test_broken_code_skips_only_its_part(tmp_path):
    submission = tmp_path / "student"
    submission.mkdir()
    for path in SOLUTIONS.glob("*.py"):
        shutil.copy(path, submission / path.name)
    broken = {"optimizers.py": _replaced("optimizers.py", GOOD_ADAM, BROKEN_ADAM),
              "initializers.py": _replaced("initializers.py", GOOD_HE, BROKEN_HE),
              "search.py": _replaced("search.py", GOOD_NARROW, BROKEN_NARROW)}
    for name, text in broken.items():
        (submission / name).write_text(text, encoding="utf-8")
    report = run_experiment(submission, tmp_path / "out", console=_quiet()[0], epochs=1, trials=3,
                            variants=["rmsprop", "adam", "glorot", "he", "search"])
    assert [row.name for row in report.optimizers] == ["rmsprop"]  # the other class of the same file still runs
    assert [row.name for row in report.activations] == ["glorot"]
    skipped = {entry.name: entry.reason for entry in report.skipped}
    assert list(skipped) == ["adam", "he"]
    line = broken["optimizers.py"].splitlines().index(BROKEN_ADAM) + 1
    assert skipped["adam"].startswith("Adam failed while training: ValueError: the step has the wrong shape"), skipped
    assert f"(optimizers.py, line {line}, in update_step)" in skipped["adam"]
    assert skipped["he"] == "HeNormal returned shape (3,) for shape=(64, 100)"
    # The search ran; only the narrowed range is missing, with the reason.
    assert len(report.search.trials) == 3 and report.search.narrowed is None
    assert report.search.narrow_skipped.startswith("narrow failed while narrowing the ranges: TypeError"), report.search
    assert "(search.py, line" in report.search.narrow_skipped
    assert math.isfinite(report.search.best[0].val_accuracy)


def test_invalid_arguments_are_refused_before_any_training(tmp_path):
    with pytest.raises(ValueError, match="Invalid value for argument variants"):
        run_experiment(SOLUTIONS, tmp_path, console=_quiet()[0], variants=["adam", "dropout"])
    with pytest.raises(ValueError, match="Invalid value for argument trials"):
        run_experiment(SOLUTIONS, tmp_path, console=_quiet()[0], trials=0)
    assert not any(tmp_path.iterdir())
