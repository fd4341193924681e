import keras
import tensorflow as tf


class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = stddev
        self.seed = seed
        self.rng = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if training:
            return inputs + self.stddev * keras.random.normal(tf.shape(inputs), dtype=inputs.dtype, seed=self.rng)
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
