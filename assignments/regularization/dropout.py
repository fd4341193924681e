"""Dropout: set random elements to zero during training ("inverted dropout")."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class Dropout(keras.layers.Layer):
    """Sets each input element to 0 with probability `rate`, during training.

    Dropout stops units from relying on each other: on each training step a
    random part of the network is switched off. The kept elements are divided
    by `1 - rate`, so the expected value of every element stays the same and
    nothing has to change at inference time ("inverted dropout").

    Formula, in training mode, for each element (or each element of the
    smaller mask, see `noise_shape`):

        u ~ Uniform[0, 1)
        output = x / (1 - rate)   if u >= rate   (kept)
        output = 0                 if u <  rate   (dropped)

    `rate = 0` returns `x`; `rate = 1` returns zeros (with a zero gradient,
    never NaN). A new mask is drawn on every call. In inference mode the
    output is `x` itself. The gradient with respect to `x` is
    `upstream_gradient * mask / (1 - rate)`.

    Args:
        rate: float in [0, 1], the probability to DROP an element (not the
            probability to keep it).
        noise_shape: optional tuple of ints or `None`, the shape of the random
            mask. The mask is broadcast to the input shape, so a 1 in the
            noise shape means "same decision along this axis". `None` entries
            take the size of the input on that axis. Example: inputs of shape
            `(batch_size, timesteps, features)` with
            `noise_shape=(None, 1, None)` drop the same features at every
            timestep. `None` (the default) means one decision per element.
        seed: optional int. With the same seed, two new layers draw the same
            sequence of masks. `None` picks a random seed.
        **kwargs: base layer arguments such as `name` and `dtype`.

    Call arguments:
        inputs: a tensor of any shape, e.g. `(batch_size, features)`.
        training: Python bool. `True`: apply dropout. `False` (the default,
            also when the argument is omitted): return the inputs unchanged.
            `model.fit` passes `training=True` for you.

    Output shape:
        Same as the input shape.

    Example:

    >>> drop = Dropout(rate=0.3, seed=0)
    >>> x = keras.ops.ones((2, 5))
    >>> y = drop(x, training=True)  # about 30% zeros, the rest 1 / 0.7
    >>> z = drop(x)                 # inference: exactly x
    """

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        # TODO: validate the arguments, then store them.
        # - rate must be an int or float (not bool) with 0 <= rate <= 1; else
        #   raise ValueError("Invalid value for argument rate: expected a
        #   float in [0, 1]. Received: rate=...").
        # - noise_shape must be None or a list/tuple whose entries are None or
        #   positive ints; else raise ValueError (three-part message). Store
        #   it as a tuple (or None).
        # - seed must be None or an int (not bool); else raise ValueError.
        # Store self.rate (as a float), self.noise_shape and self.seed, and
        # create ONE keras.random.SeedGenerator from seed, stored in
        # self.seed_generator (an int seed passed straight to a random op
        # would give the same mask on every call).
        raise NotImplementedError("Dropout.__init__ is not written yet: see the TODO above")

    def call(self, inputs, training=False):
        """Applies dropout in training mode; returns `inputs` otherwise."""
        # TODO: outside training, or with rate == 0, return the inputs. In
        # training, drop each element with probability self.rate and scale
        # the kept ones so the expected output equals the input (see the
        # class docstring). Draw the mask with keras.random.uniform from
        # self.seed_generator, shaped by self._get_noise_shape(inputs), so
        # that it broadcasts over the inputs. Watch for rate == 1: every
        # element is dropped, and dividing by 1 - rate would give NaN (the
        # gradient must be 0, not NaN). Do not call keras.random.dropout,
        # tf.nn.dropout or keras.layers.Dropout.
        raise NotImplementedError("Dropout.call is not written yet: see the TODO above")

    def compute_output_shape(self, input_shape):
        """The output has the same shape as the input."""
        # TODO: return the output shape (dropout does not change the shape).
        raise NotImplementedError("Dropout.compute_output_shape is not written yet: see the TODO above")

    def get_config(self):
        """Returns the constructor arguments, so the layer can be saved."""
        # TODO: return the base layer config (super().get_config()) merged
        # with {"rate": ..., "noise_shape": ..., "seed": ...}, base first, as
        # {**base_config, **config}.
        raise NotImplementedError("Dropout.get_config is not written yet: see the TODO above")

    def _get_noise_shape(self, inputs):
        """Returns the shape of the random mask for these inputs.

        Args:
            inputs: the input tensor. Its batch size may be unknown until the
                layer runs, so use its dynamic shape (`keras.ops.shape`).

        Returns:
            `keras.ops.shape(inputs)` if `self.noise_shape` is None;
            otherwise `self.noise_shape` with each None entry replaced by the
            input's size on that axis.
        """
        # TODO: if self.noise_shape is None, return the dynamic shape of
        # inputs (keras.ops.shape). Otherwise return a tuple with the same
        # length as self.noise_shape: entry i is noise_shape[i], or the
        # input's dynamic size on axis i where noise_shape[i] is None.
        raise NotImplementedError("Dropout._get_noise_shape is not written yet: see the TODO above")
