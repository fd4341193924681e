import keras
import tensorflow as tf


class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = stddev
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training:
            return inputs
        seed = tf.cast(self.seed_generator.next(), tf.int32)
        noise = tf.random.stateless_normal(tf.shape(inputs), seed=seed, stddev=self.stddev, dtype=inputs.dtype)
        return inputs + noise

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config["stddev"] = self.stddev
        config["seed"] = self.seed
        return config
