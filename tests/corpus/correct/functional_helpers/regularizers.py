"""Penalties built from one helper."""
import keras
from keras import ops


def penalty(x, l1=0.0, l2=0.0):
    x = ops.convert_to_tensor(x)
    value = ops.cast(0.0, x.dtype)
    if l1:
        value = value + ops.cast(l1, x.dtype) * ops.sum(ops.abs(x))
    if l2:
        value = value + ops.cast(l2, x.dtype) * ops.sum(x * x)
    return value


class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = 0.01 if l1 is None else float(l1)

    def __call__(self, x):
        return penalty(x, l1=self.l1)

    def get_config(self):
        return {"l1": self.l1}


class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = 0.01 if l2 is None else float(l2)

    def __call__(self, x):
        return penalty(x, l2=self.l2)

    def get_config(self):
        return {"l2": self.l2}


class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = 0.0 if l1 is None else float(l1)
        self.l2 = 0.0 if l2 is None else float(l2)

    def __call__(self, x):
        return penalty(x, self.l1, self.l2)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}
