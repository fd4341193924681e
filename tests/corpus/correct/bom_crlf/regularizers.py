from keras import ops
from keras.regularizers import Regularizer


class L1(Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = 0.01 if l1 is None else float(l1)

    def __call__(self, x):
        return self.l1 * ops.sum(ops.abs(x))

    def get_config(self):
        return {"l1": self.l1}


class L2(Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = 0.01 if l2 is None else float(l2)

    def __call__(self, x):
        return self.l2 * ops.sum(ops.square(x))

    def get_config(self):
        return {"l2": self.l2}


class L1L2(Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = 0.0 if l1 is None else float(l1)
        self.l2 = 0.0 if l2 is None else float(l2)

    def __call__(self, x):
        total = ops.zeros((), dtype=x.dtype)
        if self.l1:
            total = total + self.l1 * ops.sum(ops.abs(x))
        if self.l2:
            total = total + self.l2 * ops.sum(ops.square(x))
        return total

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}
