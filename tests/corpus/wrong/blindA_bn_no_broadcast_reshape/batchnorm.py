"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras


def _bad(name, expected, value):
    return ValueError(
        f"Invalid value for argument {name}: expected {expected}. "
        f"Received: {name}={value!r}"
    )


@keras.saving.register_keras_serializable(package="regularization")
class BatchNormalization(keras.layers.Layer):
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
        if not isinstance(axis, int) or isinstance(axis, bool):
            raise _bad("axis", "an int", axis)
        if not _is_number(momentum) or not (0 <= momentum <= 1):
            raise _bad("momentum", "a float in [0, 1]", momentum)
        if not _is_number(epsilon) or not math.isfinite(epsilon) or epsilon <= 0:
            raise _bad("epsilon", "a positive float", epsilon)
        if not isinstance(center, bool):
            raise _bad("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _bad("scale", "a bool", scale)
        self.axis = axis
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.supports_masking = True
        self.gamma = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None

    def build(self, input_shape):
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise _bad("axis", f"an axis in [-{rank}, {rank})", self.axis)
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError(
                "Invalid input shape: expected a known size on axis "
                f"{self.axis}. Received: input_shape={input_shape}"
            )
        shape = (dim,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, name="gamma", initializer="ones", trainable=True
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, name="beta", initializer="zeros", trainable=True
            )
        self.moving_mean = self.add_weight(
            shape=shape, name="moving_mean", initializer="zeros", trainable=False
        )
        self.moving_variance = self.add_weight(
            shape=shape,
            name="moving_variance",
            initializer="ones",
            trainable=False,
        )

    def call(self, inputs, training=None):
        ops = keras.ops
        ndim = len(inputs.shape)
        axis = self.axis % ndim
        reduce_axes = [i for i in range(ndim) if i != axis]
        bshape = [1] * ndim
        bshape[axis] = inputs.shape[axis]

        if training and self.trainable:
            mean = ops.mean(inputs, axis=reduce_axes)
            var = ops.mean(ops.square(inputs - mean), axis=reduce_axes)
            mm = ops.cast(self.moving_mean, inputs.dtype)
            mv = ops.cast(self.moving_variance, inputs.dtype)
            self.moving_mean.assign(
                mm * self.momentum + mean * (1.0 - self.momentum)
            )
            self.moving_variance.assign(
                mv * self.momentum + var * (1.0 - self.momentum)
            )
        else:
            mean = ops.cast(self.moving_mean, inputs.dtype)
            var = ops.cast(self.moving_variance, inputs.dtype)

        inv = 1.0 / ops.sqrt(var + self.epsilon)
        if self.scale:
            inv = inv * ops.cast(self.gamma, inputs.dtype)
        out = (inputs - mean) * inv
        if self.center:
            out = out + ops.cast(self.beta, inputs.dtype)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
        return {**base_config, **config}


def _is_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not (isinstance(value, float) and math.isnan(value))
