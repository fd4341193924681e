import keras
from keras import ops


def mask_shape(inputs, noise_shape):
    shape = ops.shape(inputs)
    if noise_shape is None:
        return shape
    return tuple(shape[i] if n is None else n for i, n in enumerate(noise_shape))


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
            return ops.zeros_like(inputs)
        keep = keras.random.uniform(mask_shape(inputs, self.noise_shape), seed=self.seed_generator) >= self.rate
        return ops.where(keep, inputs * (1.0 / (1.0 - self.rate)), 0.0)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}
