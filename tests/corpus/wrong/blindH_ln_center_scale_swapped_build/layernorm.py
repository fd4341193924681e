"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras
from keras import ops


def _err(name, expected, value):
    return ValueError(
        f"Invalid value for argument {name}: expected {expected}. "
        f"Received: {name}={value!r}"
    )


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    """Normalizes each sample over the feature axes, independently of the batch."""

    def __init__(
        self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs
    ):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            if len(axis) == 0 or not all(_is_int(a) for a in axis):
                raise _err("axis", "an int or a non-empty list of ints", axis)
            axis = list(axis)
        elif not _is_int(axis):
            raise _err("axis", "an int or a non-empty list of ints", axis)
        if (
            not isinstance(epsilon, (int, float))
            or isinstance(epsilon, bool)
            or not math.isfinite(epsilon)
            or epsilon <= 0
        ):
            raise _err("epsilon", "a positive float", epsilon)
        if not isinstance(center, bool):
            raise _err("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _err("scale", "a bool", scale)
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        ndim = len(input_shape)
        axes = [self.axis] if _is_int(self.axis) else list(self.axis)
        fixed = []
        for a in axes:
            if not -ndim <= a < ndim:
                raise _err("axis", f"axes in [-{ndim}, {ndim})", self.axis)
            a = a + ndim if a < 0 else a
            if a in fixed:
                raise _err("axis", "distinct axes", self.axis)
            if input_shape[a] is None:
                raise ValueError(
                    "Invalid input shape: expected a known size on axis "
                    f"{a}. Received: input_shape={input_shape}"
                )
            fixed.append(a)
        self.axis = sorted(fixed)
        shape = tuple(input_shape[a] for a in self.axis)
        if self.center:
            self.gamma = self.add_weight(
                shape=shape, name="gamma", initializer="ones", trainable=True
            )
        if self.scale:
            self.beta = self.add_weight(
                shape=shape, name="beta", initializer="zeros", trainable=True
            )

    def call(self, inputs):
        x = inputs
        ndim = len(x.shape)
        mean = ops.mean(x, axis=self.axis, keepdims=True)
        centered = x - mean
        variance = ops.mean(ops.square(centered), axis=self.axis, keepdims=True)
        out = centered / ops.sqrt(variance + self.epsilon)
        # gamma/beta: 정규화 축에만 크기, 나머지는 1
        bshape = [1] * ndim
        for a in self.axis:
            bshape[a] = x.shape[a]
        if self.gamma is not None:
            out = out * ops.reshape(ops.cast(self.gamma, x.dtype), bshape)
        if self.beta is not None:
            out = out + ops.reshape(ops.cast(self.beta, x.dtype), bshape)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
        return {**base_config, **config}
