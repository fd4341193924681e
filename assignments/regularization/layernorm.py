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
        raise NotImplementedError("LayerNormalization.__init__ is not written yet: see the TODO above")

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
        raise NotImplementedError("LayerNormalization.build is not written yet: see the TODO above")

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
        raise NotImplementedError("LayerNormalization.call is not written yet: see the TODO above")

    def compute_output_shape(self, input_shape):
        """The output has the same shape as the input."""
        # TODO: return the output shape (normalization does not change it).
        raise NotImplementedError("LayerNormalization.compute_output_shape is not written yet: see the TODO above")

    def get_config(self):
        """Returns the constructor arguments, so the layer can be saved."""
        # TODO: return the base layer config (super().get_config()) merged
        # with {"axis", "epsilon", "center", "scale"} and their values, base
        # first, as {**base_config, **config}.
        raise NotImplementedError("LayerNormalization.get_config is not written yet: see the TODO above")
