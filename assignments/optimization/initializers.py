"""Weight initialization: fans, Glorot (Xavier) uniform and He normal, as Keras 3 initializers."""

import math
import random

import keras


def compute_fans(shape):
    """(fan_in, fan_out) of a weight of `shape`, as Keras computes them.

        ()                 -> (1, 1)
        (n,)               -> (n, n)
        (n_in, n_out)      -> (n_in, n_out)                       a Dense kernel
        (k1, ..., n_in, n_out) -> (n_in * r, n_out * r)            a convolution kernel, with the
                                  receptive field r = k1 * ... (the product of every axis but the last two)

    Example: a Conv2D kernel of shape (3, 3, 16, 32) has r = 9, so (144, 288).

    Returns:
        A tuple of two ints.
    """
    # TODO: follow the cases of the docstring; return ints.
    raise NotImplementedError("compute_fans is not written yet: see the TODO above")


class _SeededInitializer(keras.initializers.Initializer):
    """What both initializers share: the seed and the config."""

    def __init__(self, seed=None):
        # TODO: keep the seed as given in self._init_seed (for the config), and in self.seed the int the
        # draws use: the given int, or for None one random int drawn here, once (e.g. with
        # random.randint(1, 10**9)), so that every call of this instance draws the same values.
        raise NotImplementedError("_SeededInitializer.__init__ is not written yet: see the TODO above")

    def get_config(self):
        return {"seed": self._init_seed}


@keras.saving.register_keras_serializable(package="optimization")
class GlorotUniform(_SeededInitializer):
    """Glorot (Xavier) uniform: keeps the variance of activations and of gradients about equal across
    layers with symmetric activations such as tanh.

        limit = sqrt(6 / (fan_in + fan_out))        (fans from compute_fans)
        values ~ U(-limit, limit)                   (variance limit ** 2 / 3 = 2 / (fan_in + fan_out))

    Draw with `keras.random.uniform(shape, -limit, limit, dtype=dtype, seed=self.seed)`. The same instance
    returns the same values on every call, as Keras's does: with an int seed, and with None too (one seed
    is drawn when the initializer is made); two instances made with the same int seed draw alike.

    Args:
        seed: an int or None.

    Example:

    >>> init = GlorotUniform(seed=1)
    >>> w = init((300, 200))        # values in [-0.1095, 0.1095]
    """

    def __call__(self, shape, dtype=None):
        # TODO: the draw of the class docstring.
        raise NotImplementedError("GlorotUniform.__call__ is not written yet: see the TODO above")


@keras.saving.register_keras_serializable(package="optimization")
class HeNormal(_SeededInitializer):
    """He normal: keeps the variance of activations about constant across ReLU layers.

        stddev = sqrt(2 / fan_in) / 0.87962566103423978
        values ~ a normal of mean 0 and that stddev, TRUNCATED at 2 stddev (draws beyond are redrawn)

    The truncation removes the tails, which shrinks the standard deviation by the factor
    0.87962566103423978; dividing by it first brings the spread of the values back to sqrt(2 / fan_in).
    Draw with `keras.random.truncated_normal(shape, stddev=stddev, dtype=dtype, seed=self.seed)`.

    Args:
        seed: an int or None.
    """

    def __call__(self, shape, dtype=None):
        # TODO: the draw of the class docstring.
        raise NotImplementedError("HeNormal.__call__ is not written yet: see the TODO above")
