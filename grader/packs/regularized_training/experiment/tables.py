"""The table of results: results.csv (for tools) and results.md (for people)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from grader.packs.regularization.experiment.tables import markdown_cell
from grader.packs.regularized_training.experiment.network import VALUE_RANGE, VARIANTS
from grader.packs.regularized_training.experiment.results import SkippedVariant, TrainingReport, TrainingResult, attack_at

CSV_COLUMNS = ("variant", "setting", "epochs_run", "best_epoch", "train_accuracy", "val_accuracy", "gap",
               "mean_confidence", "calibration_error")
"""Then one ``fgsm_accuracy_eps_<epsilon>`` column per attack epsilon, and ``skipped_because``."""

_FIGURES = (("comparison.png", "Validation accuracy per epoch of every variant"),
            ("fgsm_attack.png", "Accuracy under FGSM as epsilon grows"),
            ("calibration.png", "Calibration with and without label smoothing"))


def _in_order(report: TrainingReport) -> list[TrainingResult | SkippedVariant]:
    order = {variant.name: i for i, variant in enumerate(VARIANTS)}
    return sorted([*report.rows, *report.skipped], key=lambda entry: order[entry.name])


def results_csv(report: TrainingReport) -> str:
    """One row per variant; a skipped one has empty numbers and its reason, and the FGSM columns are empty
    when the attack could not run."""
    settings = {variant.name: variant.setting(report.setup) for variant in VARIANTS}
    epsilons = report.setup.attack_epsilons
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *(f"fgsm_accuracy_eps_{epsilon:g}" for epsilon in epsilons), "skipped_because"])
    for entry in _in_order(report):
        if isinstance(entry, SkippedVariant):
            writer.writerow([entry.name, settings[entry.name], *[""] * (len(CSV_COLUMNS) - 2 + len(epsilons)),
                             entry.reason])
            continue
        attack = [f"{value:.4f}" for value in entry.attack] or [""] * len(epsilons)
        writer.writerow([entry.name, entry.setting, entry.epochs_run, entry.best_epoch or "",
                         f"{entry.train_accuracy:.4f}", f"{entry.val_accuracy:.4f}", f"{entry.gap:.4f}",
                         f"{entry.calibration.mean_confidence:.4f}", f"{entry.calibration.error:.4f}", *attack, ""])
    return buffer.getvalue()


def results_markdown(report: TrainingReport, figures: Sequence[str] = ()) -> str:
    """The table, how it was measured, and links to ``figures``, the plots written beside it."""
    setup = report.setup
    settings = {variant.name: variant.setting(setup) for variant in VARIANTS}
    epsilon = setup.adversarial_epsilon
    lines = [
        "# Regularized training experiment",
        "",
        (f"Classes from `{markdown_cell(report.submission)}`. One network ({setup.depth} hidden Dense layers of "
         f"{setup.width} {setup.activation} units, weights initialized with stddev {setup.init_stddev:g}) trained "
         f"on {setup.train_samples} digit images (pixels in [{VALUE_RANGE[0]:g}, {VALUE_RANGE[1]:g}], one-hot "
         f"labels) with Adam (learning rate {setup.learning_rate:g}), batch size {setup.batch_size}, up to "
         f"{setup.epochs} epochs, seed {setup.seed}; the same initial weights and batches for every variant, only "
         "the training differs."),
        ("Accuracies are those of the weights training ended with (early stopping: the restored ones), in "
         "inference mode. Gap = train - validation. Confidence: the mean top-class probability on the "
         f"validation images; ECE: expected calibration error over {setup.calibration_bins} equal-width bins. "
         f"FGSM: validation accuracy when the student's fgsm_examples moves every pixel by epsilon = {epsilon:g}."),
        "",
        f"| Variant | Training | Epochs | Train accuracy | Validation accuracy | Gap | Confidence | ECE | "
        f"FGSM accuracy (eps {epsilon:g}) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    skipped = []
    for entry in _in_order(report):
        if isinstance(entry, SkippedVariant):
            lines.append(f"| {entry.label} | {markdown_cell(settings[entry.name])} | - | skipped | skipped | - | - | "
                         "- | - |")
            skipped.append(f"- {entry.label}: {markdown_cell(entry.reason)}")
            continue
        epochs = str(entry.epochs_run) + (f" (best {entry.best_epoch})" if entry.best_epoch is not None else "")
        attack = attack_at(entry, setup)
        lines.append(f"| {entry.label} | {markdown_cell(entry.setting)} | {epochs} | {entry.train_accuracy:.3f} | "
                     f"{entry.val_accuracy:.3f} | {entry.gap:.3f} | {entry.calibration.mean_confidence:.3f} | "
                     f"{entry.calibration.error:.3f} | {'-' if attack is None else f'{attack:.3f}'} |")
    if report.attack_skipped:
        skipped.append(f"- FGSM attack: {markdown_cell(report.attack_skipped)}")
    if skipped:
        lines += ["", "Skipped:", "", *skipped]
    links = [f"![{alt}]({name})" for name, alt in _FIGURES if name in figures]
    if links:
        lines += ["", *links]
    return "\n".join(lines) + "\n"
