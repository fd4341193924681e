"""What the experiment found: the first assignment's rows and report, with what this one also measures."""

from __future__ import annotations

from dataclasses import dataclass

from grader.packs.regularization.experiment.results import ExperimentReport, SkippedVariant, VariantResult
from grader.packs.regularized_training.experiment.measures import Calibration
from grader.packs.regularized_training.experiment.network import Setup

__all__ = ["SkippedVariant", "TrainingReport", "TrainingResult", "attack_at"]


@dataclass(frozen=True)
class TrainingResult(VariantResult):
    """One variant that ran. ``train_accuracy`` and ``val_accuracy`` are those of the weights training ended
    with: with early stopping, the best epoch's, put back by restore_best_weights."""

    calibration: Calibration | None = None
    """The validation predictions binned by confidence."""
    attack: tuple[float, ...] = ()
    """Validation accuracy under the student's FGSM at each of ``setup.attack_epsilons``; empty when the
    attack could not run."""
    best_epoch: int | None = None
    """With early stopping: the epoch (1-based) whose weights were restored."""

    @property
    def epochs_run(self) -> int:
        """Fewer than the setup's epochs when early stopping stopped the training."""
        return len(self.val_curve)


@dataclass
class TrainingReport(ExperimentReport):
    attack_skipped: str = ""
    """Why there are no FGSM curves (the student's fgsm_examples is unfinished or broken), or ""."""


def attack_at(row: TrainingResult, setup: Setup) -> float | None:
    """The row's accuracy under FGSM at the adversarial training's epsilon; None if it was not measured."""
    if not row.attack or setup.adversarial_epsilon not in setup.attack_epsilons:
        return None
    return row.attack[setup.attack_epsilons.index(setup.adversarial_epsilon)]
