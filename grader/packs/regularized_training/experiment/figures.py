"""The experiment's PNGs: validation accuracy per epoch (comparison.png), accuracy under FGSM
(fgsm_attack.png), and calibration with and without label smoothing (calibration.png).

Drawn with matplotlib's Agg canvas directly, as in the first assignment's experiment (its save_figure).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from grader.packs.regularization.experiment.figures import save_figure
from grader.packs.regularized_training.experiment.network import VARIANTS, Setup
from grader.packs.regularized_training.experiment.results import TrainingResult

_DPI = 100
# One colour per variant, the same in every figure; black for the plain network.
_COLORS = dict(zip((v.name for v in VARIANTS), ("black", "tab:blue", "tab:orange", "tab:green", "tab:purple",
                                                 "tab:brown", "tab:red")))
_EMPHASIZED = {"none", "adversarial"}
"""The two networks the FGSM figure is about; the others are drawn thin, for reference."""


def _line_style(row: TrainingResult) -> dict:
    plain = row.name == "none"
    return {"color": _COLORS[row.name], "linewidth": 2.5 if plain else 1.6, "linestyle": "--" if plain else "-"}


def _mark_early_stop(ax, row: TrainingResult) -> None:
    """A dotted line and a cross where training stopped; a star on the epoch whose weights were restored."""
    color = _COLORS[row.name]
    ax.axvline(row.epochs_run, color=color, linestyle=":", linewidth=1.2)
    ax.plot([row.epochs_run], [row.val_curve[-1]], marker="X", markersize=10, color=color, markeredgecolor="black",
            linestyle="")
    ax.annotate(f"stopped (epoch {row.epochs_run})", (row.epochs_run, row.val_curve[-1]), xytext=(6, -16),
                textcoords="offset points", fontsize=8.5)
    if row.best_epoch is not None:
        ax.plot([row.best_epoch], [row.val_curve[row.best_epoch - 1]], marker="*", markersize=16, color=color,
                markeredgecolor="black", linestyle="")
        ax.annotate(f"restored (epoch {row.best_epoch})", (row.best_epoch, row.val_curve[row.best_epoch - 1]),
                    xytext=(-30, 12), textcoords="offset points", fontsize=8.5)


def plot_comparison(rows: Sequence[TrainingResult], path: Path, setup: Setup, val_samples: int) -> None:
    """Left: validation accuracy per epoch of every variant, early stopping's stop and restored epoch marked.
    Right: each variant's final validation accuracy (of the weights training ended with) and gap."""
    fig = Figure(figsize=(13, 5.2), dpi=_DPI, layout="constrained")
    curves, bars = fig.subplots(1, 2, width_ratios=(1.2, 1))
    for row in rows:
        epochs = range(1, len(row.val_curve) + 1)
        label = row.label
        if row.best_epoch is not None:
            label += f" (stopped after epoch {row.epochs_run}, epoch {row.best_epoch} restored)"
        curves.plot(epochs, row.val_curve, label=label, **_line_style(row))
    for row in rows:
        if row.name == "early_stopping":
            _mark_early_stop(curves, row)
    curves.set_title(f"Validation accuracy per epoch ({val_samples} images, inference mode)")
    curves.set_xlabel("Epoch")
    curves.set_ylabel("Validation accuracy")
    curves.set_xlim(1, max(2, setup.epochs))
    curves.grid(alpha=0.3)
    curves.legend(loc="lower right", fontsize=8.5)

    positions = range(len(rows))
    values = [row.val_accuracy for row in rows]
    bars.barh(positions, values, color=[_COLORS[row.name] for row in rows], alpha=0.85)
    bars.set_yticks(positions, [row.label for row in rows])
    bars.invert_yaxis()  # the experiment's order, top to bottom
    low = max(0.0, min(values) - 0.1)
    for y, row in zip(positions, rows):
        bars.text(row.val_accuracy + 0.003, y, f"{row.val_accuracy:.3f}  (train {row.train_accuracy:.3f}, "
                  f"gap {row.gap:.3f})", va="center", fontsize=8.5)
    bars.set_xlim(low, 1.0 + (1.0 - low) * 0.55)  # room for the text
    bars.set_xticks([tick for tick in bars.get_xticks() if low <= tick <= 1.0 + 1e-9])
    bars.set_title("Validation accuracy after training")
    bars.set_xlabel("Validation accuracy (early stopping: the restored weights)")
    bars.grid(axis="x", alpha=0.3)
    fig.suptitle(f"Regularized training: {setup.train_samples} training images, up to {setup.epochs} epochs, "
                 "same network, initial weights and batches for every variant", fontweight="bold")
    save_figure(fig, path)


def plot_attack(rows: Sequence[TrainingResult], path: Path, setup: Setup, val_samples: int) -> None:
    """Validation accuracy under the student's FGSM as epsilon grows: the plain and the adversarially
    trained network in bold, the other variants thin."""
    fig = Figure(figsize=(8, 5.2), dpi=_DPI, layout="constrained")
    ax = fig.add_subplot()
    epsilons = setup.attack_epsilons
    for row in sorted(rows, key=lambda r: r.name in _EMPHASIZED):  # the bold ones drawn last, on top
        style = _line_style(row)
        if row.name not in _EMPHASIZED:
            style.update(linewidth=1.0, alpha=0.55)
        else:
            style.update(linewidth=2.6, marker="o")
        ax.plot(epsilons, row.attack, label=row.label, **style)
    ax.axvline(setup.adversarial_epsilon, color="0.4", linestyle=":", linewidth=1.2)
    ax.annotate(f"adversarial training's epsilon ({setup.adversarial_epsilon:g})", (setup.adversarial_epsilon, 1.0),
                xytext=(4, -4), textcoords="offset points", va="top", fontsize=8.5, color="0.3")
    by_name = {row.name: row for row in rows}
    lines = [f"{by_name[n].label}: {by_name[n].attack[0]:.3f} clean, {by_name[n].attack[-1]:.3f} at epsilon "
             f"{epsilons[-1]:g}" for n in ("none", "adversarial") if n in by_name]
    ax.set_title("\n".join(lines), fontsize=9)
    fig.suptitle(f"Accuracy under FGSM attack ({val_samples} validation images, pixels in [0, 1])",
                 fontweight="bold")
    ax.set_xlabel("FGSM epsilon (each pixel moved by epsilon, then clipped to [0, 1])")
    ax.set_ylabel("Validation accuracy on the attacked images")
    ax.set_ylim(0.0, 1.02)
    ax.set_xlim(epsilons[0], epsilons[-1])
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize=8.5)
    save_figure(fig, path)


def plot_calibration(rows: Sequence[TrainingResult], path: Path, setup: Setup, val_samples: int) -> None:
    """Left: reliability diagram (accuracy per confidence bin against the diagonal). Right: how the
    confidences spread over the bins. For the plain network and the one trained with label smoothing."""
    fig = Figure(figsize=(13, 5.2), dpi=_DPI, layout="constrained")
    reliability, histogram = fig.subplots(1, 2)
    edges = np.asarray(rows[0].calibration.edges)
    width = (edges[1] - edges[0]) / (len(rows) + 0.5)
    reliability.plot([0, 1], [0, 1], color="0.5", linestyle="--", linewidth=1, label="Perfect calibration")
    for i, row in enumerate(rows):
        cal = row.calibration
        left = edges[:-1] + (i + 0.25) * width
        color = _COLORS[row.name]
        reliability.bar(left, np.nan_to_num(cal.accuracy), width=width, align="edge", color=color, alpha=0.75,
                        label=f"{row.label}: ECE {cal.error:.3f}")
        reliability.plot(cal.confidence, cal.accuracy, marker="o", markersize=4, color=color, linewidth=1)
        histogram.bar(left, np.asarray(cal.counts) / sum(cal.counts), width=width, align="edge", color=color,
                      alpha=0.75, label=f"{row.label}: mean confidence {cal.mean_confidence:.3f}, "
                                        f"accuracy {row.val_accuracy:.3f}")
    reliability.set_title("Reliability diagram: accuracy per confidence bin\n(bars: accuracy; dots: at the bin's "
                          "mean confidence)", fontsize=10)
    reliability.set_xlabel("Confidence (top-class probability)")
    reliability.set_ylabel("Accuracy in the bin")
    reliability.set_xlim(0, 1)
    reliability.set_ylim(0, 1.02)
    reliability.grid(alpha=0.3)
    reliability.legend(loc="upper left", fontsize=8.5)
    histogram.set_title("Confidence histogram", fontsize=10)
    histogram.set_xlabel("Confidence (top-class probability)")
    histogram.set_ylabel("Fraction of validation images")
    histogram.set_xlim(0, 1)
    histogram.grid(alpha=0.3)
    histogram.legend(loc="upper left", fontsize=8.5)
    fig.suptitle(f"Calibration with and without label smoothing ({val_samples} validation images, "
                 f"{setup.calibration_bins} bins)", fontweight="bold")
    save_figure(fig, path)
