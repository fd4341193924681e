"""What the experiment found: one result per optimizer and per initialization that ran, the search, and
the reason for each part that did not run."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from grader.packs.optimization.experiment.measures import Histograms
from grader.packs.optimization.experiment.network import Setup
from grader.packs.regularization.experiment.results import SkippedVariant

__all__ = ["ActivationResult", "OptimizationReport", "OptimizerResult", "SearchResult", "SkippedVariant", "Trial"]


@dataclass(frozen=True)
class OptimizerResult:
    name: str
    """The variant (``sgd``, ``momentum``, ``adagrad``, ``rmsprop``, ``adam``)."""
    label: str
    setting: str
    """The optimizer as constructed, e.g. ``Adam(learning_rate=0.001)``."""
    step_losses: tuple[float, ...]
    """Training loss of every step (each batch's, before its update)."""
    steps_per_epoch: int
    val_accuracy: tuple[float, ...]
    """Validation accuracy after each epoch."""
    val_loss: float
    """Validation loss after the last epoch."""
    seconds: float

    @property
    def final_loss(self) -> float:
        """Mean training loss over the last epoch's steps (NaN once the run diverged)."""
        return sum(self.step_losses[-self.steps_per_epoch:]) / self.steps_per_epoch

    @property
    def diverged(self) -> bool:
        return not all(math.isfinite(value) for value in self.step_losses)


@dataclass(frozen=True)
class ActivationResult:
    name: str
    """The initialization (``normal``, ``small_normal``, ``glorot``, ``he``)."""
    label: str
    setting: str
    activations: dict[str, Histograms]
    """``sigmoid`` and ``relu``: the same weights, each activation."""


@dataclass(frozen=True)
class Trial:
    index: int
    """1-based, in the order sample_hyperparameters returned the settings."""
    setting: dict[str, float]
    val_accuracy: float
    train_loss: float
    """Mean training loss of the last epoch (without the penalty); NaN when the run diverged."""


@dataclass
class SearchResult:
    ranges: dict[str, tuple[float, float]]
    trials: list[Trial]
    keep: int
    narrowed: dict[str, tuple[float, float]] | None = None
    """The student's narrow of the ``keep`` best; None when it could not run."""
    narrow_skipped: str = ""
    """Why there is no narrowed range, or ""."""
    seconds: float = 0.0

    @property
    def best(self) -> list[Trial]:
        """The ``keep`` best trials, best first (ties in the trials' order)."""
        return sorted(self.trials, key=lambda trial: -trial.val_accuracy)[: self.keep]


@dataclass
class OptimizationReport:
    submission: str
    setup: Setup
    optimizers: list[OptimizerResult] = field(default_factory=list)
    activations: list[ActivationResult] = field(default_factory=list)
    search: SearchResult | None = None
    skipped: list[SkippedVariant] = field(default_factory=list)
    """Every optimizer, initialization or the search that could not run, with the reason."""
    paths: list[Path] = field(default_factory=list)
    """Every file written: ``comparison.png``, ``activations.png``, ``search.png``, ``results.csv``,
    ``results.md``."""
    seconds: float = 0.0

    def row(self, name: str) -> OptimizerResult | ActivationResult | SearchResult | None:
        """The result of variant ``name``; None if it was skipped or not asked for."""
        if name == "search":
            return self.search
        return next((row for row in [*self.optimizers, *self.activations] if row.name == name), None)
