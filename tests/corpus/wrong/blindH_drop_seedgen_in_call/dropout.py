"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras
from keras import ops


def _bad(name, expected, value):
    return ValueError(
        f"Invalid value for argument {name}: expected {expected}. "
        f"Received: {name}={value}"
    )


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    """Sets each input element to 0 with probability `rate`, during training."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if (
            not isinstance(rate, (int, float))
            or isinstance(rate, bool)
            or not (0 <= rate <= 1)
        ):
            raise _bad("rate", "a float in [0, 1]", rate)
        if noise_shape is not None:
            if not isinstance(noise_shape, (list, tuple)):
                raise _bad("noise_shape", "None or a tuple of positive ints", noise_shape)
            for d in noise_shape:
                if d is None:
                    continue
                if not isinstance(d, int) or isinstance(d, bool) or d <= 0:
                    raise _bad("noise_shape", "None or a tuple of positive ints", noise_shape)
            noise_shape = tuple(noise_shape)
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise _bad("seed", "an int or None", seed)
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed

    def call(self, inputs, training=False):
        if not training or self.rate == 0.0:
            return inputs
        if self.rate == 1.0:
            # 1/(1-rate) 로 나누면 NaN -> 그냥 0 (기울기도 0)
            return inputs * ops.zeros_like(inputs)
        u = keras.random.uniform(
            self._get_noise_shape(inputs),
            dtype=inputs.dtype,
            seed=keras.random.SeedGenerator(self.seed),
        )
        keep = u >= self.rate
        return ops.where(keep, inputs / (1.0 - self.rate), ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {
            "rate": self.rate,
            "noise_shape": self.noise_shape,
            "seed": self.seed,
        }
        return {**base_config, **config}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return ops.shape(inputs)
        dyn = ops.shape(inputs)
        return tuple(
            dyn[i] if d is None else d for i, d in enumerate(self.noise_shape)
        )
