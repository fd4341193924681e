"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras
import tensorflow as tf


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value for argument rate: expected a float in [0, 1]. "
                f"Received: rate={rate}"
            )
        if noise_shape is not None:
            good = isinstance(noise_shape, (list, tuple))
            if good:
                for d in noise_shape:
                    if d is None:
                        continue
                    if isinstance(d, bool) or not isinstance(d, int) or d <= 0:
                        good = False
            if not good:
                raise ValueError(
                    "Invalid value for argument noise_shape: expected None or a "
                    f"tuple of positive ints/None. Received: noise_shape={noise_shape}"
                )
            noise_shape = tuple(noise_shape)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(
                "Invalid value for argument seed: expected an int or None. "
                f"Received: seed={seed}"
            )
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0.0:
            return inputs
        if self.rate == 1.0:
            # 0 * x : 기울기도 0 (NaN 아님)
            return tf.zeros_like(inputs) * inputs
        u = keras.random.uniform(
            self._get_noise_shape(inputs), dtype=inputs.dtype, seed=self.seed_generator
        )
        keep = tf.cast(u >= self.rate, inputs.dtype)
        return inputs * keep * tf.constant(1.0 / (1.0 - self.rate), dtype=inputs.dtype)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        base_config = super().get_config()
        return {
            **base_config,
            "rate": self.rate,
            "noise_shape": self.noise_shape,
            "seed": self.seed,
        }

    def _get_noise_shape(self, inputs):
        dyn = tf.shape(inputs)
        if self.noise_shape is None:
            return dyn
        return tf.stack(
            [dyn[i] if d is None else tf.constant(d, tf.int32)
             for i, d in enumerate(self.noise_shape)]
        )
