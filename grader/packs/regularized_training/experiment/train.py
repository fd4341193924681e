"""Training one variant: the batches (augmented by the student's layer, if any), the fit, and the
accuracies after each epoch.

Every variant sees the same batches in the same order: one tf.data pipeline, shuffled with the
setup's seed, with one-hot labels (what the mixing layers and the cross-entropy take). The student's
augmentation layer runs inside the compiled train step, on each batch with its labels (see Augmenting):
a tf.data map over {"images", "labels"} dicts draws the same, for about 1.5 times the CPU time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf

from grader.packs.regularization.experiment.train import EpochAccuracy
from grader.packs.regularized_training.experiment.network import Plan, Setup

_EPSILON = 1e-7
"""Keras's clipping of probabilities in the cross-entropy."""


@dataclass(frozen=True)
class Trained:
    train_curve: tuple[float, ...]
    """Training accuracy after each epoch that ran (inference mode)."""
    val_curve: tuple[float, ...]
    """Validation accuracy after each epoch that ran."""
    best_epoch: int | None
    """With early stopping: the epoch (1-based) whose weights were put back, as the callback says; else None."""


class _ValidationLogs(EpochAccuracy):
    """The accuracies after each epoch (see EpochAccuracy), and ``val_loss`` and ``val_accuracy`` written into
    the epoch's logs for the callbacks after it (the student's EarlyStopping): Keras's validation pass would
    predict the same images a second time. val_loss is Keras's categorical cross-entropy, with the plain
    one-hot labels whatever the training loss."""

    def on_epoch_end(self, epoch, logs=None):
        super().on_epoch_end(epoch, logs)
        if logs is not None:
            val = self.predictions[self.n_train:]
            target = val[np.arange(len(val)), self.y[self.n_train:]] / val.sum(axis=-1)
            logs["val_loss"] = float(-np.log(np.clip(target, _EPSILON, 1.0 - _EPSILON)).mean())
            logs["val_accuracy"] = self.val[-1]


def one_hot(labels: np.ndarray, num_classes: int) -> np.ndarray:
    return np.eye(num_classes, dtype="float32")[labels]


def augmenter(layer: keras.layers.Layer, image_shape: tuple[int, int]) -> Callable:
    """(flat images, one-hot labels) -> the same augmented: the images as (batch, height, width, 1), through
    ``layer`` with their labels as {"images": ..., "labels": ...} in training mode, then flat again."""
    pixels = int(np.prod(image_shape))

    @tf.autograph.experimental.do_not_convert  # the student's code runs as written, not rewritten by AutoGraph
    def augment(x, y):
        out = layer({"images": tf.reshape(x, (-1, *image_shape, 1)), "labels": y}, training=True)
        return tf.reshape(tf.cast(out["images"], tf.float32), (-1, pixels)), tf.cast(out["labels"], tf.float32)

    return augment


class Augmenting(keras.Model):
    """Trains ``inner`` on batches augmented inside the compiled train step (so each epoch stays one graph
    call); calling it, as predict and the accuracies do, runs ``inner`` unchanged."""

    def __init__(self, inner: keras.Model, layer: keras.layers.Layer, augment: Callable, **kwargs):
        super().__init__(**kwargs)
        self.inner = inner
        self.layer = layer  # tracked: its seed generator's state is one of the model's variables
        self.augment = augment

    def call(self, inputs, training=False):
        return self.inner(inputs, training=training)

    def train_step(self, data):
        x, y = data
        return super().train_step(self.augment(x, y))


def batches(x: np.ndarray, y_one_hot: np.ndarray, setup: Setup) -> tf.data.Dataset:
    """The training batches of every epoch: reshuffled each epoch, the same order for every variant."""
    data = tf.data.Dataset.from_tensor_slices((x, y_one_hot))
    return data.shuffle(len(x), seed=setup.seed, reshuffle_each_iteration=True).batch(setup.batch_size)


def train(plan: Plan, train_data: tuple[np.ndarray, np.ndarray], val_data: tuple[np.ndarray, np.ndarray],
          setup: Setup, image_shape: tuple[int, int], on_epoch: Callable[[int], None],
          on_stage: Callable[[str], None]) -> Trained:
    """Fit ``plan.model`` (inside Augmenting when the plan has a layer) in graph mode for up to ``setup.epochs``;
    ``on_epoch(n)`` after epoch n (1-based), ``on_stage(what)`` as the work moves on ("augmenting a batch",
    "training"): a failure then names where it happened."""
    (x_train, y_train), (x_val, y_val) = train_data, val_data
    y_train_hot = one_hot(y_train, int(max(y_train.max(), y_val.max())) + 1)
    model = plan.model
    if plan.augmentation is not None:
        augment = augmenter(plan.augmentation, image_shape)
        on_stage("augmenting a batch")
        augment(x_train[: setup.batch_size], y_train_hot[: setup.batch_size])  # eagerly first: clear errors
        model = Augmenting(plan.model, plan.augmentation, augment)
    on_stage("training")
    steps = math.ceil(len(x_train) / setup.batch_size)
    # One graph call per epoch (steps_per_execution), as in the first assignment's experiment.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=setup.learning_rate), loss=plan.loss,
                  steps_per_execution=steps, jit_compile=False)
    accuracy = _ValidationLogs(np.concatenate([x_train, x_val]), np.concatenate([y_train, y_val]), len(x_train),
                               on_epoch)
    model.fit(batches(x_train, y_train_hot, setup), epochs=setup.epochs, verbose=0, shuffle=False,
              callbacks=[accuracy, *plan.callbacks])
    best = None
    if plan.callbacks:
        best_epoch = getattr(plan.callbacks[0], "best_epoch", None)
        best = best_epoch + 1 if isinstance(best_epoch, (int, np.integer)) and 0 <= best_epoch < len(accuracy.val) else None
    return Trained(tuple(accuracy.train), tuple(accuracy.val), best)
