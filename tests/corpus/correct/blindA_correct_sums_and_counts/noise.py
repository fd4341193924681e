"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(stddev, bool) or not isinstance(stddev, (int, float)) \
                or not math.isfinite(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative float. "
                f"Received: stddev={stddev!r}"
            )
        if not (seed is None or (isinstance(seed, int) and not isinstance(seed, bool))):
            raise ValueError(
                f"Invalid value for argument seed: expected None or an int. Received: seed={seed!r}"
            )
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        z = keras.random.normal(
            keras.ops.shape(inputs), dtype=inputs.dtype, seed=self.seed_generator
        )
        return inputs + self.stddev * z

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        cfg = super().get_config()
        cfg.update({"stddev": self.stddev, "seed": self.seed})
        return cfg
