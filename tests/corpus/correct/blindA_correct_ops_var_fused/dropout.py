"""Dropout: set random elements to zero during training ("inverted dropout").

마스크는 베르누이(= 시행 1번짜리 이항분포)로 뽑는다: keep ~ Bernoulli(1 - rate).
"""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if type(rate) is bool or not isinstance(rate, (int, float)) or math.isnan(rate) or rate < 0 or rate > 1:
            raise ValueError(
                "Invalid value for argument rate: expected a float in [0, 1]. "
                f"Received: rate={rate}"
            )
        if noise_shape is not None:
            bad = not isinstance(noise_shape, (list, tuple)) or any(
                not (d is None or (type(d) is int and d > 0)) for d in noise_shape
            )
            if bad:
                raise ValueError(
                    "Invalid value for argument noise_shape: expected a tuple of "
                    f"positive ints or None. Received: noise_shape={noise_shape}"
                )
            noise_shape = tuple(noise_shape)
        if seed is not None and (type(seed) is bool or not isinstance(seed, int)):
            raise ValueError(f"Invalid value for argument seed: expected an int. Received: seed={seed}")
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        if self.rate >= 1:
            return ops.multiply(inputs, ops.cast(0.0, inputs.dtype))
        keep = keras.random.binomial(
            self._get_noise_shape(inputs),
            counts=1.0,
            probabilities=1.0 - self.rate,
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        return inputs * (keep / ops.convert_to_tensor(1.0 - self.rate, dtype=inputs.dtype))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}
        return {**base_config, **config}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return ops.shape(inputs)
        in_shape = ops.shape(inputs)
        return tuple(
            in_shape[i] if self.noise_shape[i] is None else self.noise_shape[i]
            for i in range(len(self.noise_shape))
        )
