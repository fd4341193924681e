"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras
from keras import ops


def _invalid(name, expected, value):
    return ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value!r}")


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
            raise _invalid("rate", "a float in [0, 1]", rate)
        if noise_shape is not None:
            if not isinstance(noise_shape, (list, tuple)):
                raise _invalid("noise_shape", "None or a tuple", noise_shape)
            for dim in noise_shape:
                if dim is None:
                    continue
                if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
                    raise _invalid("noise_shape", "entries that are None or positive ints", noise_shape)
            noise_shape = tuple(noise_shape)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise _invalid("seed", "None or an int", seed)
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0.0:
            return inputs
        if self.rate == 1.0:
            # 전부 버림. 0 으로 곱하면 기울기도 0
            return ops.multiply(inputs, ops.zeros_like(inputs))
        shape = self._get_noise_shape(inputs)
        u = keras.random.uniform(shape, dtype=inputs.dtype, seed=self.seed_generator)
        kept = ops.greater_equal(u, ops.convert_to_tensor(self.rate, dtype=inputs.dtype))
        scaled = ops.divide(inputs, ops.convert_to_tensor(1.0 - self.rate, dtype=inputs.dtype))
        return ops.where(kept, scaled, ops.cast(0.0, inputs.dtype))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}
        return {**base_config, **config}

    def _get_noise_shape(self, inputs):
        if self.noise_shape is None:
            return ops.shape(inputs)
        dynamic = ops.shape(inputs)
        result = []
        for i in range(len(self.noise_shape)):
            result.append(dynamic[i] if self.noise_shape[i] is None else self.noise_shape[i])
        return tuple(result)
