"""run_experiment: the submission's classes, each variant trained in turn and measured, then the plots and
the table."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import keras
import numpy as np
from rich import box
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from grader.datasets import load_digits
from grader.fileio import write_text_atomic
from grader.load import load_submission
from grader.packs.regularization.experiment.classes import ClassUnavailable, StudentClasses
from grader.packs.regularization.experiment.run import (checked_setup, chosen_variants, epoch_reporter,
                                                        failure_reason, progress_columns, student_classes)
from grader.packs.regularization.experiment.train import training_subset
from grader.packs.regularized_training.experiment.figures import plot_attack, plot_calibration, plot_comparison
from grader.packs.regularized_training.experiment.measures import AttackFailed, attack_accuracies, calibration
from grader.packs.regularized_training.experiment.network import ATTACK, SETUP, VARIANTS, Setup, Variant, build_plan
from grader.packs.regularized_training.experiment.results import SkippedVariant, TrainingReport, TrainingResult, attack_at
from grader.packs.regularized_training.experiment.tables import results_csv, results_markdown
from grader.packs.regularized_training.experiment.train import train
from grader.report.progress import live

TITLE = "Regularized training experiment"
FIGURES = ("comparison.png", "fgsm_attack.png", "calibration.png")


def run_experiment(submission: Path | str, out: Path | str, *, console: Console | None = None,
                   epochs: int | None = None, variants: Sequence[str] | None = None,
                   seed: int | None = None) -> TrainingReport:
    """Train the first assignment's overfitting network on 300 digits plainly and with each of the student's
    techniques, then measure each one's calibration and its accuracy under the student's FGSM attack.

    Every variant gets the same network, initial weights, batches, optimizer and epochs (``network.SETUP``);
    only the training differs. A variant whose class is missing, not implemented yet or fails is skipped with
    the reason, and so are the FGSM curves when ``fgsm_examples`` is; the rest still runs. The student's code
    runs in this process, unsandboxed, and ``keras.utils.set_random_seed`` reseeds Python's, NumPy's and
    TensorFlow's global generators.

    Args:
        submission: a folder, .py file, .ipynb notebook or .zip (see ``grader.load``).
        out: folder for ``comparison.png``, ``fgsm_attack.png``, ``calibration.png``, ``results.csv`` and
            ``results.md``; created if needed.
        console: where the progress bar and skip notices go; default: standard error.
        epochs: epochs per variant (early stopping may stop sooner); default ``SETUP.epochs``.
        variants: names from ``VARIANTS`` to run (``"none"``, ``"early_stopping"``, ...); default all. They
            run in the experiment's order whatever the order given.
        seed: given to ``keras.utils.set_random_seed`` before each variant, and to the shuffling and the
            augmentation layers; default ``SETUP.seed``.

    Returns:
        A TrainingReport: rows of the variants that ran, skipped ones with reasons, files written.

    Raises:
        grader.load.SubmissionError: the submission cannot be read at all.
        ValueError: ``epochs``, ``variants`` or ``seed`` is invalid.
    """
    setup = checked_setup(SETUP, epochs, seed)
    chosen = chosen_variants(variants, VARIANTS)
    loaded = load_submission(submission, assignment="regularized_training")
    out = Path(out)
    console = Console(stderr=True) if console is None else console
    data = load_digits()
    train_data = training_subset(*data.train, setup)
    report = TrainingReport(submission=loaded.name, setup=setup)
    started = time.monotonic()
    plain = not live(console)  # a notebook cell or a log keeps every frame of a bar: a line per variant there
    with StudentClasses(loaded) as student, Progress(*progress_columns(), console=console, disable=plain) as progress:
        task = progress.add_task(TITLE, total=len(chosen) * setup.epochs)
        fgsm = _attack(student)
        if isinstance(fgsm, str):
            report.attack_skipped, fgsm = fgsm, None
            progress.console.print("Skipped the FGSM attack", markup=False, highlight=False)
        for index, variant in enumerate(chosen):
            progress.update(task, completed=index * setup.epochs, description=f"{variant.label}: building")
            if plain:
                console.print(f"{variant.label} ({index + 1}/{len(chosen)})", markup=False, highlight=False)
            on_epoch = epoch_reporter(progress, task, variant.label, index * setup.epochs, setup.epochs)
            outcome = _run_variant(variant, student, setup, train_data, data.val, data.image_shape, on_epoch)
            if isinstance(outcome, SkippedVariant):
                report.skipped.append(outcome)
                # The reason follows once, in the summary.
                progress.console.print(f"Skipped {variant.label}", markup=False, highlight=False)
                continue
            result, network = outcome
            if fgsm is not None:
                progress.update(task, description=f"{variant.label}: FGSM attack")
                attack = _attack_curve(fgsm, network, data.val, setup, student)
                if isinstance(attack, str):  # no curves at all rather than some
                    report.attack_skipped, fgsm = attack, None
                    report.rows = [replace(row, attack=()) for row in report.rows]
                    progress.console.print("Skipped the FGSM attack", markup=False, highlight=False)
                else:
                    result = replace(result, attack=attack)
            report.rows.append(result)
        progress.update(task, completed=len(chosen) * setup.epochs, description="Writing the plots and the table")
        report.paths = _write_outputs(report, out, len(data.val[0]))
        progress.update(task, description=f"{TITLE}: done")
    report.seconds = time.monotonic() - started
    return report


def _attack(student: StudentClasses) -> Callable | str:
    """The student's fgsm_examples, or why it cannot be used."""
    name, exercise = ATTACK
    filename = student.pack.exercise(exercise).filename
    broken = student.submission.broken_cell(filename, name)
    if broken is not None:
        return f"{name} is defined in cell {broken.cell}, which does not compile: {broken.error}"
    try:
        return student.get(name, exercise=exercise)
    except ClassUnavailable as exc:
        return student.submission.locate(str(exc))


def _attack_curve(fgsm: Callable, network: keras.Model, val_data: tuple[np.ndarray, np.ndarray], setup: Setup,
                  student: StudentClasses) -> tuple[float, ...] | str:
    """Validation accuracy under FGSM at each epsilon, or why the attack failed."""
    try:
        return attack_accuracies(fgsm, network, *val_data, setup.attack_epsilons)
    except AttackFailed as exc:
        return str(exc)
    except (Exception, SystemExit) as exc:  # whatever the student's function raises skips the curves
        return student.submission.locate(failure_reason(exc, ATTACK[0], "crafting adversarial examples"))


def _run_variant(variant: Variant, student: StudentClasses, setup: Setup, train_data, val_data,
                 image_shape: tuple[int, int], on_epoch: Callable[[int], None]
                 ) -> tuple[TrainingResult, keras.Model] | SkippedVariant:
    classes = student_classes(variant, student)
    if isinstance(classes, SkippedVariant):
        return classes
    started = time.monotonic()
    keras.backend.clear_session()  # a fresh graph and layer names for each variant
    keras.utils.set_random_seed(setup.seed)
    stage = "building the network"

    def on_stage(what: str) -> None:
        nonlocal stage
        stage = what

    try:
        plan = build_plan(variant, classes, setup, inputs=train_data[0].shape[1],
                          num_classes=int(train_data[1].max()) + 1)
        trained = train(plan, train_data, val_data, setup, image_shape, on_epoch, on_stage)
    except (Exception, SystemExit) as exc:  # whatever the student's class raises skips its variant
        if not variant.classes:
            raise  # no student code in this variant: the experiment itself is broken
        reason = failure_reason(exc, variant.classes[0], stage)
        return SkippedVariant(variant.name, variant.label, student.submission.locate(reason))
    # The weights training ended with (with early stopping, the restored ones), in inference mode.
    x = np.concatenate([train_data[0], val_data[0]])
    probabilities = keras.ops.convert_to_numpy(plan.network(x, training=False))
    n_train = len(train_data[0])
    correct = probabilities.argmax(axis=-1) == np.concatenate([train_data[1], val_data[1]])
    result = TrainingResult(
        name=variant.name, label=variant.label, setting=variant.setting(setup),
        train_accuracy=float(correct[:n_train].mean()), val_accuracy=float(correct[n_train:].mean()),
        train_curve=trained.train_curve, val_curve=trained.val_curve, seconds=time.monotonic() - started,
        calibration=calibration(probabilities[n_train:], val_data[1], setup.calibration_bins),
        best_epoch=trained.best_epoch)
    return result, plan.network


def _write_outputs(report: TrainingReport, out: Path, val_samples: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    if report.rows:
        paths.append(out / "comparison.png")
        plot_comparison(report.rows, paths[-1], report.setup, val_samples)
    attacked = [row for row in report.rows if row.attack]
    if attacked:
        paths.append(out / "fgsm_attack.png")
        plot_attack(attacked, paths[-1], report.setup, val_samples)
    smoothing = [row for row in report.rows if row.name in ("none", "label_smoothing")]
    if smoothing:
        paths.append(out / "calibration.png")
        plot_calibration(smoothing, paths[-1], report.setup, val_samples)
    # A plot left by an earlier run would pass for this run's.
    for stale in FIGURES:
        if out / stale not in paths:
            (out / stale).unlink(missing_ok=True)
    figures = [path.name for path in paths]
    for name, text in (("results.csv", results_csv(report)), ("results.md", results_markdown(report, figures))):
        paths.append(out / name)
        write_text_atomic(paths[-1], text)
    return paths


def print_summary(report: TrainingReport, console: Console | None = None) -> None:
    """The table of final accuracies, calibration and robustness, and what was skipped, for the terminal."""
    console = console or Console()
    setup = report.setup
    epochs = f"{setup.epochs} epoch{'s' if setup.epochs > 1 else ''}"
    table = Table(title=f"{TITLE}: {report.submission} ({epochs}, {report.seconds:.0f} s)", title_justify="left",
                  box=box.SIMPLE_HEAD)  # no column rules: eight columns fit 80 characters
    table.add_column("Variant", no_wrap=True)  # the headers wrap instead, on a narrow terminal
    table.add_column("Epochs", justify="right", min_width=7)
    for column in ("Train acc.", "Val. acc.", "Gap", "Conf.", "ECE", f"FGSM (eps {setup.adversarial_epsilon:g})"):
        table.add_column(column, justify="right", min_width=5)
    for row in report.rows:
        attack = attack_at(row, setup)
        table.add_row(row.label, str(row.epochs_run), f"{row.train_accuracy:.3f}", f"{row.val_accuracy:.3f}",
                      f"{row.gap:.3f}", f"{row.calibration.mean_confidence:.3f}", f"{row.calibration.error:.3f}",
                      "-" if attack is None else f"{attack:.3f}")
    for skipped in report.skipped:
        table.add_row(skipped.label, "skipped", "-", "-", "-", "-", "-", "-")
    console.print(table)
    for skipped in report.skipped:
        console.print(f"{skipped.label} skipped: {skipped.reason}", markup=False, highlight=False)
    if report.attack_skipped:
        console.print(f"FGSM attack skipped: {report.attack_skipped}", markup=False, highlight=False)
    if report.paths:
        console.print(f"Wrote {len(report.paths)} files to {report.paths[0].parent}", markup=False, highlight=False)
