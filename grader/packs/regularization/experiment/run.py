"""run_experiment: the submission's classes, each variant trained in turn, then the plots and the table."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import keras
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from grader.datasets import load_digits
from grader.packs.regularization.experiment.classes import ClassUnavailable, StudentClasses, describe_error, raised_by_student
from grader.packs.regularization.experiment.figures import accuracy_limits, plot_comparison, plot_variant
from grader.packs.regularization.experiment.network import SETUP, VARIANTS, Setup, Variant, build_network
from grader.packs.regularization.experiment.results import ExperimentReport, SkippedVariant, VariantResult
from grader.packs.regularization.experiment.tables import results_csv, results_markdown
from grader.packs.regularization.experiment.train import train, training_subset
from grader.fileio import write_text_atomic
from grader.load import load_submission
from grader.report.progress import live

SetupT = TypeVar("SetupT", bound=Setup)
VariantT = TypeVar("VariantT", bound=Variant)


def run_experiment(submission: Path | str, out: Path | str, *, console: Console | None = None,
                   epochs: int | None = None, variants: Sequence[str] | None = None,
                   seed: int | None = None) -> ExperimentReport:
    """Train one deep network on 300 digits without regularization and with each of the student's classes.

    Every variant gets the same network, optimizer, epochs and seed (``network.SETUP``); only the
    regularization differs. A variant whose class is missing, not implemented yet or fails is skipped
    with the reason; the others still run. The student's code runs in this process, unsandboxed, and
    ``keras.utils.set_random_seed`` reseeds Python's, NumPy's and TensorFlow's global generators.

    Args:
        submission: a folder, .py file, .ipynb notebook or .zip (see ``grader.load``).
        out: folder for ``<variant>.png``, ``comparison.png``, ``results.csv`` and ``results.md``;
            created if needed.
        console: where the progress bar and skip notices go; default: standard error.
        epochs: epochs per variant; default ``SETUP.epochs``.
        variants: names from ``VARIANTS`` to run (``"unregularized"``, ``"l2"``, ...); default all.
            They run in the experiment's order whatever the order given.
        seed: given to ``keras.utils.set_random_seed`` before each variant; default ``SETUP.seed``.

    Returns:
        An ExperimentReport: rows of the variants that ran, skipped ones with reasons, files written.

    Raises:
        grader.load.SubmissionError: the submission cannot be read at all.
        ValueError: ``epochs``, ``variants`` or ``seed`` is invalid.
    """
    setup = checked_setup(SETUP, epochs, seed)
    chosen = chosen_variants(variants, VARIANTS)
    loaded = load_submission(submission, assignment="regularization")
    out = Path(out)
    console = Console(stderr=True) if console is None else console
    data = load_digits()
    train_data = training_subset(*data.train, setup)
    report = ExperimentReport(submission=loaded.name, setup=setup)
    started = time.monotonic()
    plain = not live(console)  # a notebook cell or a log keeps every frame of a bar: a line per variant there
    with StudentClasses(loaded) as student, Progress(*progress_columns(), console=console, disable=plain) as progress:
        task = progress.add_task("Overfitting experiment", total=len(chosen) * setup.epochs)
        for index, variant in enumerate(chosen):
            progress.update(task, completed=index * setup.epochs, description=f"{variant.label}: building")
            if plain:
                console.print(f"{variant.label} ({index + 1}/{len(chosen)})", markup=False, highlight=False)
            on_epoch = epoch_reporter(progress, task, variant.label, index * setup.epochs, setup.epochs)
            outcome = _run_variant(variant, student, setup, train_data, data.val, on_epoch)
            if isinstance(outcome, SkippedVariant):
                report.skipped.append(outcome)
                # The reason follows once, in the summary.
                progress.console.print(f"Skipped {variant.label}", markup=False, highlight=False)
            else:
                report.rows.append(outcome)
        progress.update(task, completed=len(chosen) * setup.epochs, description="Writing the plots and the table")
        report.paths = _write_outputs(report, out, len(data.val[0]))
        progress.update(task, description="Overfitting experiment: done")
    report.seconds = time.monotonic() - started
    return report


def progress_columns() -> tuple:
    """The progress bar's columns: what it is doing, the bar, epochs done of all, time spent and left."""
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("epochs"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())


def epoch_reporter(progress: Progress, task, label: str, done_before: int, epochs: int) -> Callable[[int], None]:
    """``on_epoch(n)``: moves the bar to epoch n of the variant ``label`` that starts at ``done_before``."""

    def on_epoch(epoch: int) -> None:
        progress.update(task, completed=done_before + epoch, description=f"{label}: epoch {epoch}/{epochs}")

    return on_epoch


def checked_setup(base: SetupT, epochs: int | None, seed: int | None) -> SetupT:
    """``base`` with ``epochs`` and ``seed`` where given; ValueError when either is invalid."""
    if epochs is not None and (not isinstance(epochs, int) or isinstance(epochs, bool) or epochs < 1):
        raise ValueError(f"Invalid value for argument epochs: expected a whole number of at least 1. Received: epochs={epochs!r}")
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or seed < 0):
        raise ValueError(f"Invalid value for argument seed: expected a whole number of at least 0. Received: seed={seed!r}")
    return replace(base, epochs=base.epochs if epochs is None else epochs, seed=base.seed if seed is None else seed)


def chosen_variants(names: Sequence[str] | None, variants: Sequence[VariantT]) -> list[VariantT]:
    """The ``variants`` named, in their order; all of them for None. ValueError for an unknown name."""
    if names is None:
        return list(variants)
    known = [variant.name for variant in variants]
    unknown = [name for name in names if name not in known]
    if isinstance(names, str) or unknown or not names:
        raise ValueError(f"Invalid value for argument variants: expected a non-empty list of names from {known}. "
                         f"Received: variants={names!r}")
    return [variant for variant in variants if variant.name in names]


def student_classes(variant: Variant, student: StudentClasses) -> dict[str, type] | SkippedVariant:
    """The student's classes ``variant`` needs, by name; or the variant skipped, with the reason: a class
    in a notebook cell that does not compile (naming the cell), missing, or whose file does not import."""
    for name in variant.classes:
        broken = student.submission.broken_cell(student.pack.exercise(name).filename, name)
        if broken is not None:
            return SkippedVariant(variant.name, variant.label,
                                  f"{name} is defined in cell {broken.cell}, which does not compile: {broken.error}")
    try:
        return {name: student.get(name) for name in variant.classes}
    except ClassUnavailable as exc:
        return SkippedVariant(variant.name, variant.label, student.submission.locate(str(exc)))


def failure_reason(exc: BaseException, name: str, stage: str) -> str:
    """Why the student's ``name`` stopped the experiment while ``stage``: not implemented yet (its own
    ``raise NotImplementedError``: TensorFlow raises it too), or failed, with the error and the student's line."""
    if isinstance(exc, NotImplementedError) and raised_by_student(exc):
        return f"{name} is not implemented yet: {describe_error(exc, with_type=False)}"
    return f"{name} failed while {stage}: {describe_error(exc)}"


def _run_variant(variant: Variant, student: StudentClasses, setup: Setup, train_data, val_data,
                 on_epoch: Callable[[int], None]) -> VariantResult | SkippedVariant:
    classes = student_classes(variant, student)
    if isinstance(classes, SkippedVariant):
        return classes
    started = time.monotonic()
    keras.backend.clear_session()  # a fresh graph and layer names for each variant
    keras.utils.set_random_seed(setup.seed)
    stage = "building the network"
    try:
        model = build_network(variant, classes, setup, inputs=train_data[0].shape[1],
                              num_classes=int(train_data[1].max()) + 1)
        stage = "training"
        curves = train(model, train_data, val_data, setup, on_epoch)
    except (Exception, SystemExit) as exc:  # whatever the student's class raises skips its variant
        if not variant.classes:
            raise  # no student code in this variant: the experiment itself is broken
        reason = failure_reason(exc, variant.classes[0], stage)
        return SkippedVariant(variant.name, variant.label, student.submission.locate(reason))
    return VariantResult(name=variant.name, label=variant.label, setting=variant.setting(setup),
                         train_accuracy=curves.train[-1], val_accuracy=curves.val[-1], train_curve=curves.train,
                         val_curve=curves.val, seconds=time.monotonic() - started)


def _write_outputs(report: ExperimentReport, out: Path, val_samples: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    if report.rows:
        limits = accuracy_limits(report.rows)
        for row in report.rows:
            paths.append(out / f"{row.name}.png")
            plot_variant(row, paths[-1], limits, report.setup.train_samples, val_samples)
        paths.append(out / "comparison.png")
        plot_comparison(report.rows, paths[-1], report.setup.train_samples)
    # A plot left by an earlier run would pass for this run's.
    for stale in [skipped.name for skipped in report.skipped] + ([] if report.rows else ["comparison"]):
        (out / f"{stale}.png").unlink(missing_ok=True)
    for name, text in (("results.csv", results_csv(report)), ("results.md", results_markdown(report))):
        paths.append(out / name)
        write_text_atomic(paths[-1], text)
    return paths


def print_summary(report: ExperimentReport, console: Console | None = None) -> None:
    """The table of final accuracies and the skipped variants, for the terminal."""
    console = console or Console()
    epochs = f"{report.setup.epochs} epoch{'s' if report.setup.epochs > 1 else ''}"
    table = Table(title=f"Overfitting experiment: {report.submission} ({epochs}, {report.seconds:.0f} s)",
                  title_justify="left")
    for column, justify in (("Variant", "left"), ("Train acc.", "right"), ("Val. acc.", "right"), ("Gap", "right")):
        table.add_column(column, justify=justify)
    for row in report.rows:
        table.add_row(row.label, f"{row.train_accuracy:.3f}", f"{row.val_accuracy:.3f}", f"{row.gap:.3f}")
    for skipped in report.skipped:
        table.add_row(skipped.label, "skipped", "skipped", "-")
    console.print(table)
    for skipped in report.skipped:
        console.print(f"{skipped.label} skipped: {skipped.reason}", markup=False, highlight=False)
    if report.paths:
        console.print(f"Wrote {len(report.paths)} files to {report.paths[0].parent}", markup=False, highlight=False)
