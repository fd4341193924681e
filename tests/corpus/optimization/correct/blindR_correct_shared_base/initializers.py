"""Weight initialization: fans, Glorot (Xavier) uniform and He normal, as Keras 3 initializers."""

import functools
import math
import operator

import keras


def compute_fans(shape):
    """(fan_in, fan_out) of a weight of `shape`, as Keras computes them."""
    shape = list(shape)
    if len(shape) == 0:          # 스칼라
        fan_in = fan_out = 1
    elif len(shape) == 1:        # bias 같은 벡터
        fan_in = fan_out = shape[0]
    elif len(shape) == 2:        # Dense
        fan_in, fan_out = shape
    else:                        # Conv: (k1, ..., n_in, n_out)
        receptive_field = functools.reduce(operator.mul, shape[:-2], 1)
        fan_in = shape[-2] * receptive_field
        fan_out = shape[-1] * receptive_field
    return int(fan_in), int(fan_out)


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
        limit = (6 / (fan_in + fan_out)) ** 0.5
        return keras.random.uniform(shape, minval=-limit, maxval=limit, dtype=dtype, seed=self.seed)


@keras.saving.register_keras_serializable(package="optimization")
class HeNormal(_SeededInitializer):
    def __call__(self, shape, dtype=None):
        fan_in = compute_fans(shape)[0]
        target_std = (2 / fan_in) ** 0.5
        # truncated normal 의 표준편차는 0.8796 배로 줄어드므로 미리 나눠 둔다
        return keras.random.truncated_normal(shape, stddev=target_std / 0.87962566103423978, dtype=dtype,
                                             seed=self.seed)
