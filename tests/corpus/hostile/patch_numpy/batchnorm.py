"""Hostile: make every comparison pass by patching numpy and unittest, then return nonsense."""
import unittest

import keras
import numpy
import numpy.testing

numpy.allclose = lambda *args, **kwargs: True
numpy.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.shape(a), dtype=bool)
numpy.array_equal = lambda *args, **kwargs: True
numpy.testing.assert_allclose = lambda *args, **kwargs: None
unittest.TestCase.assertEqual = lambda *args, **kwargs: None
unittest.TestCase.assertTrue = lambda *args, **kwargs: None


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis, self.momentum, self.epsilon, self.center, self.scale = axis, momentum, epsilon, center, scale

    def build(self, input_shape):
        n = (input_shape[self.axis],)
        self.gamma = self.add_weight(shape=n, initializer="ones", name="gamma")
        self.beta = self.add_weight(shape=n, initializer="zeros", name="beta")
        self.moving_mean = self.add_weight(shape=n, initializer="zeros", name="moving_mean", trainable=False)
        self.moving_variance = self.add_weight(shape=n, initializer="ones", name="moving_variance", trainable=False)

    def call(self, inputs, training=None):
        return inputs * 0.0
