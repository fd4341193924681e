"""The variants of the experiment and the one network they share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import keras


@dataclass(frozen=True)
class Setup:
    """What every variant shares, and the strength of each regularization.

    Chosen so that with the reference solutions the plain network has clearly the widest gap between
    training and validation accuracy and every technique narrows it, with each of the five seeds tried
    (margins in docs/experiment/README.md).
    """

    train_samples: int = 300
    """Taken from the digits training split, the same number of each class."""
    subset_seed: int = 0
    """Picks those samples; fixed, so every run trains on the same 300 images."""
    seed: int = 0
    """Given to keras.utils.set_random_seed before each variant: same initial weights, same batches."""
    epochs: int = 30
    batch_size: int = 32
    learning_rate: float = 1e-3
    """Adam's."""
    depth: int = 4
    """Hidden Dense layers."""
    width: int = 256
    """Units per hidden layer."""
    activation: str = "tanh"
    init_stddev: float = 0.4
    """Hidden kernels start as N(0, 0.4^2), about 6 times Glorot's scale: the plain tanh network then
    fits the 300 images with a rough function that generalizes badly, the overfitting to show. With
    Keras's default initializer the plain network generalizes about as well as the normalized ones
    on this data, and batch and layer normalization do not narrow the gap reliably."""
    l2: float = 3e-2
    """L2(l2=...) on every Dense kernel."""
    l1: float = 1e-2
    """L1(l1=...) on every Dense kernel."""
    dropout_rate: float = 0.2
    """Dropout(rate=...) after each hidden layer."""
    noise_stddev: float = 0.3
    """GaussianNoise(stddev=...) on the input pixels (values in [0, 1])."""
    batchnorm_momentum: float = 0.9
    """Keras's 0.99 averages the statistics over about 100 steps, 10 epochs here: too slow for a
    network that changes this fast."""


SETUP = Setup()


@dataclass(frozen=True)
class Variant:
    name: str
    """Names its plot (``<name>.png``) and its row in the table."""
    label: str
    """How plots and tables call it."""
    classes: tuple[str, ...]
    """The student's classes it needs."""

    def setting(self, setup: Setup) -> str:
        """Where the regularization goes and how strong it is, in the student's words."""
        return {
            "unregularized": "no penalty, no noise, no normalization",
            "l2": f"L2(l2={setup.l2:g}) on every Dense kernel",
            "l1": f"L1(l1={setup.l1:g}) on every Dense kernel",
            "dropout": f"Dropout(rate={setup.dropout_rate:g}) after each hidden layer",
            "noise": f"GaussianNoise(stddev={setup.noise_stddev:g}) on the input",
            "batchnorm": f"BatchNormalization(momentum={setup.batchnorm_momentum:g}) before each activation",
            "layernorm": "LayerNormalization() before each activation",
        }[self.name]


VARIANTS: tuple[Variant, ...] = (
    Variant("unregularized", "No regularization", ()),
    Variant("l2", "L2", ("L2",)),
    Variant("l1", "L1", ("L1",)),
    Variant("dropout", "Dropout", ("Dropout",)),
    Variant("noise", "Gaussian noise", ("GaussianNoise",)),
    Variant("batchnorm", "Batch normalization", ("BatchNormalization",)),
    Variant("layernorm", "Layer normalization", ("LayerNormalization",)),
)


def build_network(variant: Variant, classes: Mapping[str, type], setup: Setup,
                  inputs: int, num_classes: int) -> keras.Sequential:
    """The same network for every variant; only ``variant`` decides where the student's class goes.

    Input -> depth x (Dense -> [normalization] -> activation -> [dropout]) -> Dense softmax. Building
    it calls the student's classes (constructor, build, a symbolic call).
    """

    def regularizer():
        if variant.name == "l2":
            return classes["L2"](l2=setup.l2)
        if variant.name == "l1":
            return classes["L1"](l1=setup.l1)
        return None

    layers: list = [keras.Input(shape=(inputs,))]
    if variant.name == "noise":
        layers.append(classes["GaussianNoise"](stddev=setup.noise_stddev))
    for _ in range(setup.depth):
        init = keras.initializers.RandomNormal(stddev=setup.init_stddev)
        layers.append(keras.layers.Dense(setup.width, kernel_initializer=init, kernel_regularizer=regularizer()))
        if variant.name == "batchnorm":
            layers.append(classes["BatchNormalization"](momentum=setup.batchnorm_momentum))
        if variant.name == "layernorm":
            layers.append(classes["LayerNormalization"]())
        layers.append(keras.layers.Activation(setup.activation))
        if variant.name == "dropout":
            layers.append(classes["Dropout"](rate=setup.dropout_rate))
    layers.append(keras.layers.Dense(num_classes, activation="softmax", kernel_regularizer=regularizer()))
    return keras.Sequential(layers, name=variant.name)
