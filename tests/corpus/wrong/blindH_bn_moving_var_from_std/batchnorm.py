"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras
from keras import ops


def _err(name, expected, value):
    return ValueError(
        f"Invalid value for argument {name}: expected {expected}. "
        f"Received: {name}={value!r}"
    )


@keras.saving.register_keras_serializable(package="regularization")
class BatchNormalization(keras.layers.Layer):
    """Normalizes each feature (channel) to mean 0 and variance 1."""

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
            raise _err("axis", "an int", axis)
        if not _is_number(momentum) or not (0 <= momentum <= 1):
            raise _err("momentum", "a float in [0, 1]", momentum)
        if not _is_number(epsilon) or not math.isfinite(epsilon) or epsilon <= 0:
            raise _err("epsilon", "a positive float", epsilon)
        if not isinstance(center, bool):
            raise _err("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _err("scale", "a bool", scale)
        self.axis = axis
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None

    def build(self, input_shape):
        ndim = len(input_shape)
        if not -ndim <= self.axis < ndim:
            raise _err(
                "axis", f"an axis in [-{ndim}, {ndim})", self.axis
            )
        n = input_shape[self.axis]
        if n is None:
            raise ValueError(
                "Invalid input shape: expected a known size on axis "
                f"{self.axis}. Received: input_shape={input_shape}"
            )
        shape = (n,)
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
        x = inputs
        ndim = len(x.shape)
        ax = self.axis % ndim  # 음수 축을 양수로
        reduce_axes = [i for i in range(ndim) if i != ax]
        # (1, ..., C, ..., 1) 모양으로 브로드캐스트
        bshape = [1] * ndim
        bshape[ax] = -1

        if training and self.trainable:
            mean = ops.mean(x, axis=reduce_axes)
            diff = x - ops.reshape(mean, bshape)
            variance = ops.mean(ops.square(diff), axis=reduce_axes)  # 1/N
            m = self.momentum
            std = ops.sqrt(variance + self.epsilon)
            self.moving_mean.assign(
                ops.cast(self.moving_mean, x.dtype) * m + mean * (1.0 - m)
            )
            self.moving_variance.assign(
                ops.cast(self.moving_variance, x.dtype) * m
                + std * (1.0 - m)
            )
        else:
            mean = ops.cast(self.moving_mean, x.dtype)
            variance = ops.cast(self.moving_variance, x.dtype)

        inv = 1.0 / ops.sqrt(variance + self.epsilon)
        if self.scale:
            inv = inv * ops.cast(self.gamma, x.dtype)
        out = (x - ops.reshape(mean, bshape)) * ops.reshape(inv, bshape)
        if self.center:
            out = out + ops.reshape(ops.cast(self.beta, x.dtype), bshape)
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
    """Returns True for an int or a float that is not a bool or NaN."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not (isinstance(value, float) and math.isnan(value))
