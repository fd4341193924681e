"""LayerNormalization: normalize each sample with its own statistics.

방식: 정규화 축들을 맨 뒤로 모아 (..., K) 로 펼치고 마지막 축에서 통계량을 구한다.
"""

import math

import keras
from keras import ops


def _err(arg, expected, got):
    return ValueError(f"Invalid value for argument {arg}: expected {expected}. Received: {arg}={got}")


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if type(axis) is int:
            pass
        elif isinstance(axis, (list, tuple)) and len(axis) > 0 and all(type(a) is int for a in axis):
            axis = list(axis)
        else:
            raise _err("axis", "an int or a non-empty list of ints", axis)
        if type(epsilon) not in (int, float) or not math.isfinite(epsilon) or epsilon <= 0:
            raise _err("epsilon", "a positive float", epsilon)
        if type(center) is not bool:
            raise _err("center", "a bool", center)
        if type(scale) is not bool:
            raise _err("scale", "a bool", scale)
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        rank = len(input_shape)
        axes = [self.axis] if type(self.axis) is int else self.axis
        if any(not (-rank <= a < rank) for a in axes):
            raise _err("axis", f"axes in [{-rank}, {rank})", self.axis)
        axes = [a % rank for a in axes]
        if len(set(axes)) != len(axes):
            raise _err("axis", "no repeated axis", self.axis)
        axes = sorted(axes)
        if any(input_shape[a] is None for a in axes):
            raise _err("input_shape", "known sizes on the normalized axes", input_shape)
        self.axis = axes
        shape = tuple(input_shape[a] for a in axes)
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=shape, initializer="ones", trainable=True)
        if self.center:
            self.beta = self.add_weight(name="beta", shape=shape, initializer="zeros", trainable=True)

    def call(self, inputs):
        rank = len(inputs.shape)
        k = len(self.axis)
        size = 1
        for a in self.axis:
            size *= inputs.shape[a]
        dest = list(range(rank - k, rank))
        moved = ops.moveaxis(inputs, self.axis, dest)
        moved_shape = ops.shape(moved)
        flat = ops.reshape(moved, (-1, size))                # (M, K)
        mean = ops.mean(flat, axis=-1, keepdims=True)
        centered = flat - mean
        var = ops.einsum("mk,mk->m", centered, centered)[:, None] / size
        out = centered / ops.sqrt(var + self.epsilon)
        if self.scale:
            out = out * ops.reshape(ops.cast(self.gamma, flat.dtype), (-1,))
        if self.center:
            out = out + ops.reshape(ops.cast(self.beta, flat.dtype), (-1,))
        out = ops.reshape(out, moved_shape)
        return ops.moveaxis(out, dest, self.axis)

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
