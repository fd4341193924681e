"""Weight regularizers: L1, L2 and L1L2.

Flatten the weight once and use dot products: sum(x^2) = <x, x>.
"""

import math

import keras
from keras import ops


def _validate_penalty(value, name, default):
    value = default if value is None else value
    is_num = type(value) in (int, float)  # bool 은 type 이 bool 이라 제외됨
    if not is_num or value != value or value in (math.inf, -math.inf) or value < 0:
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. "
            f"Received: {name}={value}"
        )
    return float(value)


def _l1_term(x):
    return ops.sum(ops.abs(ops.reshape(x, (-1,))))


def _l2_term(x):
    flat = ops.reshape(x, (-1,))
    return ops.einsum("i,i->", flat, flat)


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        return ops.multiply(ops.cast(self.l1, x.dtype), _l1_term(x))

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        return ops.multiply(ops.cast(self.l2, x.dtype), _l2_term(x))

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        x = ops.convert_to_tensor(x)
        a = ops.multiply(ops.cast(self.l1, x.dtype), _l1_term(x))
        b = ops.multiply(ops.cast(self.l2, x.dtype), _l2_term(x))
        return ops.add(a, b)

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
