"""Weight regularizers: L1, L2 and L1L2."""

import math

import keras
from keras import ops


def _validate_penalty(value, name, default):
    # None 이면 기본값 사용 (Keras 와 동일)
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
        # 모든 원소의 절댓값 합 (평균 아님)
        coef = ops.cast(self.l1, x.dtype)
        return coef * ops.sum(ops.abs(x))

    def get_config(self):
        return {"l1": float(self.l1)}


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    """L2 regularizer: the penalty is `l2 * sum(x ** 2)`."""

    def __init__(self, l2=0.01):
        self.l2 = _validate_penalty(l2, "l2", 0.01)

    def __call__(self, x):
        # 1/2 없음, 제곱합 그대로
        coef = ops.cast(self.l2, x.dtype)
        return coef * ops.sum(ops.square(x))

    def get_config(self):
        return {"l2": float(self.l2)}


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    """L1 and L2 regularizer together: `l1 * sum(|x|) + l2 * sum(x ** 2)`."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _validate_penalty(l1, "l1", 0.0)
        self.l2 = _validate_penalty(l2, "l2", 0.0)

    def __call__(self, x):
        l1 = ops.cast(self.l1, x.dtype)
        l2 = ops.cast(self.l2, x.dtype)
        # ord=1 노름 = 절댓값의 합
        return l1 * ops.norm(x, ord=1) + l2 * ops.sum(ops.square(x))

    def get_config(self):
        return {"l1": float(self.l1), "l2": float(self.l2)}
