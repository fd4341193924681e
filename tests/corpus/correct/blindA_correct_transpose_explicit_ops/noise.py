"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if type(stddev) not in (int, float) or not math.isfinite(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative float. "
                f"Received: stddev={stddev}"
            )
        if seed is not None and type(seed) is not int:
            raise ValueError(
                f"Invalid value for argument seed: expected an int or None. Received: seed={seed}"
            )
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed=seed)

    def call(self, inputs, training=False):
        if training:
            return ops.add(
                inputs,
                keras.random.normal(
                    ops.shape(inputs),
                    stddev=self.stddev,
                    dtype=inputs.dtype,
                    seed=self.seed_generator,
                ),
            )
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
