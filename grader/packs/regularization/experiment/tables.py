"""The table of final accuracies: results.csv (for tools) and results.md (for people)."""

from __future__ import annotations

import csv
import io

from grader.packs.regularization.experiment.network import VARIANTS
from grader.packs.regularization.experiment.results import ExperimentReport, SkippedVariant, VariantResult

CSV_COLUMNS = ("variant", "setting", "train_accuracy", "val_accuracy", "gap", "skipped_because")


def _in_order(report: ExperimentReport) -> list[VariantResult | SkippedVariant]:
    order = {variant.name: i for i, variant in enumerate(VARIANTS)}
    return sorted([*report.rows, *report.skipped], key=lambda entry: order[entry.name])


def results_csv(report: ExperimentReport) -> str:
    """One row per variant; a skipped one has empty accuracies and its reason."""
    settings = {variant.name: variant.setting(report.setup) for variant in VARIANTS}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in _in_order(report):
        if isinstance(entry, SkippedVariant):
            writer.writerow([entry.name, settings[entry.name], "", "", "", entry.reason])
        else:
            writer.writerow([entry.name, entry.setting, f"{entry.train_accuracy:.4f}", f"{entry.val_accuracy:.4f}",
                             f"{entry.gap:.4f}", ""])
    return buffer.getvalue()


def markdown_cell(text: str) -> str:
    """``text`` made safe for one cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def results_markdown(report: ExperimentReport) -> str:
    """The table, how it was measured, and links to the plots written beside it."""
    setup = report.setup
    settings = {variant.name: variant.setting(setup) for variant in VARIANTS}
    lines = [
        "# Overfitting experiment",
        "",
        (f"Classes from `{markdown_cell(report.submission)}`. One network ({setup.depth} hidden Dense layers of "
         f"{setup.width} {setup.activation} units, weights initialized with stddev {setup.init_stddev:g}) trained "
         f"on {setup.train_samples} digit images with Adam (learning rate {setup.learning_rate:g}), batch size "
         f"{setup.batch_size}, {setup.epochs} epochs, seed {setup.seed}; only the regularization differs."),
        ("Accuracies are after the last epoch, both measured with the network in inference mode (dropout "
         "and noise off, batch normalization on its moving statistics). Gap = train - validation."),
        "",
        "| Variant | Regularization | Train accuracy | Validation accuracy | Gap |",
        "|---|---|---:|---:|---:|",
    ]
    skipped = []
    for entry in _in_order(report):
        if isinstance(entry, SkippedVariant):
            lines.append(f"| {entry.label} | {markdown_cell(settings[entry.name])} | skipped | skipped | - |")
            skipped.append(f"- {entry.label}: {markdown_cell(entry.reason)}")
        else:
            lines.append(f"| {entry.label} | {markdown_cell(entry.setting)} | {entry.train_accuracy:.3f} | "
                         f"{entry.val_accuracy:.3f} | {entry.gap:.3f} |")
    if skipped:
        lines += ["", "Skipped:", "", *skipped]
    if report.rows:
        lines += ["", "![Validation accuracy and gap of every variant](comparison.png)", ""]
        lines += [f"![{row.label}: train vs validation accuracy]({row.name}.png)" for row in report.rows]
    return "\n".join(lines) + "\n"
