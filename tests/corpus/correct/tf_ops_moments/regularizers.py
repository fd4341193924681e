import keras
import tensorflow as tf


class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = 0.01 if l1 is None else l1

    def __call__(self, x):
        return tf.cast(self.l1, x.dtype) * tf.reduce_sum(tf.abs(x))

    def get_config(self):
        return {"l1": self.l1}


class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = 0.01 if l2 is None else l2

    def __call__(self, x):
        return tf.cast(self.l2, x.dtype) * tf.reduce_sum(x * x)

    def get_config(self):
        return {"l2": self.l2}


class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = 0.0 if l1 is None else l1
        self.l2 = 0.0 if l2 is None else l2

    def __call__(self, x):
        return L1(self.l1)(x) + L2(self.l2)(x)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}
