"""What the experiment found: one row per variant that ran, the reason for each that did not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from grader.packs.regularization.experiment.network import Setup


@dataclass(frozen=True)
class VariantResult:
    name: str
    """The variant (``unregularized``, ``l2``, ...): its plot is ``<name>.png``."""
    label: str
    """How plots and tables call it (``Dropout``)."""
    setting: str
    """Where the regularization went and how strong it was."""
    train_accuracy: float
    """After the last epoch, on the training samples, network in inference mode."""
    val_accuracy: float
    """After the last epoch, on the validation split."""
    train_curve: tuple[float, ...]
    """Training accuracy after each epoch."""
    val_curve: tuple[float, ...]
    """Validation accuracy after each epoch."""
    seconds: float
    """Wall-clock time to build and train it."""

    @property
    def gap(self) -> float:
        """Training minus validation accuracy: how much the network overfits."""
        return self.train_accuracy - self.val_accuracy


@dataclass(frozen=True)
class SkippedVariant:
    name: str
    label: str
    reason: str
    """Why it did not run, naming the student's class (``Dropout is not implemented yet: ...``)."""


@dataclass
class ExperimentReport:
    submission: str
    """The submission's name (its folder or file name)."""
    setup: Setup
    """The settings in force (epochs, seed, strengths)."""
    rows: list[VariantResult] = field(default_factory=list)
    """The variants that ran, in the experiment's order."""
    skipped: list[SkippedVariant] = field(default_factory=list)
    """The variants that could not run, with the reason."""
    paths: list[Path] = field(default_factory=list)
    """Every file written: ``<variant>.png``, ``comparison.png``, ``results.csv``, ``results.md``."""
    seconds: float = 0.0
    """Wall-clock time of the whole experiment."""

    def row(self, name: str) -> VariantResult | None:
        """The result of variant ``name``; None if it was skipped or not asked for."""
        return next((row for row in self.rows if row.name == name), None)
