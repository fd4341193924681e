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
        raise NotImplementedError("BatchNormalization.__init__ is not written yet: see the TODO above")

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
        raise NotImplementedError("BatchNormalization.build is not written yet: see the TODO above")

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
        raise NotImplementedError("BatchNormalization.call is not written yet: see the TODO above")

    def compute_output_shape(self, input_shape):
        """The output has the same shape as the input."""
        # TODO: return the output shape (normalization does not change it).
        raise NotImplementedError("BatchNormalization.compute_output_shape is not written yet: see the TODO above")

    def get_config(self):
        """Returns the constructor arguments, so the layer can be saved."""
        # TODO: return the base layer config (super().get_config()) merged
        # with {"axis", "momentum", "epsilon", "center", "scale"} and their
        # values, base first, as {**base_config, **config}.
        raise NotImplementedError("BatchNormalization.get_config is not written yet: see the TODO above")


def _is_number(value):
    """Returns True for an int or a float that is not a bool or NaN."""
    # TODO: return True if value is an int or a float, is not a bool, and is
    # not NaN; False otherwise.
    raise NotImplementedError("_is_number is not written yet: see the TODO above")
