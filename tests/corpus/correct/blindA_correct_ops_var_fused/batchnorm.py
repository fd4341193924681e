"""BatchNormalization: normalize each feature with statistics of the batch.

y = x * a + b  with  a = gamma / sqrt(var + eps),  b = beta - mean * a
"""

import math

import keras
from keras import ops


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
        checks = [
            ("axis", type(axis) is int, "an int", axis),
            ("momentum", _is_number(momentum) and 0 <= momentum <= 1, "a float in [0, 1]", momentum),
            ("epsilon", _is_number(epsilon) and math.isfinite(epsilon) and epsilon > 0, "a positive float", epsilon),
            ("center", type(center) is bool, "a bool", center),
            ("scale", type(scale) is bool, "a bool", scale),
        ]
        for name, ok, expected, got in checks:
            if not ok:
                raise ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={got}")
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
        if not -rank <= self.axis < rank:
            raise ValueError(
                f"Invalid value for argument axis: expected a value in [-{rank}, {rank - 1}]. "
                f"Received: axis={self.axis}"
            )
        if input_shape[self.axis] is None:
            raise ValueError(
                "Invalid input shape: expected a defined dimension on axis "
                f"{self.axis}. Received: input_shape={input_shape}"
            )
        shape = (input_shape[self.axis],)
        if self.scale:
            self.gamma = self.add_weight(shape=shape, name="gamma", initializer="ones", trainable=True)
        if self.center:
            self.beta = self.add_weight(shape=shape, name="beta", initializer="zeros", trainable=True)
        self.moving_mean = self.add_weight(shape=shape, name="moving_mean", initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(shape=shape, name="moving_variance", initializer="ones", trainable=False)

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        ax = self.axis % rank
        reduce_axes = tuple(i for i in range(rank) if i != ax)
        bshape = [1] * rank
        bshape[ax] = inputs.shape[ax]
        dtype = inputs.dtype

        if training and self.trainable:
            mean = ops.mean(inputs, axis=reduce_axes)
            var = ops.var(inputs, axis=reduce_axes)  # biased (N 으로 나눔)
            mom = self.momentum
            self.moving_mean.assign(ops.cast(self.moving_mean, dtype) * mom + mean * (1.0 - mom))
            self.moving_variance.assign(ops.cast(self.moving_variance, dtype) * mom + var * (1.0 - mom))
        else:
            mean = ops.cast(self.moving_mean, dtype)
            var = ops.cast(self.moving_variance, dtype)

        a = ops.rsqrt(var + self.epsilon)
        if self.scale:
            a = a * ops.cast(self.gamma, dtype)
        b = -mean * a
        if self.center:
            b = b + ops.cast(self.beta, dtype)
        return inputs * ops.reshape(a, bshape) + ops.reshape(b, bshape)

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
    return type(value) in (int, float) and value == value
