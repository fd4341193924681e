import keras
import tensorflow as tf


class L1(keras.regularizers.Regularizer):
    def __init__(self, l1=0.01):
        self.l1 = 0.01 if l1 is None else l1

    def __call__(self, x):
        return self.l1 * tf.norm(tf.reshape(x, [-1]), ord=1)

    def get_config(self):
        return dict(l1=self.l1)


class L2(keras.regularizers.Regularizer):
    def __init__(self, l2=0.01):
        self.l2 = 0.01 if l2 is None else l2

    def __call__(self, x):
        flat = tf.reshape(x, [-1])
        return self.l2 * tf.tensordot(flat, flat, axes=1)

    def get_config(self):
        return dict(l2=self.l2)


class L1L2(keras.regularizers.Regularizer):
    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = 0.0 if l1 is None else l1
        self.l2 = 0.0 if l2 is None else l2

    def __call__(self, x):
        return self.l1 * tf.reduce_sum(tf.abs(x)) + self.l2 * tf.reduce_sum(tf.square(x))

    def get_config(self):
        return dict(l1=self.l1, l2=self.l2)
