import keras


class Dropout(keras.layers.Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self.gen = keras.random.SeedGenerator(seed)

    def call(self, x, training=None):
        if training and self.rate > 0:
            if self.rate >= 1:
                return keras.ops.zeros_like(x)
            shape = keras.ops.shape(x)
            if self.noise_shape:
                shape = [d if n is None else n for d, n in zip(shape, self.noise_shape)]
            u = keras.random.uniform(shape, seed=self.gen, dtype=x.dtype)
            x = keras.ops.where(keras.ops.greater_equal(u, self.rate), x / (1 - self.rate), keras.ops.zeros_like(x))
        return x

    def compute_output_shape(self, s):
        return s

    def get_config(self):
        c = super().get_config()
        c.update({"rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed})
        return c
