"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras
from keras import ops


def _check(cond, name, expected, value):
    if not cond:
        raise ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value}")


def _broadcast_shape(rank, axis, size):
    """(1, ..., size, ..., 1) — axis 위치에만 size."""
    return tuple(size if i == axis else 1 for i in range(rank))


def _normalize(x, mean, var, gamma, beta, epsilon):
    """gamma * (x - mean) / sqrt(var + eps) + beta  (gamma/beta 는 None 가능)."""
    inv = ops.rsqrt(var + epsilon)
    if gamma is not None:
        inv = inv * gamma
    y = (x - mean) * inv
    if beta is not None:
        y = y + beta
    return y


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
        _check(isinstance(axis, int) and not isinstance(axis, bool), "axis", "an int", axis)
        _check(_is_number(momentum) and 0 <= momentum <= 1, "momentum", "a float in [0, 1]", momentum)
        _check(_is_number(epsilon) and math.isfinite(epsilon) and epsilon > 0, "epsilon", "a positive float", epsilon)
        _check(isinstance(center, bool), "center", "a bool", center)
        _check(isinstance(scale, bool), "scale", "a bool", scale)
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
        _check(-rank <= self.axis < rank, "axis", f"an axis in [-{rank}, {rank})", self.axis)
        size = input_shape[self.axis]
        _check(size is not None, "input_shape", "a known size on the feature axis", input_shape)
        self.gamma = self.add_weight(shape=(size,), name="gamma", initializer="ones") if self.scale else None
        self.beta = self.add_weight(shape=(size,), name="beta", initializer="zeros") if self.center else None
        self.moving_mean = self.add_weight(shape=(size,), name="moving_mean", initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(
            shape=(size,), name="moving_variance", initializer="ones", trainable=False
        )

    def _ema(self, var_ref, value):
        m = self.momentum
        var_ref.assign(ops.cast(var_ref, value.dtype) * m + value * (1.0 - m))

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        axis = self.axis % rank
        bshape = _broadcast_shape(rank, axis, inputs.shape[axis])
        others = [i for i in range(rank) if i != axis]

        def vec(v):
            return None if v is None else ops.reshape(ops.cast(v, inputs.dtype), bshape)

        if training and self.trainable:
            mean = ops.mean(inputs, axis=others, keepdims=True)
            var = ops.mean(ops.square(inputs - mean), axis=others, keepdims=True)
            self._ema(self.moving_mean, ops.reshape(mean, (-1,)))
            self._ema(self.moving_variance, ops.reshape(var, (-1,)))
        else:
            mean, var = vec(self.moving_mean), vec(self.moving_variance)
        return _normalize(inputs, mean, var, vec(self.gamma), vec(self.beta), self.epsilon)

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
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isnan(value)
