"""The variants of the experiment, the settings they share, and the model and loss each one trains.

The network, the 300 training images and the training budget are the first assignment's overfitting
setting (grader.packs.regularization.experiment): only how the network is trained differs here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import keras

from grader.packs.regularization.experiment import network as overfitting

PLAIN = overfitting.VARIANTS[0]
"""The first assignment's network without regularization: every variant here trains that network."""


@dataclass(frozen=True)
class Setup(overfitting.Setup):
    """The first assignment's setting (300 images, 4 x 256 tanh units started at stddev 0.4, Adam 1e-3, batch
    32, 30 epochs, seed 0) and the strength of each technique. Its weight penalties, dropout, noise and
    normalization are not used here.

    Chosen so that with the reference solutions every technique shows its effect on this small problem
    (the numbers are in docs/experiment_training/README.md).
    """

    monitor: str = "val_accuracy"
    """EarlyStopping(monitor=...). In this setting the plain network's validation loss still falls, slowly,
    at epoch 30, so watching it never stops; its validation accuracy levels off after about 18 epochs."""
    patience: int = 5
    """EarlyStopping(patience=...): epochs without a new best validation accuracy before stopping."""
    mixup_alpha: float = 0.2
    """MixUp(alpha=...), the layer's default (and the paper's)."""
    cutmix_factor: float = 1.0
    """CutMix(factor=...), the layer's default."""
    erasing_factor: float = 1.0
    """RandomErasing(factor=...): each image erased with probability 0.5."""
    erasing_scale: tuple[float, float] = (0.02, 0.33)
    """RandomErasing(scale=...), the layer's default: boxes of 1 to 4.6 pixels a side on the 8 x 8 digits."""
    label_smoothing: float = 0.1
    """CategoricalCrossentropy(label_smoothing=...)."""
    adversarial_epsilon: float = 0.1
    """AdversarialModel(epsilon=...): pixels lie in [0, 1], so 0.1 moves each by a tenth of the range,
    1.6 of the 16 ink levels a digit pixel has."""
    adversarial_alpha: float = 0.5
    """AdversarialModel(alpha=...): the weight of the clean loss."""
    attack_epsilons: tuple[float, ...] = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
    """FGSM's steps for the robustness curves (fgsm_examples on the validation images)."""
    calibration_bins: int = 10
    """Equal-width bins of the top-class probability, for the reliability diagram and the calibration error."""


SETUP = Setup()
VALUE_RANGE = (0.0, 1.0)
"""The digits' pixel values (grader.datasets: ink count / 16). RandomErasing's value_range and FGSM's clip."""


@dataclass(frozen=True)
class Variant(overfitting.Variant):
    def setting(self, setup: Setup) -> str:
        """How the network is trained, in the student's words."""
        low, high = VALUE_RANGE
        return {
            "none": "Keras's CategoricalCrossentropy, clean batches",
            "early_stopping": (f"EarlyStopping(monitor=\"{setup.monitor}\", patience={setup.patience}, "
                               "restore_best_weights=True)"),
            "mixup": f"MixUp(alpha={setup.mixup_alpha:g}) on every training batch",
            "cutmix": f"CutMix(factor={setup.cutmix_factor:g}) on every training batch",
            "random_erasing": (f"RandomErasing(factor={setup.erasing_factor:g}, scale=({setup.erasing_scale[0]:g}, "
                               f"{setup.erasing_scale[1]:g}), value_range=({low:g}, {high:g})) on every training batch"),
            "label_smoothing": f"CategoricalCrossentropy(label_smoothing={setup.label_smoothing:g})",
            "adversarial": (f"AdversarialModel(epsilon={setup.adversarial_epsilon:g}, "
                            f"alpha={setup.adversarial_alpha:g}): FGSM examples in every batch"),
        }[self.name]

    @property
    def augmentation(self) -> str | None:
        """The student's layer applied to the training batches, if any."""
        return {"mixup": "MixUp", "cutmix": "CutMix", "random_erasing": "RandomErasing"}.get(self.name)


VARIANTS: tuple[Variant, ...] = (
    Variant("none", "No regularization", ()),
    Variant("early_stopping", "Early stopping", ("EarlyStopping",)),
    Variant("mixup", "MixUp", ("MixUp",)),
    Variant("cutmix", "CutMix", ("CutMix",)),
    Variant("random_erasing", "Random erasing", ("RandomErasing",)),
    Variant("label_smoothing", "Label smoothing", ("CategoricalCrossentropy",)),
    Variant("adversarial", "Adversarial training", ("AdversarialModel",)),
)

ATTACK = ("fgsm_examples", "AdversarialModel")
"""The student's function behind the robustness curves, and the exercise whose file defines it."""


@dataclass
class Plan:
    """What one variant trains, built from the student's classes."""

    network: keras.Model
    """The first assignment's plain network: what is measured and attacked."""
    model: keras.Model
    """What ``fit`` trains: the network, or the student's AdversarialModel around it."""
    loss: keras.losses.Loss
    augmentation: keras.layers.Layer | None
    """The student's layer for the training batches, or None."""
    callbacks: list[keras.callbacks.Callback]
    """The student's EarlyStopping, or nothing."""


def build_plan(variant: Variant, classes: Mapping[str, type], setup: Setup, inputs: int, num_classes: int) -> Plan:
    """The network, and around it the variant's model, loss, augmentation and callbacks. Calls the student's
    constructors (errors there are the student's)."""
    network = overfitting.build_network(PLAIN, {}, setup, inputs=inputs, num_classes=num_classes)
    model, loss, augmentation, callbacks = network, keras.losses.CategoricalCrossentropy(), None, []
    if variant.name == "early_stopping":
        callbacks.append(classes["EarlyStopping"](monitor=setup.monitor, patience=setup.patience,
                                                  restore_best_weights=True))
    elif variant.name == "mixup":
        augmentation = classes["MixUp"](alpha=setup.mixup_alpha, seed=setup.seed)
    elif variant.name == "cutmix":
        augmentation = classes["CutMix"](factor=setup.cutmix_factor, seed=setup.seed)
    elif variant.name == "random_erasing":
        augmentation = classes["RandomErasing"](factor=setup.erasing_factor, scale=setup.erasing_scale,
                                                value_range=VALUE_RANGE, seed=setup.seed)
    elif variant.name == "label_smoothing":
        loss = classes["CategoricalCrossentropy"](label_smoothing=setup.label_smoothing)
    elif variant.name == "adversarial":
        model = classes["AdversarialModel"](network, epsilon=setup.adversarial_epsilon, alpha=setup.adversarial_alpha,
                                            clip=VALUE_RANGE)
    return Plan(network, model, loss, augmentation, callbacks)
