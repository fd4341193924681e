"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras
import tensorflow as tf


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        valid = isinstance(stddev, (int, float)) and not isinstance(stddev, bool)
        if not valid or not math.isfinite(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative float. "
                f"Received: stddev={stddev}"
            )
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(
                "Invalid value for argument seed: expected an int or None. "
                f"Received: seed={seed}"
            )
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        eps = keras.random.normal(
            tf.shape(inputs), dtype=inputs.dtype, seed=self.seed_generator
        )
        # 표준정규 * stddev  ==  N(0, stddev^2)
        return tf.add(inputs, eps * tf.constant(self.stddev, dtype=inputs.dtype))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        base_config = super().get_config()
        return {**base_config, "stddev": self.stddev, "seed": self.seed}
