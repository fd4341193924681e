import keras


class GaussianNoise(keras.layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev = stddev
        self.seed = seed
        self.gen = keras.random.SeedGenerator(seed)

    def call(self, x, training=None):
        if training:
            x = x + keras.random.normal(keras.ops.shape(x), mean=0.0, stddev=self.stddev, seed=self.gen, dtype=x.dtype)
        return x

    def compute_output_shape(self, s):
        return s

    def get_config(self):
        c = super().get_config()
        c.update({"stddev": self.stddev, "seed": self.seed})
        return c
