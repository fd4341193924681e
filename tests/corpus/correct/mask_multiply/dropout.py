import keras
import tensorflow as tf


class Dropout(keras.layers.Layer):
    """Inverted dropout with a float mask."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self._gen = keras.random.SeedGenerator(seed)

    def _shape(self, inputs):
        dynamic = tf.shape(inputs)
        if self.noise_shape is None:
            return dynamic
        return tf.stack([dynamic[i] if d is None else d for i, d in enumerate(self.noise_shape)])

    def call(self, inputs, training=False):
        if training and self.rate > 0:
            keep_prob = 1.0 - self.rate
            if keep_prob == 0.0:
                return inputs * 0.0
            mask = tf.cast(keras.random.uniform(self._shape(inputs), seed=self._gen) >= self.rate, inputs.dtype)
            return inputs * (mask * (1.0 / keep_prob))
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        cfg = super().get_config()
        cfg.update({"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed})
        return cfg
