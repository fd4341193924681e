"""Weight regularizers: L1, L2 and L1L2."""

import math

import keras
from keras import ops


def _validate_penalty(value, name, default):
    if value is None:
        value = default
    if type(value) is bool or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. "
            f"Received: {name}={value}"
        )
    return float(value)


def _penalty(x, l1=None, l2=None):
    """공통 함수: l1 * sum|x| + l2 * sum x^2 (None 인 항은 없는 항)."""
    x = ops.convert_to_tensor(x)
    terms = []
    if l1 is not None:
        terms.append(ops.cast(l1, x.dtype) * ops.sum(ops.abs(x)))
    if l2 is not None:
        terms.append(ops.cast(l2, x.dtype) * ops.sum(ops.square(x)))
    return terms[0] if len(terms) == 1 else terms[0] + terms[1]


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        return _penalty(x, l1=self.l1)

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        return _penalty(x, l2=self.l2)

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        return _penalty(x, l1=self.l1, l2=self.l2)

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
