"""GaussianNoise: add random normal noise to the inputs during training.

정규분포 난수를 Box-Muller 변환으로 직접 만든다:
    z = sqrt(-2 ln u1) * cos(2 pi u2),  u1 in (0, 1], u2 in [0, 1)
"""

import math

import keras
from keras import ops


def _standard_normal(shape, dtype, seed_generator):
    u1 = 1.0 - keras.random.uniform(shape, dtype=dtype, seed=seed_generator)  # (0, 1]
    u2 = keras.random.uniform(shape, dtype=dtype, seed=seed_generator)
    return ops.sqrt(-2.0 * ops.log(u1)) * ops.cos(2.0 * math.pi * u2)


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(stddev, bool) or not isinstance(stddev, (int, float)) \
                or math.isnan(stddev) or math.isinf(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative float. "
                f"Received: stddev={stddev}"
            )
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(f"Invalid value for argument seed: expected None or an int. Received: seed={seed}")
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        z = _standard_normal(ops.shape(inputs), inputs.dtype, self.seed_generator)
        return inputs + ops.convert_to_tensor(self.stddev, dtype=inputs.dtype) * z

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), **{"stddev": self.stddev, "seed": self.seed}}
