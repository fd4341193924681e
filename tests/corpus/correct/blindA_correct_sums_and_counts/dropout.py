"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not (0 <= rate <= 1):
            raise ValueError(
                "Invalid value for argument rate: expected a float in [0, 1]. "
                f"Received: rate={rate!r}"
            )
        if noise_shape is not None:
            if not isinstance(noise_shape, (list, tuple)):
                raise ValueError(
                    "Invalid value for argument noise_shape: expected a tuple. "
                    f"Received: noise_shape={noise_shape!r}"
                )
            for d in noise_shape:
                if d is not None and (isinstance(d, bool) or not isinstance(d, int) or d <= 0):
                    raise ValueError(
                        "Invalid value for argument noise_shape: expected positive ints "
                        f"or None. Received: noise_shape={noise_shape!r}"
                    )
            noise_shape = tuple(noise_shape)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(
                f"Invalid value for argument seed: expected None or an int. Received: seed={seed!r}"
            )
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        if self.rate == 0:
            return inputs
        if self.rate == 1:
            return inputs * 0.0
        u = keras.random.uniform(
            self._get_noise_shape(inputs), dtype=inputs.dtype, seed=self.seed_generator
        )
        mask = keras.ops.cast(keras.ops.greater_equal(u, self.rate), inputs.dtype)
        return inputs * mask / (1.0 - self.rate)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        cfg = super().get_config()
        cfg.update({"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed})
        return cfg

    def _get_noise_shape(self, inputs):
        full = keras.ops.shape(inputs)
        if self.noise_shape is None:
            return full
        return tuple(full[i] if s is None else s for i, s in enumerate(self.noise_shape))
