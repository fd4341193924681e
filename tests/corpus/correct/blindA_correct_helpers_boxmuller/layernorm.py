"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras
from keras import ops


def _check(cond, name, expected, value):
    if not cond:
        raise ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value}")


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _canonical_axes(axis, rank):
    """int 또는 list -> 정렬된 양수 axis list."""
    axes = [axis] if _is_int(axis) else list(axis)
    _check(all(-rank <= a < rank for a in axes), "axis", f"axes in [-{rank}, {rank})", axis)
    axes = [a % rank for a in axes]
    _check(len(set(axes)) == len(axes), "axis", "distinct axes", axis)
    return sorted(axes)


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            _check(len(axis) > 0 and all(_is_int(a) for a in axis), "axis", "a non-empty list of ints", axis)
            axis = list(axis)
        else:
            _check(_is_int(axis), "axis", "an int or a list of ints", axis)
        _check(
            isinstance(epsilon, (int, float)) and not isinstance(epsilon, bool)
            and math.isfinite(epsilon) and epsilon > 0,
            "epsilon", "a positive float", epsilon,
        )
        _check(isinstance(center, bool), "center", "a bool", center)
        _check(isinstance(scale, bool), "scale", "a bool", scale)
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        self.axis = _canonical_axes(self.axis, len(input_shape))
        dims = tuple(input_shape[a] for a in self.axis)
        _check(all(d is not None for d in dims), "input_shape", "known sizes on the normalized axes", input_shape)
        if self.scale:
            self.gamma = self.add_weight(shape=dims, name="gamma", initializer="ones")
        if self.center:
            self.beta = self.add_weight(shape=dims, name="beta", initializer="zeros")

    def call(self, inputs):
        rank = len(inputs.shape)
        bshape = tuple(inputs.shape[i] if i in self.axis else 1 for i in range(rank))
        mean = ops.mean(inputs, axis=self.axis, keepdims=True)
        centered = inputs - mean
        var = ops.mean(ops.square(centered), axis=self.axis, keepdims=True)
        y = centered * ops.rsqrt(var + self.epsilon)
        if self.gamma is not None:
            y = y * ops.reshape(ops.cast(self.gamma, inputs.dtype), bshape)
        if self.beta is not None:
            y = y + ops.reshape(ops.cast(self.beta, inputs.dtype), bshape)
        return y

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {
            **super().get_config(),
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
