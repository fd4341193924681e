"""Weight regularizers: L1, L2 and L1L2 (keras.ops 의 명시적 함수만 사용)."""

import math

import keras
from keras import ops


def _validate_penalty(value, name, default):
    if value is None:
        value = default
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and math.isfinite(value) and value >= 0:
        return float(value)
    raise ValueError(
        f"Invalid value for argument {name}: expected a non-negative float. "
        f"Received: {name}={value!r}"
    )


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        return ops.multiply(ops.cast(self.l1, x.dtype), ops.sum(ops.absolute(x)))

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        return ops.multiply(ops.cast(self.l2, x.dtype), ops.sum(ops.power(x, 2)))

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        l1_part = ops.multiply(ops.cast(self.l1, x.dtype), ops.sum(ops.absolute(x)))
        l2_part = ops.multiply(ops.cast(self.l2, x.dtype), ops.sum(ops.power(x, 2)))
        return ops.add(l1_part, l2_part)

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
