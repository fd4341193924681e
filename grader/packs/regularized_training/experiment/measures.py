"""What is measured on a trained network: how well its confidence matches its accuracy, and how its
accuracy falls under the student's FGSM attack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import keras
import numpy as np

from grader.packs.regularized_training.experiment.network import VALUE_RANGE


@dataclass(frozen=True)
class Calibration:
    """The validation predictions binned by confidence (the top-class probability), in equal-width bins."""

    edges: tuple[float, ...]
    """The bins' edges, from 0 to 1 (one more than the bins)."""
    counts: tuple[int, ...]
    """Predictions whose confidence falls in each bin."""
    accuracy: tuple[float, ...]
    """Fraction of them that are right; NaN for an empty bin."""
    confidence: tuple[float, ...]
    """Their mean confidence; NaN for an empty bin."""
    mean_confidence: float
    """Over every validation image."""
    error: float
    """Expected calibration error: sum over bins of (bin size / n) x |accuracy - mean confidence|."""


def calibration(probabilities: np.ndarray, labels: np.ndarray, bins: int) -> Calibration:
    confidence = probabilities.max(axis=-1)
    correct = probabilities.argmax(axis=-1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    # Bin i holds (edges[i], edges[i+1]]; a confidence of exactly 0 cannot happen with 10 classes.
    index = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    counts = np.bincount(index, minlength=bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        accuracy = np.bincount(index, weights=correct, minlength=bins) / counts
        mean = np.bincount(index, weights=confidence, minlength=bins) / counts
    error = float(np.nansum(counts / len(labels) * np.abs(accuracy - mean)))
    return Calibration(tuple(float(e) for e in edges), tuple(int(c) for c in counts), tuple(float(a) for a in accuracy),
                       tuple(float(m) for m in mean), float(confidence.mean()), error)


class AttackFailed(Exception):
    """The student's fgsm_examples returned something unusable; the message says what."""


def attack_accuracies(fgsm: Callable, network: keras.Model, x: np.ndarray, labels: np.ndarray,
                      epsilons: Sequence[float]) -> tuple[float, ...]:
    """Accuracy of ``network`` on ``x`` moved by the student's ``fgsm_examples`` at each epsilon (the gradient of
    Keras's cross-entropy with the true one-hot labels, clipped to the pixels' range)."""
    num_classes = network.output_shape[-1]
    y = keras.ops.convert_to_tensor(np.eye(num_classes, dtype="float32")[labels])
    x_tensor = keras.ops.convert_to_tensor(x)
    loss = keras.losses.CategoricalCrossentropy()
    accuracies = []
    for epsilon in epsilons:
        adversarial = fgsm(network, x_tensor, y, float(epsilon), loss, clip=VALUE_RANGE)
        if adversarial is None:
            raise AttackFailed("fgsm_examples returned None instead of a tensor: is a `return` missing?")
        try:
            adversarial = np.asarray(keras.ops.convert_to_numpy(adversarial), dtype="float32")
        except (TypeError, ValueError) as exc:
            raise AttackFailed(f"fgsm_examples returned a {type(adversarial).__name__} that cannot be read as "
                               f"numbers: {exc}") from None
        if adversarial.shape != x.shape:
            raise AttackFailed(f"fgsm_examples returned shape {adversarial.shape}; expected {x.shape}, the shape of x")
        if not np.isfinite(adversarial).all():
            raise AttackFailed(f"fgsm_examples returned NaN or infinite values (epsilon={epsilon:g})")
        predicted = np.argmax(keras.ops.convert_to_numpy(network(adversarial, training=False)), axis=-1)
        accuracies.append(float(np.mean(predicted == labels)))
    return tuple(accuracies)
