"""run_experiment: the submission's optimizers, initializers and search functions, each part in turn, then
the plots and the tables."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
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
from grader.packs.optimization.experiment.figures import plot_activations, plot_comparison, plot_search
from grader.packs.optimization.experiment.measures import InitializerFailed, probe, probe_weights
from grader.packs.optimization.experiment.network import (ACTIVATIONS, NARROW, OPTIMIZERS, PROBE_ACTIVATIONS, SEARCH,
                                                          SETUP, VARIANTS, Setup, Variant, build_network,
                                                          build_optimizer)
from grader.packs.optimization.experiment.results import (ActivationResult, OptimizationReport, OptimizerResult,
                                                          SearchResult, SkippedVariant, Trial)
from grader.packs.optimization.experiment.tables import results_csv, results_markdown
from grader.packs.optimization.experiment.train import SearchTrainer, train_optimizer
from grader.packs.regularization.experiment.classes import ClassUnavailable, StudentClasses
from grader.packs.regularization.experiment.run import (checked_setup, chosen_variants, epoch_reporter,
                                                        failure_reason, progress_columns, student_classes)
from grader.report.progress import live

TITLE = "Optimization experiment"
FIGURES = {OPTIMIZERS: "comparison.png", ACTIVATIONS: "activations.png", SEARCH: "search.png"}


def run_experiment(submission: Path | str, out: Path | str, *, console: Console | None = None,
                   epochs: int | None = None, variants: Sequence[str] | None = None,
                   seed: int | None = None, trials: int | None = None) -> OptimizationReport:
    """Three parts on the digits, each with the student's code, each drawing one figure:

    1. the student's SGD, SGD with momentum, Adagrad, RMSprop and Adam train the same network from the same
       initial weights on the same batches: the training loss at every step (comparison.png);
    2. the activations of a 5-layer network at initialization, sigmoid and ReLU, with weights from N(0, 1),
       N(0, 0.01^2), the student's GlorotUniform and HeNormal (activations.png);
    3. a random search of ``trials`` short training runs drawn by the student's sample_hyperparameters, the
       best ones narrowed by the student's narrow (search.png).

    An optimizer, initialization or the search whose code is missing, not implemented yet or fails is skipped
    with the reason (so is only the narrowed range when ``narrow`` alone fails); the rest still runs. The
    student's code runs in this process, unsandboxed, and ``keras.utils.set_random_seed`` reseeds Python's,
    NumPy's and TensorFlow's global generators.

    Args:
        submission: a folder, .py file, .ipynb notebook or .zip (see ``grader.load``).
        out: folder for ``comparison.png``, ``activations.png``, ``search.png``, ``results.csv`` and
            ``results.md``; created if needed.
        console: where the progress bar and skip notices go; default: standard error.
        epochs: epochs of each optimizer's run; default ``SETUP.epochs``. (A search trial trains
            ``SETUP.search_epochs``.)
        variants: names from ``VARIANTS`` to run (``"sgd"``, ``"momentum"``, ``"adagrad"``, ``"rmsprop"``,
            ``"adam"``, ``"normal"``, ``"small_normal"``, ``"glorot"``, ``"he"``, ``"search"``); default all.
            They run in the experiment's order whatever the order given.
        seed: seeds the initial weights, the batches, the probe's weights and sample_hyperparameters; default
            ``SETUP.seed``.
        trials: the random search's number of trials; default ``SETUP.trials``.

    Returns:
        An OptimizationReport: the results of what ran, skipped parts with reasons, files written.

    Raises:
        grader.load.SubmissionError: the submission cannot be read at all.
        ValueError: ``epochs``, ``variants``, ``seed`` or ``trials`` is invalid.
    """
    setup = checked_setup(SETUP, epochs, seed)
    if trials is not None:
        if not isinstance(trials, int) or isinstance(trials, bool) or trials < 1:
            raise ValueError(f"Invalid value for argument trials: expected a whole number of at least 1. "
                             f"Received: trials={trials!r}")
        setup = replace(setup, trials=trials)
    chosen = chosen_variants(variants, VARIANTS)
    loaded = load_submission(submission, assignment="optimization")
    out = Path(out)
    console = Console(stderr=True) if console is None else console
    data = load_digits()
    report = OptimizationReport(submission=loaded.name, setup=setup)
    started = time.monotonic()
    plain = not live(console)  # a notebook cell or a log keeps every frame of a bar: a line per part there
    optimizers = [variant for variant in chosen if variant.part == OPTIMIZERS]
    initializations = [variant for variant in chosen if variant.part == ACTIVATIONS]
    search = [variant for variant in chosen if variant.part == SEARCH]
    # The bar counts epochs: each optimizer's, and each trial's. The activation probe trains nothing.
    total = len(optimizers) * setup.epochs + len(search) * setup.trials * setup.search_epochs
    with StudentClasses(loaded) as student, Progress(*progress_columns(), console=console, disable=plain) as progress:
        task = progress.add_task(TITLE, total=total)

        def skip(outcome: SkippedVariant) -> None:
            report.skipped.append(outcome)
            # The reason follows once, in the summary.
            progress.console.print(f"Skipped {outcome.label}", markup=False, highlight=False)

        for index, variant in enumerate(optimizers):
            progress.update(task, completed=index * setup.epochs, description=f"{variant.label}: building")
            if plain:
                console.print(f"{variant.label} ({index + 1}/{len(optimizers)})", markup=False, highlight=False)
            on_epoch = epoch_reporter(progress, task, variant.label, index * setup.epochs, setup.epochs)
            outcome = _run_optimizer(variant, student, setup, data.train, data.val, on_epoch)
            if isinstance(outcome, SkippedVariant):
                skip(outcome)
            else:
                report.optimizers.append(outcome)
        progress.update(task, completed=len(optimizers) * setup.epochs)
        if initializations:
            progress.update(task, description="Activations at initialization")
            if plain:
                console.print("Activations at initialization", markup=False, highlight=False)
        for variant in initializations:
            outcome = _run_initialization(variant, student, setup, data.train[0])
            if isinstance(outcome, SkippedVariant):
                skip(outcome)
            else:
                report.activations.append(outcome)
        done = len(optimizers) * setup.epochs

        def on_trial(n: int) -> None:
            progress.update(task, completed=done + n * setup.search_epochs,
                            description=f"Random search: trial {n}/{setup.trials}")

        for variant in search:
            if plain:
                console.print(f"Random search ({setup.trials} trials)", markup=False, highlight=False)
            outcome = _run_search(variant, student, setup, data, on_trial)
            if isinstance(outcome, SkippedVariant):
                skip(outcome)
            else:
                report.search = outcome
                if outcome.narrow_skipped:
                    progress.console.print("Skipped the narrowed range", markup=False, highlight=False)
        progress.update(task, completed=total, description="Writing the plots and the tables")
        report.paths = _write_outputs(report, out, len(data.train[0]), len(data.val[0]))
        progress.update(task, description=f"{TITLE}: done")
    report.seconds = time.monotonic() - started
    return report


def _run_optimizer(variant: Variant, student: StudentClasses, setup: Setup, train_data, val_data,
                   on_epoch: Callable[[int], None]) -> OptimizerResult | SkippedVariant:
    classes = student_classes(variant, student)
    if isinstance(classes, SkippedVariant):
        return classes
    started = time.monotonic()
    keras.backend.clear_session()  # a fresh graph and names for each optimizer
    keras.utils.set_random_seed(setup.seed)  # the same initial weights for every optimizer
    model = build_network(train_data[0].shape[1], int(train_data[1].max()) + 1, setup.depth, setup.width,
                          setup.activation)
    stage = "building the optimizer"

    def on_stage(what: str) -> None:
        nonlocal stage
        stage = what

    try:
        optimizer = build_optimizer(variant, classes, setup)
        run = train_optimizer(model, optimizer, train_data, val_data, setup, on_epoch, on_stage)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - whatever the student's class raises skips its optimizer
        reason = failure_reason(exc, variant.classes[0], stage)
        return SkippedVariant(variant.name, variant.label, student.submission.locate(reason))
    return OptimizerResult(name=variant.name, label=variant.label, setting=variant.setting(setup),
                           step_losses=run.step_losses, steps_per_epoch=len(train_data[0]) // setup.batch_size,
                           val_accuracy=run.val_accuracy, val_loss=run.val_loss, seconds=time.monotonic() - started)


def _run_initialization(variant: Variant, student: StudentClasses, setup: Setup,
                        images: np.ndarray) -> ActivationResult | SkippedVariant:
    classes = student_classes(variant, student)
    if isinstance(classes, SkippedVariant):
        return classes
    keras.utils.set_random_seed(setup.seed)
    try:
        kernels = probe_weights(variant, classes, setup, images.shape[1])
    except InitializerFailed as exc:
        return SkippedVariant(variant.name, variant.label, str(exc))
    except (Exception, SystemExit) as exc:  # whatever the student's initializer raises skips its rows
        if not variant.classes:
            raise  # no student code: the experiment itself is broken
        reason = failure_reason(exc, variant.classes[0], "drawing the weights")
        return SkippedVariant(variant.name, variant.label, student.submission.locate(reason))
    return ActivationResult(name=variant.name, label=variant.label, setting=variant.setting(setup),
                            activations={a: probe(kernels, images, a, setup) for a in PROBE_ACTIVATIONS})


def student_function(name: str, student: StudentClasses) -> Callable | str:
    """The student's function ``name`` (an exercise of the pack), or why it cannot be used."""
    filename = student.pack.exercise(name).filename
    broken = student.submission.broken_cell(filename, name)
    if broken is not None:
        return f"{name} is defined in cell {broken.cell}, which does not compile: {broken.error}"
    try:
        return student.get(name, exercise=name)
    except ClassUnavailable as exc:
        return student.submission.locate(str(exc))


class _Unusable(Exception):
    """The student's function returned something the search cannot use; the message says what."""


def _checked_settings(settings, n: int, ranges: Mapping[str, tuple[float, float]]) -> list[dict[str, float]]:
    name = "sample_hyperparameters"
    if not isinstance(settings, Sequence) or isinstance(settings, (str, bytes)):
        raise _Unusable(f"{name} returned a {type(settings).__name__}; expected a list of {n} dicts")
    if len(settings) != n:
        raise _Unusable(f"{name} returned {len(settings)} settings for n={n}")
    checked = []
    for i, setting in enumerate(settings):
        if not isinstance(setting, Mapping) or set(setting) != set(ranges):
            raise _Unusable(f"{name} returned {setting!r} as setting {i}; expected a dict with the keys "
                            f"{', '.join(ranges)}")
        values = {}
        for key, (low, high) in ranges.items():
            try:
                value = float(setting[key])
            except (TypeError, ValueError):
                raise _Unusable(f"{name} returned {key}={setting[key]!r} in setting {i}: not a number") from None
            if not (low * (1 - 1e-9) <= value <= high * (1 + 1e-9)):
                raise _Unusable(f"{name} returned {key}={value:g} in setting {i}, outside its range "
                                f"({low:g}, {high:g})")
            values[key] = value
        checked.append(values)
    return checked


def _checked_ranges(narrowed, ranges: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    if not isinstance(narrowed, Mapping) or set(narrowed) != set(ranges):
        raise _Unusable(f"narrow returned {narrowed!r}; expected a dict with the keys {', '.join(ranges)}")
    checked = {}
    for key in ranges:
        try:
            low, high = (float(bound) for bound in narrowed[key])
        except (TypeError, ValueError):
            raise _Unusable(f"narrow returned {key}: {narrowed[key]!r}; expected a pair (low, high)") from None
        if not (math.isfinite(low) and math.isfinite(high) and 0 < low <= high):
            raise _Unusable(f"narrow returned {key}: ({low:g}, {high:g}); expected 0 < low <= high")
        checked[key] = (low, high)
    return checked


def _run_search(variant: Variant, student: StudentClasses, setup: Setup, data,
                on_trial: Callable[[int], None]) -> SearchResult | SkippedVariant:
    (name,) = variant.classes
    sample = student_function(name, student)
    if isinstance(sample, str):
        return SkippedVariant(variant.name, variant.label, sample)
    started = time.monotonic()
    ranges = setup.search_ranges
    try:
        settings = _checked_settings(sample(setup.trials, {k: tuple(v) for k, v in ranges.items()}, seed=setup.seed),
                                     setup.trials, ranges)
    except _Unusable as exc:
        return SkippedVariant(variant.name, variant.label, str(exc))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - whatever the student's function raises skips the search
        return SkippedVariant(variant.name, variant.label,
                              student.submission.locate(failure_reason(exc, name, "sampling the settings")))
    keras.backend.clear_session()
    keras.utils.set_random_seed(setup.seed)  # the same initial weights for every trial
    trainer = SearchTrainer(data.train, data.val, setup, num_classes=int(data.train[1].max()) + 1)
    trials = []
    for index, setting in enumerate(settings, start=1):
        accuracy, loss = trainer.trial(setting)
        trials.append(Trial(index, setting, accuracy, loss))
        on_trial(index)
    result = SearchResult(ranges=ranges, trials=trials, keep=min(setup.keep, len(trials)))
    narrow = student_function(NARROW, student)
    if isinstance(narrow, str):
        result.narrow_skipped = narrow
    else:
        scored = [(dict(trial.setting), trial.val_accuracy) for trial in trials]
        try:
            result.narrowed = _checked_ranges(narrow(scored, {k: tuple(v) for k, v in ranges.items()}, result.keep),
                                              ranges)
        except _Unusable as exc:
            result.narrow_skipped = str(exc)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - whatever the student's function raises: no range
            result.narrow_skipped = student.submission.locate(failure_reason(exc, NARROW, "narrowing the ranges"))
    result.seconds = time.monotonic() - started
    return result


def _write_outputs(report: OptimizationReport, out: Path, train_samples: int, val_samples: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    if report.optimizers:
        paths.append(out / FIGURES[OPTIMIZERS])
        plot_comparison(report.optimizers, paths[-1], report.setup, train_samples, val_samples)
    if report.activations:
        paths.append(out / FIGURES[ACTIVATIONS])
        plot_activations(report.activations, paths[-1], report.setup, train_samples)
    if report.search is not None:
        paths.append(out / FIGURES[SEARCH])
        plot_search(report.search, paths[-1], report.setup)
    # A plot left by an earlier run would pass for this run's.
    for stale in FIGURES.values():
        if out / stale not in paths:
            (out / stale).unlink(missing_ok=True)
    figures = [path.name for path in paths]
    for name, text in (("results.csv", results_csv(report)), ("results.md", results_markdown(report, figures))):
        paths.append(out / name)
        write_text_atomic(paths[-1], text)
    return paths


def print_summary(report: OptimizationReport, console: Console | None = None) -> None:
    """The optimizers' final losses, the activations' last layer, the search's best trial and narrowed range,
    and what was skipped, for the terminal."""
    console = console or Console()
    setup = report.setup
    labels = {variant.name: variant.label for variant in VARIANTS}
    console.print(f"{TITLE}: {report.submission} ({report.seconds:.0f} s)", markup=False, highlight=False)
    if report.optimizers:
        table = Table(title=f"Optimizers ({setup.epochs} epoch{'s' if setup.epochs > 1 else ''})", title_justify="left",
                      box=box.SIMPLE_HEAD)
        for column, justify in (("Optimizer", "left"), ("Setting", "left"), ("Final loss", "right"),
                                ("Val. acc.", "right")):
            table.add_column(column, justify=justify)
        for row in report.optimizers:
            table.add_row(row.label, row.setting, "diverged" if row.diverged else f"{row.final_loss:.4f}",
                          f"{row.val_accuracy[-1]:.3f}")
        console.print(table)
    if report.activations:
        last = setup.probe_depth
        table = Table(title=f"Activations at initialization, layer {last} of {last} (std: of all its outputs; per "
                            "image: each unit's std over the images, averaged)", title_justify="left",
                      box=box.SIMPLE_HEAD)
        table.add_column("Weights", no_wrap=True)
        for column in ("Sigmoid sat.", "std", "per image", "ReLU dead", "std", "per image"):
            table.add_column(column, justify="right")
        for row in report.activations:
            sigmoid, relu = row.activations["sigmoid"].layers[-1], row.activations["relu"].layers[-1]
            table.add_row(row.label, f"{sigmoid.saturated:.0%}", f"{sigmoid.std:.2g}", f"{sigmoid.image_std:.2g}",
                          f"{relu.dead:.0%}", f"{relu.std:.2g}", f"{relu.image_std:.2g}")
        console.print(table)
    if report.search is not None:
        search = report.search
        best = search.best[0]
        setting = ", ".join(f"{name} {value:.3g}" for name, value in best.setting.items())
        console.print(f"Random search: {len(search.trials)} trials; best validation accuracy {best.val_accuracy:.3f} "
                      f"(trial {best.index}: {setting})", markup=False, highlight=False)
        if search.narrowed is not None:
            narrowed = ", ".join(f"{name} {low:.3g} to {high:.3g}" for name, (low, high) in search.narrowed.items())
            console.print(f"Narrowed to the {search.keep} best: {narrowed}", markup=False, highlight=False)
        else:
            console.print(f"Narrowed range skipped: {search.narrow_skipped}", markup=False, highlight=False)
    for skipped in report.skipped:
        console.print(f"{labels[skipped.name]} skipped: {skipped.reason}", markup=False, highlight=False)
    if report.paths:
        console.print(f"Wrote {len(report.paths)} files to {report.paths[0].parent}", markup=False, highlight=False)
