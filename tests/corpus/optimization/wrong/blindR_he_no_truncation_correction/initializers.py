"""Weight initialization: fans, Glorot (Xavier) uniform and He normal, as Keras 3 initializers."""

import math

import keras


def compute_fans(shape):
    """(fan_in, fan_out) of a weight of `shape`, as Keras computes them."""
    shape = tuple(shape)
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return int(shape[0]), int(shape[0])
    if len(shape) == 2:
        return int(shape[0]), int(shape[1])
    receptive_field = 1
    for k in shape[:-2]:
        receptive_field *= k
    return int(shape[-2] * receptive_field), int(shape[-1] * receptive_field)


class _SeededInitializer(keras.initializers.Initializer):
    """What both initializers share: the seed and the config."""

    def __init__(self, seed=None):
        self.seed = seed

    def get_config(self):
        return {"seed": self.seed}


@keras.saving.register_keras_serializable(package="optimization")
class GlorotUniform(_SeededInitializer):
    """Glorot (Xavier) uniform."""

    def __call__(self, shape, dtype=None):
        fan_in, fan_out = compute_fans(shape)
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        return keras.random.uniform(shape, -limit, limit, dtype=dtype, seed=self.seed)


@keras.saving.register_keras_serializable(package="optimization")
class HeNormal(_SeededInitializer):
    """He normal, truncated at 2 stddev, with the 0.8796 correction."""

    def __call__(self, shape, dtype=None):
        fan_in, _ = compute_fans(shape)
        stddev = math.sqrt(2.0 / fan_in)
        return keras.random.truncated_normal(shape, stddev=stddev, dtype=dtype, seed=self.seed)
