"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras
from keras import ops


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    """Normalizes each sample over the feature axes, independently of the batch."""

    def __init__(
        self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs
    ):
        super().__init__(**kwargs)
        if _is_int(axis):
            pass
        elif isinstance(axis, (list, tuple)) and len(axis) > 0 and all(
            _is_int(a) for a in axis
        ):
            axis = list(axis)
        else:
            raise ValueError(
                "Invalid value for argument axis: expected an int or a "
                f"non-empty list of ints. Received: axis={axis!r}"
            )
        if (
            isinstance(epsilon, bool)
            or not isinstance(epsilon, (int, float))
            or not math.isfinite(epsilon)
            or epsilon <= 0
        ):
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive "
                f"float. Received: epsilon={epsilon!r}"
            )
        for name, value in (("center", center), ("scale", scale)):
            if not isinstance(value, bool):
                raise ValueError(
                    f"Invalid value for argument {name}: expected a bool. "
                    f"Received: {name}={value!r}"
                )
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
                raise ValueError(
                    f"Invalid value for argument axis: expected axes in "
                    f"[{-ndim}, {ndim}). Received: axis={self.axis}"
                )
            a = a + ndim if a < 0 else a
            if a in fixed:
                raise ValueError(
                    "Invalid value for argument axis: expected distinct "
                    f"axes. Received: axis={self.axis}"
                )
            if input_shape[a] is None:
                raise ValueError(
                    "Invalid input shape: expected known sizes on the "
                    f"normalized axes. Received: input_shape={input_shape}"
                )
            fixed.append(a)
        self.axis = sorted(fixed)
        shape = tuple(input_shape[a] for a in self.axis)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, name="gamma", initializer="ones", trainable=True
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, name="beta", initializer="zeros", trainable=True
            )

    def call(self, inputs):
        x = inputs
        ndim = len(x.shape)
        mean = ops.mean(x, axis=self.axis, keepdims=True)
        var = ops.mean(ops.square(x - mean), axis=self.axis, keepdims=True)
        out = (x - mean) * ops.rsqrt(var + self.epsilon)
        bshape = [1] * ndim
        for a in self.axis:
            bshape[a] = x.shape[a]
        if self.scale and self.center:
            gamma = ops.reshape(ops.cast(self.gamma, x.dtype), bshape)
            beta = ops.reshape(ops.cast(self.beta, x.dtype), bshape)
            out = out * gamma + beta
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
