"""The training loops: one optimizer's run with its loss at every step (part 1), and the search's trials,
all in one compiled graph (part 3).

Both loops are tf.functions built without AutoGraph, their loops written as tf.while_loop: the student's
optimizer runs as written (not rewritten by AutoGraph), so an error in it points at the student's line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf

from grader.packs.optimization.experiment.network import Setup, build_network


def epoch_batches(x: np.ndarray, y: np.ndarray, batch_size: int, seed: int,
                  epoch: int) -> tuple[np.ndarray, np.ndarray]:
    """The batches of one epoch, stacked: (steps, batch_size, features) and (steps, batch_size). The
    shuffle depends only on the seed and the epoch, so every optimizer and trial sees the same batches; the
    images left over after the last full batch are left out of that epoch."""
    steps = len(x) // batch_size
    order = np.random.default_rng([seed, epoch]).permutation(len(x))[: steps * batch_size]
    return x[order].reshape(steps, batch_size, -1), y[order].reshape(steps, batch_size)


def _step_losses(model: keras.Model, optimizer: keras.optimizers.Optimizer, loss: keras.losses.Loss,
                 penalty: Callable[[], tf.Tensor] | None = None) -> Callable:
    """A graph function (batches_x, batches_y) -> the loss of each step, training ``model`` on every batch in
    turn with ``optimizer``. ``penalty()`` is added to each step's loss (not to the losses returned)."""
    variables = model.trainable_variables

    def run(batches_x, batches_y):
        steps = tf.shape(batches_x)[0]

        def body(i, losses):
            with tf.GradientTape() as tape:
                value = loss(batches_y[i], model(batches_x[i], training=True))
                total = value if penalty is None else value + penalty()
            optimizer.apply(tape.gradient(total, variables), variables)
            return i + 1, losses.write(i, value)

        _, losses = tf.while_loop(lambda i, _: i < steps, body,
                                  (tf.constant(0), tf.TensorArray(tf.float32, size=steps)))
        return losses.stack()

    function = tf.function(run, autograph=False, jit_compile=False)
    # Each optimizer and the search trace their own copy of `run`: TensorFlow would count those as retracing
    # the same function and warn, on standard error, that tracing is expensive.
    function._omit_frequent_tracing_warning = True
    return function


def predict(model: keras.Model, x: np.ndarray) -> np.ndarray:
    """The model's probabilities for ``x``, called eagerly (predict_on_batch would trace a graph per model)."""
    return np.asarray(keras.ops.convert_to_numpy(model(x, training=False)))


@dataclass(frozen=True)
class Run:
    step_losses: tuple[float, ...]
    """The training loss of every step (the batch's loss before the step's update)."""
    val_accuracy: tuple[float, ...]
    """After each epoch."""
    val_loss: float
    """After the last epoch."""


def train_optimizer(model: keras.Model, optimizer: keras.optimizers.Optimizer, train_data, val_data, setup: Setup,
                    on_epoch: Callable[[int], None], on_stage: Callable[[str], None]) -> Run:
    """Train ``model`` with the student's ``optimizer`` for ``setup.epochs``; ``on_epoch(n)`` after epoch n,
    ``on_stage(what)`` as the work moves on (a failure then names where it happened)."""
    (x, y), (x_val, y_val) = train_data, val_data
    loss = keras.losses.SparseCategoricalCrossentropy()
    on_stage("building the optimizer")
    optimizer.build(model.trainable_variables)  # eagerly: the slots are made outside the graph
    on_stage("training")
    run_epoch = _step_losses(model, optimizer, loss)
    losses, accuracy = [], []
    for epoch in range(setup.epochs):
        batches = epoch_batches(x, y, setup.batch_size, setup.seed, epoch)
        losses.extend(float(v) for v in np.asarray(run_epoch(*batches)))
        probabilities = predict(model, x_val)
        accuracy.append(float(np.mean(probabilities.argmax(axis=-1) == y_val)))
        on_epoch(epoch + 1)
    val_loss = float(keras.ops.convert_to_numpy(loss(y_val, probabilities)))
    return Run(tuple(losses), tuple(accuracy), val_loss)


class SearchTrainer:
    """One small network and Keras's Adam, compiled once; each trial puts back the same initial weights and
    optimizer state, sets the trial's learning rate and weight decay, and trains ``setup.search_epochs``
    on the same batches in one graph call."""

    def __init__(self, train_data, val_data, setup: Setup, num_classes: int):
        (x, y), self.val = train_data, val_data
        self.model = build_network(x.shape[1], num_classes, 1, setup.search_width, "relu")
        self.optimizer = keras.optimizers.Adam(learning_rate=1e-3)
        self.optimizer.build(self.model.trainable_variables)
        self.weight_decay = tf.Variable(0.0, trainable=False)
        kernels = [layer.kernel for layer in self.model.layers]

        def penalty():
            return self.weight_decay * tf.add_n([tf.reduce_sum(tf.square(kernel)) for kernel in kernels])

        self._run = _step_losses(self.model, self.optimizer, keras.losses.SparseCategoricalCrossentropy(), penalty)
        epochs = [epoch_batches(x, y, setup.batch_size, setup.seed, epoch) for epoch in range(setup.search_epochs)]
        self.batches = tuple(tf.constant(np.concatenate(part)) for part in zip(*epochs))
        self.steps_per_epoch = len(epochs[0][0])
        self._weights = self.model.get_weights()
        self._state = [np.asarray(v) for v in self.optimizer.variables]

    def trial(self, setting: Mapping[str, float]) -> tuple[float, float]:
        """(validation accuracy, mean training loss of the last epoch) after training with ``setting``'s
        learning_rate and weight_decay. A diverged run has NaN loss and predicts at chance."""
        self.model.set_weights(self._weights)
        for variable, value in zip(self.optimizer.variables, self._state):
            variable.assign(value)
        self.optimizer.learning_rate.assign(setting["learning_rate"])
        self.weight_decay.assign(setting["weight_decay"])
        losses = np.asarray(self._run(*self.batches))
        x_val, y_val = self.val
        predicted = predict(self.model, x_val).argmax(axis=-1)
        return float(np.mean(predicted == y_val)), float(losses[-self.steps_per_epoch:].mean())
