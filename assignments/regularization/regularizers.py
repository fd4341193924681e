"""Weight regularizers: L1, L2 and L1L2.

A regularizer is a function of a weight tensor that returns one number, a
penalty. Keras adds the penalty of every trainable weight to the loss, so the
optimizer makes the weights small while it fits the data.

These classes follow the API of `keras.regularizers.L1`, `L2` and `L1L2`: same
argument names, same defaults, same formulas.
"""

import math

import keras


def _validate_penalty(value, name, default):
    """Checks one penalty coefficient and returns it as a Python float.

    Args:
        value: the value the user passed, e.g. `0.01`. `None` means "use the
            default", as in Keras.
        name: the argument name, `"l1"` or `"l2"`, used in the error message.
        default: the value to use when `value` is None.

    Returns:
        `float(value)`, or `float(default)` if `value` is None.

    Raises:
        ValueError: if `value` is not a number (`bool` is not accepted), is
            NaN or infinite, or is negative. The message has three parts:
            what was invalid, what was expected, what was received, e.g.
            `Invalid value for argument l1: expected a non-negative float.
            Received: l1=-1`.
    """
    # TODO: if value is None, use default instead. Then raise ValueError
    # (message as in the docstring above) unless value is an int or a float
    # (but not a bool), is finite (not NaN, not inf) and is >= 0. Otherwise
    # return it converted to a Python float.
    raise NotImplementedError("_validate_penalty is not written yet: see the TODO above")


@keras.saving.register_keras_serializable(package="regularization")
class L1(keras.regularizers.Regularizer):
    """L1 regularizer: the penalty is `l1 * sum(|x|)`.

    The L1 penalty pushes many weights to exactly zero (a "sparse" model).

    Formula, for a weight tensor `x` of any shape:

        penalty = l1 * sum over all elements of |x|

    Args:
        l1: non-negative float, the strength of the penalty. Default `0.01`
            (`None` also means `0.01`, as in Keras).

    Call arguments:
        x: a weight tensor of any shape, e.g. a Dense kernel of shape
            `(input_dim, units)`.

    Returns:
        A 0-d tensor (a scalar) with the same dtype as `x`.

    Example:

    >>> reg = L1(l1=0.1)
    >>> float(reg(keras.ops.convert_to_tensor([[1.0, -2.0], [0.0, 3.0]])))
    0.6...
    >>> layer = keras.layers.Dense(4, kernel_regularizer=L1(0.001))
    """

    def __init__(self, l1=0.01):
        # TODO: validate l1 with _validate_penalty (name "l1", default 0.01)
        # and store the returned float in self.l1.
        raise NotImplementedError("L1.__init__ is not written yet: see the TODO above")

    def __call__(self, x):
        """Returns the penalty `l1 * sum(|x|)` as a 0-d tensor of x's dtype."""
        # TODO: return l1 times the sum of the absolute values of ALL elements
        # of x (a sum, not a mean), as a 0-d tensor with the dtype of x.
        # Use keras.ops only (no numpy, no Python float result), cast self.l1
        # to x's dtype, and do not compute |x| as sqrt(x**2): its gradient is
        # NaN at x = 0.
        raise NotImplementedError("L1.__call__ is not written yet: see the TODO above")

    def get_config(self):
        """Returns `{"l1": float}`, enough to rebuild the regularizer."""
        # TODO: return a dict with one key, "l1", whose value is self.l1 as a
        # Python float.
        raise NotImplementedError("L1.get_config is not written yet: see the TODO above")


@keras.saving.register_keras_serializable(package="regularization")
class L2(keras.regularizers.Regularizer):
    """L2 regularizer: the penalty is `l2 * sum(x ** 2)`.

    The L2 penalty ("weight decay") makes all weights small but rarely exactly
    zero. Note: Keras uses no factor 1/2 and no mean here.

    Formula, for a weight tensor `x` of any shape:

        penalty = l2 * sum over all elements of x^2

    Args:
        l2: non-negative float, the strength of the penalty. Default `0.01`
            (`None` also means `0.01`, as in Keras).

    Call arguments:
        x: a weight tensor of any shape.

    Returns:
        A 0-d tensor (a scalar) with the same dtype as `x`.

    Example:

    >>> reg = L2(l2=0.1)
    >>> float(reg(keras.ops.convert_to_tensor([[1.0, -2.0], [0.0, 3.0]])))
    1.4...
    >>> layer = keras.layers.Dense(4, kernel_regularizer=L2(0.001))
    """

    def __init__(self, l2=0.01):
        # TODO: validate l2 with _validate_penalty (name "l2", default 0.01)
        # and store the returned float in self.l2.
        raise NotImplementedError("L2.__init__ is not written yet: see the TODO above")

    def __call__(self, x):
        """Returns the penalty `l2 * sum(x ** 2)` as a 0-d tensor of x's dtype."""
        # TODO: return l2 times the sum of the squares of ALL elements of x
        # (no factor 1/2, no mean, not the norm itself), as a 0-d tensor with
        # the dtype of x. Use keras.ops only and cast self.l2 to x's dtype.
        raise NotImplementedError("L2.__call__ is not written yet: see the TODO above")

    def get_config(self):
        """Returns `{"l2": float}`, enough to rebuild the regularizer."""
        # TODO: return a dict with one key, "l2", whose value is self.l2 as a
        # Python float.
        raise NotImplementedError("L2.get_config is not written yet: see the TODO above")


@keras.saving.register_keras_serializable(package="regularization")
class L1L2(keras.regularizers.Regularizer):
    """L1 and L2 regularizer together: `l1 * sum(|x|) + l2 * sum(x ** 2)`.

    Formula, for a weight tensor `x` of any shape:

        penalty = l1 * sum(|x|) + l2 * sum(x^2)

    Args:
        l1: non-negative float, strength of the L1 part. Default `0.0`.
        l2: non-negative float, strength of the L2 part. Default `0.0`.
        (`None` means the default, as in Keras.)

    Call arguments:
        x: a weight tensor of any shape.

    Returns:
        A 0-d tensor (a scalar) with the same dtype as `x`.

    Example:

    >>> reg = L1L2(l1=0.1, l2=0.1)
    >>> float(reg(keras.ops.convert_to_tensor([[1.0, -2.0], [0.0, 3.0]])))
    2.0...
    """

    def __init__(self, l1=0.0, l2=0.0):
        # TODO: validate l1 and l2 with _validate_penalty (names "l1" and
        # "l2", default 0.0 for both) and store the returned floats in
        # self.l1 and self.l2.
        raise NotImplementedError("L1L2.__init__ is not written yet: see the TODO above")

    def __call__(self, x):
        """Returns `l1 * sum(|x|) + l2 * sum(x ** 2)` as a 0-d tensor."""
        # TODO: return l1 * (sum of |x| over all elements) + l2 * (sum of x^2
        # over all elements) as a 0-d tensor with the dtype of x. Keep BOTH
        # terms. Use keras.ops only and cast the coefficients to x's dtype.
        raise NotImplementedError("L1L2.__call__ is not written yet: see the TODO above")

    def get_config(self):
        """Returns `{"l1": float, "l2": float}`."""
        # TODO: return a dict with the keys "l1" and "l2", whose values are
        # self.l1 and self.l2 as Python floats.
        raise NotImplementedError("L1L2.get_config is not written yet: see the TODO above")
