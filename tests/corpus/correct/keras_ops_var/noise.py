from keras import layers, ops, random


class GaussianNoise(layers.Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.stddev, self.seed = stddev, seed
        self.seed_generator = random.SeedGenerator(seed)

    def call(self, x, training=False):
        if not training or self.stddev == 0:
            return x
        return ops.add(x, random.normal(ops.shape(x), stddev=self.stddev, dtype=x.dtype, seed=self.seed_generator))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base = super().get_config()
        return {**base, "stddev": self.stddev, "seed": self.seed}
