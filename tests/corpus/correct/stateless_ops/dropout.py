import keras
import tensorflow as tf


class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        if self.rate == 1:
            return tf.zeros_like(inputs)
        shape = tf.shape(inputs)
        if self.noise_shape is not None:
            shape = [shape[i] if d is None else d for i, d in enumerate(self.noise_shape)]
        seed = tf.cast(self.seed_generator.next(), tf.int32)
        u = tf.random.stateless_uniform(shape, seed=seed, dtype=inputs.dtype)
        mask = tf.cast(u >= self.rate, inputs.dtype)
        return inputs * mask * (1.0 / (1.0 - self.rate))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed})
        return config
