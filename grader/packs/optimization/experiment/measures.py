"""Part 2: the activations of a deep network at initialization, layer by layer.

The probe is NumPy: the weights are drawn (by the student's initializer, or from a normal distribution),
then the images go through ``probe_depth`` layers of ``probe_width`` units, biases zero, with each
activation. Nothing is trained.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import keras
import numpy as np

from grader.packs.optimization.experiment.network import Setup, Variant


class InitializerFailed(Exception):
    """The student's initializer returned something unusable; the message says what."""


@dataclass(frozen=True)
class LayerStats:
    mean: float
    std: float
    """Over every activation of the layer (all images, all units): how far the outputs spread."""
    image_std: float
    """Each unit's standard deviation over the images, averaged over the units: the part of the spread that
    depends on the input. Far below ``std``, the units differ from each other but each one gives every image
    nearly the same output: the layer no longer tells the images apart."""
    saturated: float
    """Sigmoid: the fraction of outputs within ``setup.saturation`` of 0 or 1, where the slope is nearly 0.
    ReLU: the fraction of outputs that are exactly 0 (no gradient flows through them)."""
    dead: float
    """The fraction of units that are saturated (sigmoid) or 0 (ReLU) for every image of the batch."""
    counts: tuple[float, ...]
    """Histogram: the fraction of the layer's outputs in each bin (ReLU: of its non-zero outputs)."""


@dataclass(frozen=True)
class Histograms:
    """One initialization with one activation: every layer's statistics, its histograms on shared bins."""

    edges: tuple[float, ...]
    """Sigmoid: 0 to 1. ReLU: 0 to the largest output of any layer, so a layer whose outputs shrink (or
    grow) shows it against the others."""
    layers: tuple[LayerStats, ...]


def probe_weights(variant: Variant, classes: dict[str, type], setup: Setup, inputs: int) -> list[np.ndarray]:
    """Every layer's kernel, (inputs, width) then (width, width): drawn by the student's initializer (a new
    one per layer, seeded with seed * 100 + layer) or from N(0, 1) / N(0, small_stddev^2)."""
    shapes = [(inputs, setup.probe_width)] + [(setup.probe_width, setup.probe_width)] * (setup.probe_depth - 1)
    if variant.name in ("normal", "small_normal"):
        rng = np.random.default_rng(setup.seed)
        stddev = 1.0 if variant.name == "normal" else setup.small_stddev
        return [(stddev * rng.standard_normal(shape)).astype("float32") for shape in shapes]
    (name,) = variant.classes
    kernels = []
    for layer, shape in enumerate(shapes):
        initializer = classes[name](seed=setup.seed * 100 + layer)
        kernels.append(_checked(initializer(shape, dtype="float32"), name, shape))
    return kernels


def _checked(value, name: str, shape: tuple[int, int]) -> np.ndarray:
    if value is None:
        raise InitializerFailed(f"{name} returned None instead of a tensor: is a `return` missing?")
    try:
        array = np.asarray(keras.ops.convert_to_numpy(value), dtype="float32")
    except (TypeError, ValueError) as exc:
        raise InitializerFailed(f"{name} returned a {type(value).__name__} that cannot be read as numbers: "
                                f"{exc}") from None
    if array.shape != shape:
        raise InitializerFailed(f"{name} returned shape {array.shape} for shape={shape}")
    if not np.isfinite(array).all():
        raise InitializerFailed(f"{name} returned NaN or infinite values for shape={shape}")
    return array


_ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": lambda z: 0.5 * (1.0 + np.tanh(0.5 * z)),  # the logistic function, without overflow warnings
    "relu": lambda z: np.maximum(z, 0.0),
}


def probe(kernels: list[np.ndarray], x: np.ndarray, activation: str, setup: Setup) -> Histograms:
    """Run ``x`` through the layers and measure each one's outputs."""
    outputs, a = [], x.astype("float64")
    for kernel in kernels:
        a = _ACTIVATIONS[activation](a @ kernel.astype("float64"))
        outputs.append(a)
    if activation == "sigmoid":
        edges = np.linspace(0.0, 1.0, setup.histogram_bins + 1)
        stuck = [(a < setup.saturation) | (a > 1.0 - setup.saturation) for a in outputs]
        shown = outputs
    else:
        stuck = [a == 0.0 for a in outputs]
        shown = [a[a > 0.0] for a in outputs]
        top = max((float(values.max()) for values in shown if values.size), default=1.0)
        edges = np.linspace(0.0, top if top > 0 else 1.0, setup.histogram_bins + 1)
    layers = []
    for a, zero, values in zip(outputs, stuck, shown):
        counts, _ = np.histogram(values, bins=edges)
        layers.append(LayerStats(mean=float(a.mean()), std=float(a.std()), image_std=float(a.std(axis=0).mean()),
                                 saturated=float(zero.mean()),
                                 dead=float(zero.all(axis=0).mean()),
                                 counts=tuple(float(c) / max(1, values.size) for c in counts)))
    return Histograms(tuple(float(e) for e in edges), tuple(layers))
