"""Learning-curve PNGs: one per variant, and one that compares them all.

Figures are drawn with matplotlib's Agg canvas directly (no pyplot): nothing opens a window and no
global backend is switched for the caller.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from grader.packs.regularization.experiment.network import VARIANTS
from grader.packs.regularization.experiment.results import VariantResult
from grader.fileio import write_bytes_atomic

_DPI = 100
_TRAIN_COLOR, _VAL_COLOR = "tab:blue", "tab:orange"
# One colour per variant, the same in every figure; black for the network without regularization.
_COLORS = dict(zip((v.name for v in VARIANTS), ("black", "tab:blue", "tab:cyan", "tab:orange", "tab:green",
                                                 "tab:purple", "tab:red")))


def accuracy_limits(rows: Sequence[VariantResult]) -> tuple[float, float]:
    """One y range for every per-variant plot, so they can be compared at a glance."""
    lowest = min(min(row.train_curve + row.val_curve) for row in rows)
    return max(0.0, lowest - 0.02), 1.005


def save_figure(fig: Figure, path: Path) -> None:
    """Write the PNG atomically, so a crash never leaves half an image."""
    buffer = io.BytesIO()
    FigureCanvasAgg(fig)  # draws with Agg, whatever backend pyplot may be using
    fig.savefig(buffer, format="png", metadata={"Software": None})  # no version stamp: same plot, same bytes
    write_bytes_atomic(path, buffer.getvalue())


def plot_variant(row: VariantResult, path: Path, limits: tuple[float, float], train_samples: int, val_samples: int) -> None:
    """Train and validation accuracy per epoch, the gap between them shaded."""
    epochs = range(1, len(row.train_curve) + 1)
    fig = Figure(figsize=(6.4, 4.4), dpi=_DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.fill_between(epochs, row.val_curve, row.train_curve, color="0.85", label="Gap (train - validation)")
    ax.plot(epochs, row.train_curve, color=_TRAIN_COLOR, linewidth=2, label=f"Train ({train_samples} samples)")
    ax.plot(epochs, row.val_curve, color=_VAL_COLOR, linewidth=2, label=f"Validation ({val_samples} samples)")
    fig.suptitle(f"{row.label}: train vs validation accuracy", fontweight="bold")
    ax.set_title(f"{row.setting}\nlast epoch: train {row.train_accuracy:.3f}, validation {row.val_accuracy:.3f}, "
                 f"gap {row.gap:.3f}", fontsize=9)
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Accuracy (inference mode)")
    ax.set_xlim(1, max(2, len(row.train_curve)))
    ax.set_ylim(*limits)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    save_figure(fig, path)


def plot_comparison(rows: Sequence[VariantResult], path: Path, train_samples: int) -> None:
    """Left: validation accuracy per epoch of every variant. Right: each variant's gap after the last epoch."""
    fig = Figure(figsize=(13, 5), dpi=_DPI, layout="constrained")
    curves, bars = fig.subplots(1, 2, width_ratios=(1.2, 1))
    for row in rows:
        plain = row.name == "unregularized"
        curves.plot(range(1, len(row.val_curve) + 1), row.val_curve, color=_COLORS[row.name],
                    linewidth=2.5 if plain else 1.6, linestyle="--" if plain else "-", label=row.label)
    curves.set_title("Validation accuracy per epoch")
    curves.set_xlabel("Epoch")
    curves.set_ylabel("Validation accuracy")
    curves.grid(alpha=0.3)
    curves.legend(loc="lower right")

    labels = [row.label for row in rows]
    gaps = [row.gap for row in rows]
    positions = range(len(rows))
    bars.barh(positions, gaps, color=[_COLORS[row.name] for row in rows], alpha=0.85)
    bars.set_yticks(positions, labels)
    bars.invert_yaxis()  # the experiment's order, top to bottom
    for y, row in zip(positions, rows):
        bars.text(max(row.gap, 0) + 0.002, y, f"{row.gap:.3f}  (train {row.train_accuracy:.3f}, val {row.val_accuracy:.3f})",
                  va="center", fontsize=8.5)
    bars.set_xlim(min(0.0, min(gaps)), max(max(gaps), 0.01) * 1.9)
    bars.set_title("Gap after the last epoch (train - validation accuracy)")
    bars.set_xlabel("Accuracy gap (smaller: less overfitting)")
    bars.grid(axis="x", alpha=0.3)
    epochs = max(len(row.val_curve) for row in rows)
    fig.suptitle(f"Overfitting experiment: {train_samples} training samples, {epochs} epochs, "
                 "same network and seed for every variant", fontweight="bold")
    save_figure(fig, path)
