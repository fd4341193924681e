"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class BatchNormalization(keras.layers.Layer):
    """Normalizes each feature (channel) to mean 0 and variance 1.

    For every feature `c` on `axis`, the layer computes a mean and a variance
    over all the OTHER axes (the batch, and e.g. height and width of an
    image), normalizes, then scales by `gamma` and shifts by `beta`:

        output = gamma * (x - mean) / sqrt(variance + epsilon) + beta

    Training mode (`training=True` and the layer is trainable):
        `mean` and `variance` are the statistics of the current batch. The
        variance is the biased one (divide by N, not N - 1). Gradients flow
        through `mean` and `variance`. The layer then updates its running
        statistics:

            moving_mean     = moving_mean * momentum + mean * (1 - momentum)
            moving_variance = moving_variance * momentum
                              + variance * (1 - momentum)

    Inference mode (`training=False` or `None`, or the layer is frozen):
        `mean` and `variance` are `moving_mean` and `moving_variance`, and
        nothing is updated.

    Weights, each of shape `(input_shape[axis],)`:
        gamma: trainable scale, starts at 1 (only if `scale=True`).
        beta: trainable offset, starts at 0 (only if `center=True`).
        moving_mean: not trainable, starts at 0.
        moving_variance: not trainable, starts at 1.

    Args:
        axis: int, the feature axis (the axis that is NOT averaged over).
            `-1` (the default) for channels-last data such as
            `(batch, features)` or `(batch, height, width, channels)`; `1`
            for channels-first images `(batch, channels, height, width)`.
        momentum: float in [0, 1], how much of the old running statistics to
            keep at each training step. Default `0.99`.
        epsilon: small positive float added to the variance before the
            square root, so we never divide by zero. Default `1e-3`.
        center: bool. If `True`, add the offset `beta`. Default `True`.
        scale: bool. If `True`, multiply by `gamma`. Default `True`.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Call arguments:
        inputs: a tensor of rank 2 or more, e.g. `(batch_size, features)`.
        training: Python bool or `None`. `True`: use batch statistics and
            update the running statistics. `False` or `None` (the default):
            use the running statistics. `model.fit` passes `training=True`
            for you.

    Output shape:
        Same as the input shape.

    Example:

    >>> bn = BatchNormalization(momentum=0.9)
    >>> x = keras.random.normal((32, 4))
    >>> y = bn(x, training=True)  # each column: mean ~0, variance ~1
    >>> z = bn(x)                 # inference: uses moving_mean/moving_variance
    """

    def __init__(
        self,
        axis=-1,
        momentum=0.99,
        epsilon=1e-3,
        center=True,
        scale=True,
        **kwargs,
    ):
        super().__init__(**kwargs)
        # TODO: validate the arguments, then store them as attributes with the
        # same names (self.axis, self.momentum, ...). Raise ValueError with a
        # three-part message ("Invalid value for argument momentum: expected
        # a float in [0, 1]. Received: momentum=...") when:
        # - axis is not an int (a bool is not an int here);
        # - momentum is not a number in [0, 1];
        # - epsilon is not a finite number > 0;
        # - center or scale is not a bool.
        # Store momentum and epsilon as floats. Also set self.gamma,
        # self.beta, self.moving_mean and self.moving_variance to None
        # (build creates them).
        # BEGIN SOLUTION
        if not isinstance(axis, int) or isinstance(axis, bool):
            raise ValueError(
                "Invalid value for argument axis: expected an int. "
                f"Received: axis={axis!r}"
            )
        if not _is_number(momentum) or not 0 <= momentum <= 1:
            raise ValueError(
                "Invalid value for argument momentum: expected a float in "
                f"[0, 1]. Received: momentum={momentum!r}"
            )
        epsilon_ok = _is_number(epsilon) and math.isfinite(epsilon)
        if not epsilon_ok or epsilon <= 0:
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
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None
        # END SOLUTION

    def build(self, input_shape):
        """Creates gamma, beta, moving_mean and moving_variance.

        Args:
            input_shape: tuple of ints (the batch size may be None).
        """
        # TODO: raise ValueError (three-part message) if self.axis is out of
        # range for len(input_shape) or input_shape[self.axis] is None. Then,
        # with self.add_weight, create weights of shape
        # (input_shape[self.axis],) named EXACTLY:
        # - "gamma": initializer "ones", trainable (only if self.scale);
        # - "beta": initializer "zeros", trainable (only if self.center);
        # - "moving_mean": initializer "zeros", trainable=False;
        # - "moving_variance": initializer "ones", trainable=False.
        # Store them in self.gamma, self.beta, self.moving_mean and
        # self.moving_variance.
        # BEGIN SOLUTION
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise ValueError(
                f"Invalid value for argument axis: expected an int in "
                f"[{-rank}, {rank - 1}] for inputs of shape {input_shape}. "
                f"Received: axis={self.axis}"
            )
        num_features = input_shape[self.axis]
        if num_features is None:
            raise ValueError(
                "Invalid input shape: expected a known size on axis "
                f"{self.axis}. Received: input_shape={input_shape}"
            )
        shape = (num_features,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, initializer="ones", trainable=True, name="gamma"
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, initializer="zeros", trainable=True, name="beta"
            )
        self.moving_mean = self.add_weight(
            shape=shape,
            initializer="zeros",
            trainable=False,
            name="moving_mean",
        )
        self.moving_variance = self.add_weight(
            shape=shape,
            initializer="ones",
            trainable=False,
            name="moving_variance",
        )
        # END SOLUTION

    def call(self, inputs, training=None):
        """Normalizes `inputs`; see the class docstring for the two modes."""
        # TODO: normalize as the class docstring defines, in its two modes.
        # Training (training is true AND self.trainable): the batch mean
        # and BIASED variance over every axis except self.axis, computed
        # with keras.ops (not keras.ops.moments, not a normalization op) so
        # that gradients flow through both; then update the moving
        # statistics in place with .assign(...) by the momentum rule.
        # Inference: the moving statistics, and update nothing.
        # Watch for: per-feature vectors must broadcast against the inputs
        # whatever self.axis is; gamma only if self.scale, beta only if
        # self.center; compute in the dtype of the inputs.
        # BEGIN SOLUTION
        rank = len(inputs.shape)
        axis = self.axis % rank
        reduction_axes = [i for i in range(rank) if i != axis]
        broadcast_shape = [1] * rank
        broadcast_shape[axis] = -1

        def to_broadcast(vector):
            vector = keras.ops.cast(vector, inputs.dtype)
            return keras.ops.reshape(vector, broadcast_shape)

        if training and self.trainable:
            mean = keras.ops.mean(inputs, axis=reduction_axes, keepdims=True)
            variance = keras.ops.mean(
                keras.ops.square(inputs - mean),
                axis=reduction_axes,
                keepdims=True,
            )
            batch_mean = keras.ops.reshape(mean, (-1,))
            batch_variance = keras.ops.reshape(variance, (-1,))
            self.moving_mean.assign(
                self.moving_mean * self.momentum
                + keras.ops.cast(batch_mean, self.moving_mean.dtype)
                * (1.0 - self.momentum)
            )
            self.moving_variance.assign(
                self.moving_variance * self.momentum
                + keras.ops.cast(batch_variance, self.moving_variance.dtype)
                * (1.0 - self.momentum)
            )
        else:
            mean = to_broadcast(self.moving_mean)
            variance = to_broadcast(self.moving_variance)

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
        # with {"axis", "momentum", "epsilon", "center", "scale"} and their
        # values, base first, as {**base_config, **config}.
        # BEGIN SOLUTION
        base_config = super().get_config()
        config = {
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
        return {**base_config, **config}
        # END SOLUTION


def _is_number(value):
    """Returns True for an int or a float that is not a bool or NaN."""
    # TODO: return True if value is an int or a float, is not a bool, and is
    # not NaN; False otherwise.
    # BEGIN SOLUTION
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not math.isnan(value)
    # END SOLUTION
