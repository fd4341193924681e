"""Weight initialization: fans, Glorot (Xavier) uniform and He normal, as Keras 3 initializers."""

import math

import keras


def compute_fans(shape):
    """(fan_in, fan_out) of a weight of `shape`, as Keras computes them."""
    shape = tuple(int(s) for s in shape)
    ndim = len(shape)
    if ndim < 2:
        n = shape[0] if ndim == 1 else 1
        return n, n
    receptive = math.prod(shape[:-2])          # 2-D 이면 빈 곱 = 1
    return shape[-2] * receptive, shape[-1] * receptive


class _SeededInitializer(keras.initializers.Initializer):
    """What both initializers share: the seed and the config."""

    def __init__(self, seed=None):
        self.seed = seed

    def get_config(self):
        return {"seed": self.seed}


@keras.saving.register_keras_serializable(package="optimization")
class GlorotUniform(_SeededInitializer):
    def __call__(self, shape, dtype=None):
        fan_in, fan_out = compute_fans(shape)
        fan_avg = (fan_in + fan_out) / 2.0
        limit = math.sqrt(3.0 / fan_avg)          # = sqrt(6 / (fan_in + fan_out))
        return keras.random.uniform(shape, -limit, limit, dtype=dtype, seed=self.seed)


@keras.saving.register_keras_serializable(package="optimization")
class HeNormal(_SeededInitializer):
    def __call__(self, shape, dtype=None):
        fan_in, _ = compute_fans(shape)
        stddev = math.sqrt(2.0 / fan_in) / 0.87962566103423978
        return keras.random.truncated_normal(shape, stddev=stddev, dtype=dtype, seed=self.seed)
