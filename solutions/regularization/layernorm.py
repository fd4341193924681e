"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    """Normalizes each sample over the feature axes, independently of the batch.

    For every sample (and every position on the axes that are not
    normalized), the layer computes the mean and the variance over the
    axes in `axis`, normalizes, then scales by `gamma` and shifts by `beta`:

        output = gamma * (x - mean) / sqrt(variance + epsilon) + beta

    The variance is the biased one (divide by N, not N - 1). Unlike batch
    normalization, no statistic is shared between samples, so the result for
    one sample does not depend on the rest of the batch, and the layer does
    the same thing in training and in inference (it keeps no running
    statistics).

    Weights (shape: the input's sizes on the normalized axes, e.g. `(d,)`
    for `axis=-1` and inputs `(batch, d)`; `(h, w)` for `axis=[1, 2]` and
    inputs `(batch, h, w, c)`):
        gamma: trainable scale, starts at 1 (only if `scale=True`).
        beta: trainable offset, starts at 0 (only if `center=True`).

    Args:
        axis: int, or list/tuple of ints: the axis or axes to normalize over.
            Default `-1` (the last axis). Negative values count from the end.
            `build` turns it into a sorted list of non-negative ints.
        epsilon: small positive float added to the variance before the
            square root, so we never divide by zero. Default `1e-3`.
        center: bool. If `True`, add the offset `beta`. Default `True`.
        scale: bool. If `True`, multiply by `gamma`. Default `True`.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Call arguments:
        inputs: a tensor of rank 2 or more, e.g. `(batch_size, features)`.
            The sizes on the normalized axes must be known.
        training: not used. You may pass it (Keras accepts `training=` for
            every layer), but the output is the same either way.

    Output shape:
        Same as the input shape.

    Example:

    >>> ln = LayerNormalization(axis=-1)
    >>> x = keras.random.normal((2, 8))
    >>> y = ln(x)  # each row of y: mean ~0, variance ~1
    """

    def __init__(
        self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs
    ):
        super().__init__(**kwargs)
        # TODO: validate the arguments, then store them as attributes with the
        # same names. Raise ValueError with a three-part message ("Invalid
        # value for argument epsilon: expected a positive float. Received:
        # epsilon=...") when:
        # - axis is not an int, nor a non-empty list/tuple of ints (bools are
        #   not ints here);
        # - epsilon is not a finite number > 0;
        # - center or scale is not a bool.
        # Keep an int axis as an int and store a list/tuple axis as a list.
        # Store epsilon as a float. Set self.gamma and self.beta to None.
        # BEGIN SOLUTION
        def is_int(value):
            return isinstance(value, int) and not isinstance(value, bool)

        if isinstance(axis, (list, tuple)):
            if not axis or not all(is_int(a) for a in axis):
                raise ValueError(
                    "Invalid value for argument axis: expected an int or a "
                    f"non-empty list of ints. Received: axis={axis!r}"
                )
            axis = list(axis)
        elif not is_int(axis):
            raise ValueError(
                "Invalid value for argument axis: expected an int or a "
                f"non-empty list of ints. Received: axis={axis!r}"
            )
        is_number = isinstance(epsilon, (int, float)) and not isinstance(
            epsilon, bool
        )
        if not is_number or not math.isfinite(epsilon) or epsilon <= 0:
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive "
                f"float. Received: epsilon={epsilon!r}"
            )
        for arg_name, arg_value in (("center", center), ("scale", scale)):
            if not isinstance(arg_value, bool):
                raise ValueError(
                    f"Invalid value for argument {arg_name}: expected a "
                    f"bool. Received: {arg_name}={arg_value!r}"
                )
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None
        # END SOLUTION

    def build(self, input_shape):
        """Normalizes `self.axis` and creates gamma and beta.

        Args:
            input_shape: tuple of ints (the batch size may be None).
        """
        # TODO: turn self.axis into a sorted list of non-negative ints (an int
        # becomes a one-element list; a negative axis a counts as
        # a + len(input_shape)). Raise ValueError (three-part message) if an
        # axis is out of range, appears twice, or has an unknown (None) size.
        # Then, with self.add_weight, create weights whose shape is the tuple
        # of input_shape[a] for a in the sorted axes, named EXACTLY "gamma"
        # (initializer "ones", trainable, only if self.scale) and "beta"
        # (initializer "zeros", trainable, only if self.center); store them in
        # self.gamma and self.beta.
        # BEGIN SOLUTION
        rank = len(input_shape)
        axes = [self.axis] if isinstance(self.axis, int) else self.axis
        for a in axes:
            if not -rank <= a < rank:
                raise ValueError(
                    f"Invalid value for argument axis: expected ints in "
                    f"[{-rank}, {rank - 1}] for inputs of shape "
                    f"{input_shape}. Received: axis={self.axis}"
                )
        axes = sorted(a % rank for a in axes)
        if len(set(axes)) != len(axes):
            raise ValueError(
                "Invalid value for argument axis: expected each axis at most "
                f"once. Received: axis={self.axis}"
            )
        shape = tuple(input_shape[a] for a in axes)
        if None in shape:
            raise ValueError(
                "Invalid input shape: expected known sizes on the normalized "
                f"axes {axes}. Received: input_shape={input_shape}"
            )
        self.axis = axes
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, initializer="ones", trainable=True, name="gamma"
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, initializer="zeros", trainable=True, name="beta"
            )
        # END SOLUTION

    def call(self, inputs):
        """Normalizes each sample; the same in training and inference."""
        # TODO: compute the mean and the biased variance (mean of squared
        # deviations: divide by N, not N - 1) of inputs over the axes in
        # self.axis, with keepdims so they broadcast, using keras.ops (not
        # keras.ops.moments, not a normalization op); gradients must flow
        # through both. Reshape gamma and beta to a shape of len(inputs.shape)
        # dims with their sizes on the normalized axes and 1 elsewhere. Return
        # gamma * (x - mean) / sqrt(variance + epsilon) + beta, leaving out
        # gamma if not self.scale and beta if not self.center.
        # BEGIN SOLUTION
        rank = len(inputs.shape)
        mean = keras.ops.mean(inputs, axis=self.axis, keepdims=True)
        variance = keras.ops.mean(
            keras.ops.square(inputs - mean), axis=self.axis, keepdims=True
        )
        broadcast_shape = [1] * rank
        for a in self.axis:
            broadcast_shape[a] = inputs.shape[a]

        def to_broadcast(weight):
            weight = keras.ops.cast(weight, inputs.dtype)
            return keras.ops.reshape(weight, broadcast_shape)

        inv = keras.ops.rsqrt(variance + self.epsilon)
        if self.scale:
            inv = inv * to_broadcast(self.gamma)
        outputs = (inputs - mean) * inv
        if self.center:
            outputs = outputs + to_broadcast(self.beta)
        return outputs
        # END SOLUTION

    def compute_output_shape(self, input_shape):
        """The output has the same shape as the input."""
        # TODO: return the output shape (normalization does not change it).
        # BEGIN SOLUTION
        return input_shape
        # END SOLUTION

    def get_config(self):
        """Returns the constructor arguments, so the layer can be saved."""
        # TODO: return the base layer config (super().get_config()) merged
        # with {"axis", "epsilon", "center", "scale"} and their values, base
        # first, as {**base_config, **config}.
        # BEGIN SOLUTION
        base_config = super().get_config()
        config = {
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
        return {**base_config, **config}
        # END SOLUTION
