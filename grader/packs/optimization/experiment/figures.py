"""The experiment's PNGs: the optimizers' training loss (comparison.png), the activations of a deep network
at initialization (activations.png), and the random search (search.png).

Drawn with matplotlib's Agg canvas directly, as in the first assignment's experiment (its save_figure).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from grader.packs.optimization.experiment.network import PROBE_ACTIVATIONS, VARIANTS, Setup
from grader.packs.optimization.experiment.results import ActivationResult, OptimizerResult, SearchResult
from grader.packs.regularization.experiment.figures import save_figure

_DPI = 100
# One colour per variant, the same in every figure.
_COLORS = dict(zip((v.name for v in VARIANTS), ("black", "tab:blue", "tab:green", "tab:orange", "tab:red",
                                                 "tab:red", "tab:purple", "tab:blue", "tab:green", "tab:blue")))
_BEST = "tab:red"


def smoothed(values: Sequence[float], window: int) -> np.ndarray:
    """The mean of each ``window`` consecutive values (the first ones over as many as there are so far)."""
    values = np.asarray(values, dtype="float64")
    sums = np.cumsum(values)
    counts = np.minimum(np.arange(1, len(values) + 1), window)
    shifted = np.concatenate([np.zeros(window), sums])[: len(values)]
    return (sums - shifted) / counts


def plot_comparison(rows: Sequence[OptimizerResult], path: Path, setup: Setup, train_samples: int,
                    val_samples: int) -> None:
    """Left: every optimizer's training loss per step, raw (faint) and averaged over one epoch (bold).
    Right: validation accuracy after each epoch."""
    fig = Figure(figsize=(13, 5.2), dpi=_DPI, layout="constrained")
    losses, accuracy = fig.subplots(1, 2, width_ratios=(1.35, 1))
    for row in rows:
        color = _COLORS[row.name]
        steps = np.arange(1, len(row.step_losses) + 1)
        losses.plot(steps, row.step_losses, color=color, linewidth=0.6, alpha=0.22)
        losses.plot(steps, smoothed(row.step_losses, row.steps_per_epoch), color=color, linewidth=2,
                    label=f"{row.setting}: {row.final_loss:.3f}" + (" (diverged)" if row.diverged else ""))
        accuracy.plot(range(1, len(row.val_accuracy) + 1), row.val_accuracy, color=color, linewidth=2, marker="o",
                      markersize=3, label=f"{row.label}: {row.val_accuracy[-1]:.3f}")
    steps_per_epoch = rows[0].steps_per_epoch
    losses.set_yscale("log")
    losses.set_title(f"Training loss per step (faint), and its mean over the last {steps_per_epoch} steps = one epoch "
                     "(bold)", fontsize=10)
    losses.set_xlabel(f"Step ({steps_per_epoch} batches of {setup.batch_size} per epoch)")
    losses.set_ylabel("Cross-entropy (log scale)")
    losses.set_xlim(1, max(len(row.step_losses) for row in rows))
    losses.grid(alpha=0.3, which="both")
    losses.legend(loc="lower left", fontsize=8.5, title="Optimizer: mean loss of the last epoch", title_fontsize=8.5)
    accuracy.set_title(f"Validation accuracy after each epoch ({val_samples} images)", fontsize=10)
    accuracy.set_xlabel("Epoch")
    accuracy.set_ylabel("Validation accuracy")
    accuracy.set_xlim(1, max(2, setup.epochs))
    accuracy.xaxis.set_major_locator(MaxNLocator(integer=True))
    accuracy.grid(alpha=0.3)
    accuracy.legend(loc="lower right", fontsize=8.5)
    fig.suptitle(f"Optimizers on the same network ({setup.depth} x Dense {setup.width} {setup.activation}, same "
                 f"initial weights and batches), {train_samples} digit images, {setup.epochs} epochs",
                 fontweight="bold")
    save_figure(fig, path)


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%" if value >= 0.01 or value == 0 else f"{100 * value:.1f}%"


def plot_activations(rows: Sequence[ActivationResult], path: Path, setup: Setup, images: int) -> None:
    """A grid of histograms: one row per initialization, one column per layer, sigmoid on the left and ReLU
    on the right; each panel names its share of saturated (sigmoid) or zero (ReLU) outputs and their spread.

    Laid out by hand: constrained layout takes seconds over forty panels."""
    height = 1.9 * len(rows) + 1.5
    fig = Figure(figsize=(18, height), dpi=_DPI)
    top, bottom = 1 - 1.25 / height, 0.35 / height
    titles = {"sigmoid": f"Sigmoid: every output (saturated: within {setup.saturation:g} of 0 or 1)",
              "relu": "ReLU: the non-zero outputs (x axis shared along a row)"}
    for half, activation in enumerate(PROBE_ACTIVATIONS):
        left = 0.045 + half * 0.485
        grid = fig.add_gridspec(len(rows), setup.probe_depth, left=left, right=left + 0.445, top=top, bottom=bottom,
                                wspace=0.3, hspace=0.32)
        fig.text(left + 0.2225, top + 0.35 / height, titles[activation], ha="center", va="bottom", fontsize=11)
        for r, row in enumerate(rows):
            histograms = row.activations[activation]
            edges = np.asarray(histograms.edges)
            pad = 0.03 * (edges[-1] - edges[0])  # a bar at either end stays clear of the axes' frame
            for c, stats in enumerate(histograms.layers):
                ax = fig.add_subplot(grid[r, c])
                ax.stairs(stats.counts, edges, fill=True, color=_COLORS[row.name], alpha=0.8)
                word = "saturated" if activation == "sigmoid" else "zero"
                note = f"{word} {_percent(stats.saturated)}\nstd {stats.std:.2g}\nper image {stats.image_std:.2g}"
                ax.text(0.97, 0.95, note, transform=ax.transAxes,
                        ha="right", va="top", fontsize=7.5, bbox={"facecolor": "white", "alpha": 0.7, "linewidth": 0})
                ax.set_xlim(edges[0] - pad, edges[-1] + pad)
                ax.set_ylim(0, max(max(stats.counts), 1e-9) * 1.5)  # room for the note above the bars
                ax.set_xticks([edges[0], edges[-1]], [f"{edges[0]:.2g}", f"{edges[-1]:.2g}"], fontsize=7)
                ax.set_yticks([0, max(stats.counts)], ["0", f"{max(stats.counts):.2g}"], fontsize=7)  # few ticks: they
                # are most of the drawing time
                if r == 0:
                    ax.set_title(f"Layer {c + 1}", fontsize=9)
                if c == 0:
                    ax.set_ylabel(row.label, fontsize=9, fontweight="bold")
    fig.suptitle(f"Activations at initialization: {images} digit images through {setup.probe_depth} Dense layers of "
                 f"{setup.probe_width} units (biases 0)", fontweight="bold", y=1 - 0.12 / height, va="top")
    fig.text(0.5, 1 - 0.42 / height, "Bars: the fraction of the layer's outputs in each bin. In each panel: std = the "
             "standard deviation of all its outputs; per image = each unit's standard deviation over the images, "
             "averaged over the units (the part that depends on the image)", ha="center", va="top", fontsize=9.5)
    save_figure(fig, path)


def plot_search(search: SearchResult, path: Path, setup: Setup) -> None:
    """Left: every trial at its learning rate and weight decay, coloured by validation accuracy, the best
    ones circled and the narrowed range drawn. Right: validation accuracy against the learning rate."""
    (x_name, (x_low, x_high)), (y_name, (y_low, y_high)) = list(search.ranges.items())[:2]
    xs = np.array([trial.setting[x_name] for trial in search.trials])
    ys = np.array([trial.setting[y_name] for trial in search.trials])
    scores = np.array([trial.val_accuracy for trial in search.trials])
    best = search.best
    best_x = [trial.setting[x_name] for trial in best]
    best_y = [trial.setting[y_name] for trial in best]
    best_scores = [trial.val_accuracy for trial in best]

    fig = Figure(figsize=(13.5, 5.6), dpi=_DPI, layout="constrained")
    plane, profile = fig.subplots(1, 2, width_ratios=(1.15, 1))
    points = plane.scatter(xs, ys, c=scores, cmap="viridis", vmin=0.0, vmax=1.0, s=36, edgecolors="none")
    plane.scatter(best_x, best_y, s=110, facecolors="none", edgecolors=_BEST, linewidths=1.8,
                  label=f"The {len(best)} best")
    if search.narrowed is not None:
        (nx_low, nx_high), (ny_low, ny_high) = search.narrowed[x_name], search.narrowed[y_name]
        plane.add_patch(Rectangle((nx_low, ny_low), nx_high - nx_low, ny_high - ny_low, fill=False, edgecolor=_BEST,
                                  linestyle="--", linewidth=1.6,
                                  label=f"narrow(keep={search.keep}): {x_name} {nx_low:.2g}-{nx_high:.2g}, "
                                        f"{y_name} {ny_low:.2g}-{ny_high:.2g}"))
    plane.set_xscale("log")
    plane.set_yscale("log")
    plane.minorticks_off()  # 8 a decade over 6 decades: most of the drawing time
    plane.set_xlim(x_low / 1.5, x_high * 1.5)
    plane.set_ylim(y_low / 1.5, y_high * 1.5)
    plane.set_xlabel(f"{x_name} (log scale)")
    plane.set_ylabel(f"{y_name}: L2 penalty weight on the kernels (log scale)")
    plane.set_title(f"{len(search.trials)} trials drawn by sample_hyperparameters", fontsize=10)
    plane.grid(alpha=0.3, which="major")
    plane.legend(loc="upper left", fontsize=8.5, framealpha=0.9)
    fig.colorbar(points, ax=plane, label="Validation accuracy", shrink=0.9)

    dots = profile.scatter(xs, scores, c=ys, cmap="plasma", norm=LogNorm(y_low, y_high), s=30, edgecolors="none")
    profile.scatter(best_x, best_scores, s=100, facecolors="none", edgecolors=_BEST, linewidths=1.8,
                    label=f"The {len(best)} best")
    if search.narrowed is not None:
        profile.axvspan(nx_low, nx_high, color=_BEST, alpha=0.1, label=f"narrowed {x_name}")
    profile.set_xscale("log")
    profile.minorticks_off()
    profile.set_xlim(x_low / 1.5, x_high * 1.5)
    profile.set_ylim(0.0, 1.02)
    profile.set_xlabel(f"{x_name} (log scale)")
    profile.set_ylabel("Validation accuracy")
    profile.set_title(f"Validation accuracy against {x_name} (colour: {y_name})", fontsize=10)
    profile.grid(alpha=0.3)
    profile.legend(loc="upper left", fontsize=8.5)
    fig.colorbar(dots, ax=profile, label=f"{y_name} (log scale)", shrink=0.9)
    top = best[0]
    fig.suptitle(f"Random search: {len(search.trials)} trials of {setup.search_epochs} epochs (Adam, 1 x Dense "
                 f"{setup.search_width} relu); best {top.val_accuracy:.3f} at {x_name} {top.setting[x_name]:.2g}, "
                 f"{y_name} {top.setting[y_name]:.2g}", fontweight="bold")
    save_figure(fig, path)
