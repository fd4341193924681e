"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if type(stddev) is bool or not isinstance(stddev, (int, float)) or not math.isfinite(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative float. "
                f"Received: stddev={stddev}"
            )
        if seed is not None and (type(seed) is bool or not isinstance(seed, int)):
            raise ValueError(f"Invalid value for argument seed: expected an int. Received: seed={seed}")
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if training:
            noise = keras.random.normal(
                ops.shape(inputs), mean=0.0, stddev=self.stddev,
                dtype=inputs.dtype, seed=self.seed_generator,
            )
            return ops.add(inputs, noise)
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"stddev": self.stddev, "seed": self.seed}
        return {**base_config, **config}
