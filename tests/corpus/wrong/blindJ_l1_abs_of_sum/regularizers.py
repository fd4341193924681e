"""Weight regularizers: L1, L2 and L1L2."""

import math

import keras


def _validate_penalty(value, name, default):
    """계수 하나를 검사하고 Python float 로 돌려준다."""
    if value is None:
        value = default
    ok = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )
    if not ok:
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative "
            f"float. Received: {name}={value}"
        )
    return float(value)


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    """L1 regularizer: the penalty is `l1 * sum(|x|)`."""

    def __init__(self, l1=0.01):
        self.l1 = _validate_penalty(l1, "l1", 0.01)

    def __call__(self, x):
        coef = keras.ops.cast(self.l1, x.dtype)
        return coef * keras.ops.abs(keras.ops.sum(x))

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    """L2 regularizer: the penalty is `l2 * sum(x ** 2)`."""

    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        coef = keras.ops.cast(self.l2, x.dtype)
        return coef * keras.ops.sum(keras.ops.square(x))

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    """L1 and L2 regularizer together: `l1 * sum(|x|) + l2 * sum(x ** 2)`."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        l1 = keras.ops.cast(self.l1, x.dtype)
        l2 = keras.ops.cast(self.l2, x.dtype)
        penalty = l1 * keras.ops.sum(keras.ops.abs(x))
        penalty = penalty + l2 * keras.ops.sum(keras.ops.square(x))
        return penalty

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
