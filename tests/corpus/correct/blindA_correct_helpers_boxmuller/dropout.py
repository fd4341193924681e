"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras
from keras import ops


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _check(cond, name, expected, value):
    if not cond:
        raise ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value}")


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        _check(
            isinstance(rate, (int, float)) and not isinstance(rate, bool) and 0 <= rate <= 1,
            "rate", "a float in [0, 1]", rate,
        )
        if noise_shape is not None:
            _check(
                isinstance(noise_shape, (list, tuple))
                and all(d is None or (_is_int(d) and d > 0) for d in noise_shape),
                "noise_shape", "None or a tuple of positive ints / None", noise_shape,
            )
            noise_shape = tuple(noise_shape)
        _check(seed is None or _is_int(seed), "seed", "None or an int", seed)
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        if self.rate == 1:
            return ops.zeros_like(inputs) * inputs
        keep_prob = 1.0 - self.rate
        u = keras.random.uniform(self._get_noise_shape(inputs), dtype=inputs.dtype, seed=self.seed_generator)
        # u >= rate 이면 유지 -> 유지 확률 1 - rate
        mask = ops.cast(u >= self.rate, inputs.dtype) * (1.0 / keep_prob)
        return inputs * mask

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return ops.shape(inputs)
        sizes = ops.shape(inputs)
        return tuple(sizes[i] if d is None else d for i, d in enumerate(self.noise_shape))
