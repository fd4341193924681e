"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    """학습 중에만 N(0, stddev^2) 노이즈를 더한다."""

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if (
            isinstance(stddev, bool)
            or not isinstance(stddev, (int, float))
            or not math.isfinite(stddev)
            or stddev < 0
        ):
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative "
                f"float. Received: stddev={stddev}"
            )
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(
                "Invalid value for argument seed: expected None or an int. "
                f"Received: seed={seed}"
            )
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        noise = keras.random.normal(
            keras.ops.shape(inputs),
            mean=0.0,
            stddev=math.sqrt(self.stddev),  # 분산 -> 표준편차
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        return inputs + noise

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"stddev": self.stddev, "seed": self.seed}
        return {**base_config, **config}
