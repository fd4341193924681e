"""The parts of the experiment, the settings they share, the networks they train, and the student's
optimizers built for each run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import keras

from grader.packs.regularization.experiment import network as overfitting

OPTIMIZERS, ACTIVATIONS, SEARCH = "optimizers", "activations", "search"
"""The three parts, in the order they run; each draws one figure."""


@dataclass(frozen=True)
class Setup:
    """Every setting of the three parts. Chosen so that with the reference solutions each part shows its
    point on the digits within about a minute on two cores (the numbers are in
    docs/experiment_optimization/README.md).

    All three parts use the digits' whole training split (1,079 images) rather than the first assignment's
    300: the optimizer curves then have 33 steps per epoch, and the search's accuracies are less noisy.
    """

    seed: int = 0
    """Given to keras.utils.set_random_seed before each run; also seeds the shuffling, the weights of the
    activation probe and the student's sample_hyperparameters."""

    # Part 1: the optimizers, on one network.
    epochs: int = 20
    """Epochs of each optimizer's run."""
    batch_size: int = 32
    """Each epoch takes 33 shuffled batches of 32 (the 23 images left over change every epoch)."""
    depth: int = 2
    """Hidden Dense layers of the network every optimizer trains."""
    width: int = 100
    activation: str = "relu"
    sgd_learning_rate: float = 0.01
    """Keras's default for SGD, for plain SGD and for SGD with momentum alike: momentum's speed-up is then
    the whole difference between the two."""
    momentum: float = 0.9
    adagrad_learning_rate: float = 0.01
    """The usual value (PyTorch's default, Duchi et al.'s experiments). Keras's default, 0.001, barely moves
    this network in 20 epochs."""
    rmsprop_learning_rate: float = 0.001
    """Keras's default."""
    adam_learning_rate: float = 0.001
    """Keras's default, and the paper's."""

    # Part 2: activations of a deep network at initialization.
    probe_depth: int = 5
    probe_width: int = 100
    small_stddev: float = 0.01
    """The "too small" normal initialization: N(0, 0.01^2)."""
    saturation: float = 0.01
    """A sigmoid output within this of 0 or 1 counts as saturated: there the sigmoid's slope is below 0.0099,
    4 % of its largest (0.25)."""
    histogram_bins: int = 40

    # Part 3: random search.
    trials: int = 100
    search_epochs: int = 5
    """Epochs of each trial."""
    search_width: int = 64
    """One hidden layer of 64 ReLU units, trained with Keras's Adam (not the student's: the search then
    depends on search.py alone)."""
    ranges: tuple[tuple[str, float, float], ...] = (("learning_rate", 1e-5, 1.0), ("weight_decay", 1e-6, 1.0))
    """(name, low, high): what the student's sample_hyperparameters draws from, log-uniformly. Adam's
    learning rate learns nothing in 5 epochs below 1e-4 and diverges above 0.3; the weight decay, an L2
    penalty weight_decay * sum(w^2) over the kernels added to the loss, starts to hurt above 1e-2. Both
    optima lie inside their ranges."""
    keep: int = 10
    """The best trials highlighted and given to the student's narrow."""

    @property
    def search_ranges(self) -> dict[str, tuple[float, float]]:
        """``ranges`` as sample_hyperparameters and narrow take them."""
        return {name: (low, high) for name, low, high in self.ranges}


SETUP = Setup()


@dataclass(frozen=True)
class Variant(overfitting.Variant):
    part: str = OPTIMIZERS
    """Which figure it belongs to: OPTIMIZERS, ACTIVATIONS or SEARCH."""

    def setting(self, setup: Setup) -> str:
        """What runs, in the student's words."""
        return {
            "sgd": f"SGD(learning_rate={setup.sgd_learning_rate:g})",
            "momentum": f"SGD(learning_rate={setup.sgd_learning_rate:g}, momentum={setup.momentum:g})",
            "adagrad": f"Adagrad(learning_rate={setup.adagrad_learning_rate:g})",
            "rmsprop": f"RMSprop(learning_rate={setup.rmsprop_learning_rate:g})",
            "adam": f"Adam(learning_rate={setup.adam_learning_rate:g})",
            "normal": "N(0, 1) for every weight",
            "small_normal": f"N(0, {setup.small_stddev:g}^2) for every weight",
            "glorot": "GlorotUniform(seed=...) for each layer",
            "he": "HeNormal(seed=...) for each layer",
            "search": (f"{setup.trials} trials of sample_hyperparameters(n, ranges, seed={setup.seed}) over "
                       + ", ".join(f"{name} in ({low:g}, {high:g})" for name, low, high in setup.ranges)
                       + f"; narrow(results, ranges, keep={setup.keep})"),
        }[self.name]


VARIANTS: tuple[Variant, ...] = (
    Variant("sgd", "SGD", ("SGD",), OPTIMIZERS),
    Variant("momentum", "SGD + momentum", ("SGD",), OPTIMIZERS),
    Variant("adagrad", "Adagrad", ("Adagrad",), OPTIMIZERS),
    Variant("rmsprop", "RMSprop", ("RMSprop",), OPTIMIZERS),
    Variant("adam", "Adam", ("Adam",), OPTIMIZERS),
    Variant("normal", "N(0, 1)", (), ACTIVATIONS),
    Variant("small_normal", "N(0, 0.01²)", (), ACTIVATIONS),
    Variant("glorot", "Glorot uniform", ("GlorotUniform",), ACTIVATIONS),
    Variant("he", "He normal", ("HeNormal",), ACTIVATIONS),
    Variant("search", "Random search", ("sample_hyperparameters",), SEARCH),
)
"""The search's student code is functions, not classes: run.py looks them up itself. ``narrow`` is not listed:
when it alone is unfinished the search still runs, without the narrowed range."""

NARROW = "narrow"
PROBE_ACTIVATIONS = ("sigmoid", "relu")
"""The activation probe's network is run with each, on the same weights."""


def build_optimizer(variant: Variant, classes: Mapping[str, type], setup: Setup) -> keras.optimizers.Optimizer:
    """The student's optimizer of ``variant``; calls its constructor (errors there are the student's)."""
    if variant.name == "sgd":
        return classes["SGD"](learning_rate=setup.sgd_learning_rate)
    if variant.name == "momentum":
        return classes["SGD"](learning_rate=setup.sgd_learning_rate, momentum=setup.momentum)
    if variant.name == "adagrad":
        return classes["Adagrad"](learning_rate=setup.adagrad_learning_rate)
    if variant.name == "rmsprop":
        return classes["RMSprop"](learning_rate=setup.rmsprop_learning_rate)
    if variant.name == "adam":
        return classes["Adam"](learning_rate=setup.adam_learning_rate)
    raise ValueError(f"{variant.name} is not an optimizer of the experiment")


def build_network(inputs: int, num_classes: int, depth: int, width: int, activation: str) -> keras.Sequential:
    """Input -> depth x Dense(width, activation) -> Dense softmax, Keras's default (Glorot uniform) weights.
    Call keras.utils.set_random_seed first: the weights come from its seed."""
    layers: list = [keras.Input(shape=(inputs,))]
    layers += [keras.layers.Dense(width, activation=activation) for _ in range(depth)]
    layers.append(keras.layers.Dense(num_classes, activation="softmax"))
    return keras.Sequential(layers)
