"""Training one variant: the 300 samples, the fit, and the accuracies after each epoch."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import keras
import numpy as np

from grader.packs.regularization.experiment.network import Setup


@dataclass(frozen=True)
class Curves:
    """Accuracy after each epoch, both measured the same way: network in inference mode."""

    train: tuple[float, ...]
    val: tuple[float, ...]


def training_subset(x: np.ndarray, y: np.ndarray, setup: Setup) -> tuple[np.ndarray, np.ndarray]:
    """``setup.train_samples`` samples of (x, y), as many of each class, picked by ``setup.subset_seed``."""
    classes = np.unique(y)
    per_class, extra = divmod(setup.train_samples, classes.size)
    rng = np.random.default_rng(setup.subset_seed)
    picked = [rng.choice(np.flatnonzero(y == c), per_class + (i < extra), replace=False) for i, c in enumerate(classes)]
    index = np.sort(np.concatenate(picked))
    return x[index], y[index]


class EpochAccuracy(keras.callbacks.Callback):
    """Train and validation accuracy in inference mode after each epoch, in one prediction call.

    Keras's own training accuracy is measured in training mode, with dropout and noise on, which
    would make those two look as if they closed the gap more than they do.
    """

    def __init__(self, x: np.ndarray, y: np.ndarray, n_train: int, on_epoch: Callable[[int], None]):
        super().__init__()
        self.x, self.y, self.n_train, self.on_epoch = x, y, n_train, on_epoch
        self.train: list[float] = []
        self.val: list[float] = []

    def on_epoch_end(self, epoch, logs=None):
        # The last epoch's predictions for x (the training samples, then the validation ones), kept for subclasses.
        self.predictions = np.asarray(self.model.predict_on_batch(self.x))
        correct = np.argmax(self.predictions, axis=-1) == self.y
        self.train.append(float(correct[: self.n_train].mean()))
        self.val.append(float(correct[self.n_train:].mean()))
        self.on_epoch(epoch + 1)


def train(model: keras.Model, train_data: tuple[np.ndarray, np.ndarray], val_data: tuple[np.ndarray, np.ndarray],
          setup: Setup, on_epoch: Callable[[int], None]) -> Curves:
    """Fit ``model`` in graph mode; ``on_epoch(n)`` is called after epoch n (1-based)."""
    x_train, y_train = train_data
    steps = math.ceil(len(x_train) / setup.batch_size)
    # One graph call per epoch (steps_per_execution) keeps Python's overhead per step out of the run time;
    # XLA would spend more compiling than it saves on a network this small.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=setup.learning_rate),
                  loss="sparse_categorical_crossentropy", steps_per_execution=steps, jit_compile=False)
    accuracy = EpochAccuracy(np.concatenate([x_train, val_data[0]]), np.concatenate([y_train, val_data[1]]),
                             len(x_train), on_epoch)
    model.fit(x_train, y_train, batch_size=setup.batch_size, epochs=setup.epochs, shuffle=True, verbose=0,
              callbacks=[accuracy])
    return Curves(tuple(accuracy.train), tuple(accuracy.val))
