"""Weight regularizers: L1, L2 and L1L2."""

import math

import keras


def _validate_penalty(value, name, default):
    """값 검사 후 float 로 돌려준다."""
    if value is None:
        return float(default)
    try:
        ok = (not isinstance(value, bool)) and isinstance(value, (int, float)) \
            and math.isfinite(value) and value >= 0
    except TypeError:
        ok = False
    if not ok:
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. "
            f"Received: {name}={value!r}"
        )
    return float(value)


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        x = keras.ops.convert_to_tensor(x)
        total = keras.ops.sum(keras.ops.abs(x))
        return keras.ops.cast(self.l1, x.dtype) * total

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        x = keras.ops.convert_to_tensor(x)
        total = keras.ops.sum(x * x)
        return keras.ops.cast(self.l2, x.dtype) * total

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        # 두 항을 각각 계산해서 더한다
        x = keras.ops.convert_to_tensor(x)
        part1 = keras.ops.cast(self.l1, x.dtype) * keras.ops.sum(keras.ops.abs(x))
        part2 = keras.ops.cast(self.l2, x.dtype) * keras.ops.sum(x * x)
        return part1 + part2

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
