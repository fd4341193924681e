"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if type(rate) not in (int, float) or not (0.0 <= rate <= 1.0):
            raise ValueError(
                "Invalid value for argument rate: expected a float in [0, 1]. "
                f"Received: rate={rate}"
            )
        if noise_shape is not None:
            if not isinstance(noise_shape, (list, tuple)) or any(
                d is not None and (type(d) is not int or d < 1) for d in noise_shape
            ):
                raise ValueError(
                    "Invalid value for argument noise_shape: expected None or a tuple "
                    f"of positive ints or None. Received: noise_shape={noise_shape}"
                )
            noise_shape = tuple(noise_shape)
        if seed is not None and type(seed) is not int:
            raise ValueError(
                f"Invalid value for argument seed: expected an int or None. Received: seed={seed}"
            )
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed=seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0.0:
            return inputs
        if self.rate == 1.0:
            return ops.multiply(inputs, ops.zeros((), dtype=inputs.dtype))
        u = keras.random.uniform(
            self._get_noise_shape(inputs),
            minval=0.0,
            maxval=1.0,
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        keep_scale = ops.where(
            ops.greater_equal(u, self.rate),
            ops.convert_to_tensor(1.0 / (1.0 - self.rate), dtype=inputs.dtype),
            ops.cast(0.0, inputs.dtype),
        )
        return ops.multiply(inputs, keep_scale)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}
        return {**super().get_config(), **config}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return ops.shape(inputs)
        shape = ops.shape(inputs)
        out = []
        for i, d in enumerate(self.noise_shape):
            out.append(shape[i] if d is None else d)
        return tuple(out)
