"""Weight regularizers: L1, L2 and L1L2.

L1L2 가 L1 과 L2 객체를 내부에서 재사용하는 구조.
"""

import math

import keras


def _validate_penalty(value, name, default):
    if value is None:
        value = default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        bad = True
    else:
        bad = math.isnan(value) or math.isinf(value) or value < 0
    if bad:
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. "
            f"Received: {name}={value}"
        )
    return float(value)


def _as_tensor(x):
    return keras.ops.convert_to_tensor(x)


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        x = _as_tensor(x)
        return keras.ops.cast(self.l1, x.dtype) * keras.ops.sum(keras.ops.abs(x))

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        x = _as_tensor(x)
        return keras.ops.cast(self.l2, x.dtype) * keras.ops.sum(keras.ops.square(x))

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        return L1(self.l1)(x) + L2(self.l2)(x)

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
