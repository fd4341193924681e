"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if (
            isinstance(rate, bool)
            or not isinstance(rate, (int, float))
            or not (0 <= rate <= 1)
        ):
            raise ValueError(
                "Invalid value for argument rate: expected a float in [0, 1]. "
                f"Received: rate={rate}"
            )
        if noise_shape is not None:
            if not isinstance(noise_shape, (list, tuple)):
                raise ValueError(
                    "Invalid value for argument noise_shape: expected None or a "
                    f"tuple of positive ints. Received: noise_shape={noise_shape}"
                )
            for d in noise_shape:
                if d is not None and (
                    isinstance(d, bool) or not isinstance(d, int) or d <= 0
                ):
                    raise ValueError(
                        "Invalid value for argument noise_shape: expected None "
                        "or a tuple of positive ints. "
                        f"Received: noise_shape={noise_shape}"
                    )
            noise_shape = tuple(noise_shape)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(
                "Invalid value for argument seed: expected None or an int. "
                f"Received: seed={seed}"
            )
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            # 추론 때는 기대값을 맞추려고 (1 - rate) 를 곱한다
            return inputs * (1.0 - self.rate)
        if self.rate == 0:
            return inputs
        if self.rate == 1:
            # 0 을 곱하면 gradient 도 0 (NaN 없음)
            return inputs * keras.ops.zeros_like(inputs)
        u = keras.random.uniform(
            self._get_noise_shape(inputs),
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        keep = u >= self.rate
        scale = keras.ops.cast(1.0 / (1.0 - self.rate), inputs.dtype)
        return keras.ops.where(keep, inputs * scale, keras.ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {
            "rate": self.rate,
            "noise_shape": self.noise_shape,
            "seed": self.seed,
        }
        return {**base_config, **config}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return keras.ops.shape(inputs)
        shape = keras.ops.shape(inputs)
        return tuple(
            shape[i] if d is None else d for i, d in enumerate(self.noise_shape)
        )
