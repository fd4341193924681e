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
        self.l1 = float(l1)
        self.l2 = float(l2)
        if self.l1 < 0 or self.l2 < 0:
            raise ValueError(f"l1 and l2 must be >= 0, got l1={l1}, l2={l2}")
        self.supports_masking = True

    def call(self, inputs):
        x = ops.convert_to_tensor(inputs)
        elementwise = self.l1 * ops.abs(x) + self.l2 * ops.square(x)
        if len(x.shape) == 0:
            penalty = elementwise
        else:
            # 샘플마다 합한 뒤 배치 평균 = 전체 합 / 배치 크기
            per_sample = ops.sum(ops.reshape(elementwise, (ops.shape(x)[0], -1)), axis=1)
            penalty = ops.mean(per_sample)
        self.add_loss(ops.cast(penalty, x.dtype))
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "l1": self.l1, "l2": self.l2}
