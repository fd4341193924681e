import keras
from keras import ops


class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = stddev
        self.seed = seed
        self._seeds = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if training:
            unit = keras.random.normal(ops.shape(inputs), dtype=inputs.dtype, seed=self._seeds)
            return inputs + unit * self.stddev
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
