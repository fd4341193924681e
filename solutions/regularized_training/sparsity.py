"""ActivityRegularization: a penalty on activations, for sparse representations."""

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularized_training")
class ActivityRegularization(keras.layers.Layer):
    """Returns its input unchanged and adds a penalty on it to the model's loss.

    A penalty on the weights keeps the parameters small; a penalty on the
    activations keeps the REPRESENTATION small, and with an L1 term, sparse:
    most units output 0 for a given input. For an input `x` of batch size B
    (its first axis):

        penalty = (l1 * sum(|x|) + l2 * sum(x ** 2)) / B

    summed over every element, then divided by the batch size (Keras 3.15's
    rule: the penalty is per sample, whatever the batch). It is added with
    `self.add_loss(...)` on every call, in training and in inference alike,
    so `layer.losses` holds one scalar after each call and `model.fit` adds
    it to the compiled loss.

    Args:
        l1: float >= 0, the L1 factor.
        l2: float >= 0, the L2 factor.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Example:

    >>> reg = ActivityRegularization(l1=0.01)
    >>> y = reg(x)          # y is x
    >>> reg.losses          # [0.01 * sum(|x|) / batch_size]
    """

    def __init__(self, l1=0.0, l2=0.0, **kwargs):
        super().__init__(**kwargs)
        # TODO: store l1 and l2 as floats; a negative value raises ValueError.
        # BEGIN SOLUTION
        for name, value in (("l1", l1), ("l2", l2)):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ValueError(f"`{name}` must be a number >= 0. Received: {name}={value!r}")
        self.l1 = float(l1)
        self.l2 = float(l2)
        # END SOLUTION

    def call(self, inputs):
        # TODO: add the penalty of the docstring with self.add_loss and return
        # the inputs. Compute it in the input's dtype.
        # BEGIN SOLUTION
        batch = ops.cast(ops.shape(inputs)[0], inputs.dtype)
        penalty = self.l1 * ops.sum(ops.abs(inputs)) + self.l2 * ops.sum(ops.square(inputs))
        self.add_loss(penalty / batch)
        return inputs
        # END SOLUTION

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "l1": self.l1, "l2": self.l2}
