"""Weight initialization: fans, Glorot (Xavier) uniform and He normal, as Keras 3 initializers."""

import math

import keras
import numpy as np


def compute_fans(shape):
    """(fan_in, fan_out) of a weight of `shape`, as Keras computes them."""
    dims = [int(d) for d in shape]
    if not dims:
        return (1, 1)
    if len(dims) == 1:
        return (dims[0], dims[0])
    rf = int(np.prod(dims[:-2])) if len(dims) > 2 else 1   # np.prod([]) == 1.0 anyway
    return (int(dims[-2] * rf), int(dims[-1] * rf))


class _SeededInitializer(keras.initializers.Initializer):
    """What both initializers share: the seed and the config."""

    def __init__(self, seed=None):
        self.seed = seed

    def get_config(self):
        return {"seed": self.seed}


@keras.saving.register_keras_serializable(package="optimization")
class GlorotUniform(_SeededInitializer):
    def __call__(self, shape, dtype=None):
        fi, fo = compute_fans(shape)
        variance = 2.0 / (fi + fo)
        limit = math.sqrt(3.0 * variance)        # U(-a, a) has variance a^2 / 3
        return keras.random.uniform(shape, minval=-limit, maxval=limit, dtype=dtype, seed=self.seed)


@keras.saving.register_keras_serializable(package="optimization")
class HeNormal(_SeededInitializer):
    TRUNC_STD = 0.87962566103423978   # std of N(0,1) truncated at +-2

    def __call__(self, shape, dtype=None):
        fi = compute_fans(shape)[0]
        stddev = math.sqrt(2.0 / fi) / self.TRUNC_STD
        return keras.random.truncated_normal(shape, mean=0.0, stddev=stddev, dtype=dtype, seed=self.seed)
