"""GaussianNoise: add random normal noise to the inputs during training."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class GaussianNoise(keras.layers.Layer):
    """Adds zero-mean Gaussian noise to every element, only during training.

    Noise on the inputs works like data augmentation: the model never sees
    exactly the same input twice, so it cannot memorize the training set.

    Formula, in training mode:

        output = x + noise,   noise ~ Normal(mean=0, std=stddev)

    Each element of `x` gets its own noise value, drawn independently of the
    value of `x`. A new noise tensor is drawn on every call. In inference mode
    the output is `x` itself. The gradient of the output with respect to `x`
    is 1 (the noise does not depend on `x`).

    Args:
        stddev: non-negative float, the standard deviation of the noise (not
            the variance).
        seed: optional int. With the same seed, two new layers draw the same
            sequence of noise tensors. `None` picks a random seed.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Call arguments:
        inputs: a tensor of any shape, e.g. `(batch_size, features)`.
        training: Python bool. `True`: add noise. `False` (the default, also
            when the argument is omitted): return the inputs unchanged.
            `model.fit` passes `training=True` for you.

    Output shape:
        Same as the input shape.

    Example:

    >>> noise = GaussianNoise(stddev=0.1, seed=0)
    >>> x = keras.ops.ones((2, 3))
    >>> y = noise(x, training=True)  # about 1.0, but each element differs
    >>> z = noise(x)                 # inference: exactly x
    """

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        # TODO: validate the arguments, then store them.
        # - stddev must be an int or float (not bool), finite and >= 0; else
        #   raise ValueError("Invalid value for argument stddev: expected a
        #   non-negative float. Received: stddev=...").
        # - seed must be None or an int (not bool); else raise ValueError with
        #   the same three-part message style.
        # Store self.stddev (as a float) and self.seed, and create ONE
        # keras.random.SeedGenerator from seed, stored in self.seed_generator
        # (an int seed passed straight to a random op would give the same
        # noise on every call).
        # BEGIN SOLUTION
        is_number = isinstance(stddev, (int, float)) and not isinstance(
            stddev, bool
        )
        if not is_number or not math.isfinite(stddev) or stddev < 0:
            raise ValueError(
                "Invalid value for argument stddev: expected a non-negative "
                f"float. Received: stddev={stddev!r}"
            )
        if seed is not None and (
            not isinstance(seed, int) or isinstance(seed, bool)
        ):
            raise ValueError(
                "Invalid value for argument seed: expected an int or None. "
                f"Received: seed={seed!r}"
            )
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)
        # END SOLUTION

    def call(self, inputs, training=False):
        """Adds noise in training mode; returns `inputs` otherwise."""
        # TODO: if training is true, return inputs plus a tensor of the same
        # shape and dtype drawn from a normal distribution with mean 0 and
        # standard deviation self.stddev, using seed=self.seed_generator.
        # Otherwise return inputs unchanged.
        # BEGIN SOLUTION
        if not training:
            return inputs
        noise = keras.random.normal(
            keras.ops.shape(inputs),
            mean=0.0,
            stddev=self.stddev,
            dtype=inputs.dtype,
            seed=self.seed_generator,
        )
        return inputs + noise
        # END SOLUTION

    def compute_output_shape(self, input_shape):
        """The output has the same shape as the input."""
        # TODO: return the output shape (noise does not change the shape).
        # BEGIN SOLUTION
        return input_shape
        # END SOLUTION

    def get_config(self):
        """Returns the constructor arguments, so the layer can be saved."""
        # TODO: return the base layer config (super().get_config()) merged
        # with {"stddev": ..., "seed": ...}, base first, as
        # {**base_config, **config}.
        # BEGIN SOLUTION
        base_config = super().get_config()
        config = {"stddev": self.stddev, "seed": self.seed}
        return {**base_config, **config}
        # END SOLUTION
