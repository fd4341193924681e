"""BatchNormalization: normalize each feature with statistics of the batch.

방식: feature 축을 맨 뒤로 옮기고 (-1, C) 행렬로 펼친 뒤, 열마다 통계량을 구한다.
"""

import math

import keras
from keras import ops


def _err(arg, expected, got):
    return ValueError(f"Invalid value for argument {arg}: expected {expected}. Received: {arg}={got}")


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
        if type(axis) is not int:
            raise _err("axis", "an int", axis)
        if not _is_number(momentum) or not 0 <= momentum <= 1:
            raise _err("momentum", "a float in [0, 1]", momentum)
        if not _is_number(epsilon) or not math.isfinite(epsilon) or not epsilon > 0:
            raise _err("epsilon", "a positive float", epsilon)
        if type(center) is not bool:
            raise _err("center", "a bool", center)
        if type(scale) is not bool:
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
        rank = len(input_shape)
        if not (-rank <= self.axis < rank):
            raise _err("axis", f"an int in [{-rank}, {rank})", self.axis)
        channels = input_shape[self.axis]
        if channels is None:
            raise _err("input_shape", "a known size on the feature axis", input_shape)
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=(channels,), initializer="ones", trainable=True)
        if self.center:
            self.beta = self.add_weight(name="beta", shape=(channels,), initializer="zeros", trainable=True)
        self.moving_mean = self.add_weight(
            name="moving_mean", shape=(channels,), initializer="zeros", trainable=False
        )
        self.moving_variance = self.add_weight(
            name="moving_variance", shape=(channels,), initializer="ones", trainable=False
        )

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        ax = self.axis % rank
        channels = inputs.shape[ax]
        moved = ops.moveaxis(inputs, ax, -1)          # (..., C)
        flat = ops.reshape(moved, (-1, channels))     # (N, C)

        if training and self.trainable:
            n = ops.cast(ops.shape(flat)[0], flat.dtype)
            mean = ops.divide(ops.einsum("nc->c", flat), n)
            centered = flat - mean
            var = ops.divide(ops.einsum("nc,nc->c", centered, centered), n)
            keep = self.momentum
            self.moving_mean.assign(
                ops.cast(self.moving_mean, flat.dtype) * keep + mean * (1.0 - keep)
            )
            self.moving_variance.assign(
                ops.cast(self.moving_variance, flat.dtype) * keep + var * (1.0 - keep)
            )
        else:
            mean = ops.cast(self.moving_mean, flat.dtype)
            var = ops.cast(self.moving_variance, flat.dtype)

        inv = ops.reciprocal(ops.sqrt(var + self.epsilon))
        if self.scale:
            inv = inv * ops.cast(self.gamma, flat.dtype)
        out = (flat - mean) * inv
        if self.center:
            out = out + ops.cast(self.beta, flat.dtype)
        out = ops.reshape(out, ops.shape(moved))
        return ops.moveaxis(out, -1, ax)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            **{
                "axis": self.axis,
                "momentum": self.momentum,
                "epsilon": self.epsilon,
                "center": self.center,
                "scale": self.scale,
            },
        }


def _is_number(value):
    return type(value) in (int, float) and not (type(value) is float and math.isnan(value))
