"""The results: results.csv (for tools) and results.md (for people).

results.csv is one long table, a row per number: ``part`` (optimizers, activations, search), ``name`` (the
optimizer, ``<initialization>/<activation>``, ``trial_<n>`` or ``narrowed``), ``setting``, ``quantity``,
``value``; a part that did not run has one row with its reason in ``skipped_because``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from grader.packs.optimization.experiment.network import ACTIVATIONS, OPTIMIZERS, PROBE_ACTIVATIONS, SEARCH, VARIANTS
from grader.packs.optimization.experiment.results import OptimizationReport
from grader.packs.regularization.experiment.tables import markdown_cell

CSV_COLUMNS = ("part", "name", "setting", "quantity", "value", "skipped_because")

_FIGURES = (("comparison.png", "Training loss per step and validation accuracy of every optimizer"),
            ("activations.png", "Activation histograms per layer for each initialization, sigmoid and ReLU"),
            ("search.png", "The random search's trials, the best ones and the narrowed range"))


def _number(value: float) -> str:
    return f"{value:.6g}"


def results_csv(report: OptimizationReport) -> str:
    setup = report.setup
    settings = {variant.name: variant.setting(setup) for variant in VARIANTS}
    skipped = {entry.name: entry.reason for entry in report.skipped}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    optimizers = {row.name: row for row in report.optimizers}
    activations = {row.name: row for row in report.activations}
    for variant in VARIANTS:
        if variant.name in skipped:
            writer.writerow([variant.part, variant.name, settings[variant.name], "", "", skipped[variant.name]])
        elif variant.name in optimizers:
            row = optimizers[variant.name]
            for quantity, value in (("final_train_loss", row.final_loss), ("val_loss", row.val_loss),
                                    ("val_accuracy", row.val_accuracy[-1]), ("epochs", len(row.val_accuracy))):
                writer.writerow([OPTIMIZERS, row.name, row.setting, quantity, _number(value), ""])
        elif variant.name in activations:
            row = activations[variant.name]
            for activation in PROBE_ACTIVATIONS:
                for layer, stats in enumerate(row.activations[activation].layers, start=1):
                    for quantity, value in (("saturated_fraction", stats.saturated), ("dead_units", stats.dead),
                                            ("mean", stats.mean), ("std", stats.std), ("image_std", stats.image_std)):
                        writer.writerow([ACTIVATIONS, f"{row.name}/{activation}", row.setting,
                                         f"layer_{layer}_{quantity}", _number(value), ""])
        elif variant.name == SEARCH and report.search is not None:
            search = report.search
            for trial in search.trials:
                setting = ", ".join(f"{name}={value:.4g}" for name, value in trial.setting.items())
                for quantity, value in (*trial.setting.items(), ("val_accuracy", trial.val_accuracy),
                                        ("train_loss", trial.train_loss)):
                    writer.writerow([SEARCH, f"trial_{trial.index}", setting, quantity, _number(value), ""])
            if search.narrowed is not None:
                call = f"narrow(keep={search.keep})"
                for name, (low, high) in search.narrowed.items():
                    writer.writerow([SEARCH, "narrowed", call, f"{name}_low", _number(low), ""])
                    writer.writerow([SEARCH, "narrowed", call, f"{name}_high", _number(high), ""])
            else:
                writer.writerow([SEARCH, "narrowed", f"narrow(keep={search.keep})", "", "", search.narrow_skipped])
    return buffer.getvalue()


def _optimizer_lines(report: OptimizationReport) -> list[str]:
    setup = report.setup
    lines = [
        "## Optimizers (comparison.png)",
        "",
        (f"One network ({setup.depth} hidden Dense layers of {setup.width} {setup.activation} units, Keras's "
         f"default initial weights, the same for every optimizer), the digits' training split in batches of "
         f"{setup.batch_size} (the same batches for every optimizer), {setup.epochs} epochs, seed {setup.seed}; only "
         "the optimizer, the student's, differs. Final training loss: the mean loss over the last epoch's steps."),
        "",
        "| Optimizer | Setting | Final training loss | Validation loss | Validation accuracy |",
        "|---|---|---:|---:|---:|",
    ]
    rows = {row.name: row for row in report.optimizers}
    skipped = {entry.name: entry for entry in report.skipped}
    for variant in VARIANTS:
        if variant.part != OPTIMIZERS:
            continue
        if variant.name in skipped:
            lines.append(f"| {variant.label} | {markdown_cell(variant.setting(setup))} | skipped | skipped | skipped |")
        elif variant.name in rows:
            row = rows[variant.name]
            lines.append(f"| {row.label} | {markdown_cell(row.setting)} | {row.final_loss:.4f}"
                         f"{' (diverged)' if row.diverged else ''} | {row.val_loss:.4f} | {row.val_accuracy[-1]:.3f} |")
    return lines


def _activation_lines(report: OptimizationReport) -> list[str]:
    setup = report.setup
    layers = " | ".join(f"Layer {i}" for i in range(1, setup.probe_depth + 1))
    lines = [
        "## Activations at initialization (activations.png)",
        "",
        (f"The training images through {setup.probe_depth} Dense layers of {setup.probe_width} units, biases 0, "
         "nothing trained; the same weights with each activation. Per layer: saturated (sigmoid: outputs within "
         f"{setup.saturation:g} of 0 or 1) or zero (ReLU) share of the outputs / share of dead units (saturated or "
         "zero for every image) / standard deviation of the outputs / each unit's standard deviation over the images, "
         "averaged over the units (the part of the spread that depends on the image)."),
        "",
        f"| Weights | Activation | {layers} |",
        "|---|---|" + "---:|" * setup.probe_depth,
    ]
    rows = {row.name: row for row in report.activations}
    skipped = {entry.name: entry for entry in report.skipped}
    for variant in VARIANTS:
        if variant.part != ACTIVATIONS:
            continue
        if variant.name in skipped:
            lines.append(f"| {variant.label} | - | " + " | ".join(["skipped"] * setup.probe_depth) + " |")
            continue
        if variant.name not in rows:
            continue
        for activation in PROBE_ACTIVATIONS:
            cells = [f"{100 * stats.saturated:.0f}% / {100 * stats.dead:.0f}% / {stats.std:.2g} / {stats.image_std:.2g}"
                     for stats in rows[variant.name].activations[activation].layers]
            lines.append(f"| {variant.label} | {activation} | " + " | ".join(cells) + " |")
    return lines


def _search_lines(report: OptimizationReport) -> list[str]:
    setup = report.setup
    search_variant = next(variant for variant in VARIANTS if variant.part == SEARCH)
    lines = [
        "## Random search (search.png)",
        "",
        (f"{markdown_cell(search_variant.setting(setup))}. Each trial trains one hidden Dense layer of "
         f"{setup.search_width} ReLU units with Keras's Adam at the trial's learning rate, the loss plus "
         f"weight_decay * sum(w^2) over the kernels, for {setup.search_epochs} epochs from the same initial "
         "weights on the same batches; its score is the validation accuracy."),
        "",
    ]
    skipped = {entry.name: entry for entry in report.skipped}
    search = report.search
    if search_variant.name in skipped or search is None:
        return lines + ["Skipped (below)." if search_variant.name in skipped else "Not run."]
    names = list(search.ranges)
    lines += [f"| Rank | Trial | {' | '.join(names)} | Validation accuracy |",
              "|---:|---:|" + "---:|" * len(names) + "---:|"]
    for rank, trial in enumerate(search.best, start=1):
        values = " | ".join(f"{trial.setting[name]:.3g}" for name in names)
        lines.append(f"| {rank} | {trial.index} | {values} | {trial.val_accuracy:.3f} |")
    lines.append("")
    ranges = ", ".join(f"{name} ({low:g}, {high:g})" for name, (low, high) in search.ranges.items())
    if search.narrowed is not None:
        narrowed = ", ".join(f"{name} ({low:.3g}, {high:.3g})" for name, (low, high) in search.narrowed.items())
        lines.append(f"narrow(keep={search.keep}) shrank {ranges} to {narrowed}.")
    else:
        lines.append(f"No narrowed range: {markdown_cell(search.narrow_skipped)}")
    return lines


def results_markdown(report: OptimizationReport, figures: Sequence[str] = ()) -> str:
    """The three parts' tables, how they were measured, and links to ``figures``, the plots written beside it."""
    parts = {variant.part for variant in VARIANTS if report.row(variant.name) is not None
             or any(entry.name == variant.name for entry in report.skipped)}
    lines = ["# Optimization experiment", "", f"Classes and functions from `{markdown_cell(report.submission)}`."]
    for part, section in ((OPTIMIZERS, _optimizer_lines), (ACTIVATIONS, _activation_lines), (SEARCH, _search_lines)):
        if part in parts:
            lines += ["", *section(report)]
    labels = {variant.name: variant.label for variant in VARIANTS}
    if report.skipped:
        lines += ["", "Skipped:", ""]
        lines += [f"- {labels[entry.name]}: {markdown_cell(entry.reason)}" for entry in report.skipped]
    links = [f"![{alt}]({name})" for name, alt in _FIGURES if name in figures]
    if links:
        lines += ["", *links]
    return "\n".join(lines) + "\n"
