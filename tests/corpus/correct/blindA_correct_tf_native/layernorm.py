"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras
import tensorflow as tf


def _int_like(v):
    return isinstance(v, int) and not isinstance(v, bool)


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            if not axis or not all(_int_like(a) for a in axis):
                raise ValueError(
                    "Invalid value for argument axis: expected an int or a non-empty "
                    f"list of ints. Received: axis={axis}"
                )
            axis = list(axis)
        elif not _int_like(axis):
            raise ValueError(
                "Invalid value for argument axis: expected an int or a non-empty "
                f"list of ints. Received: axis={axis}"
            )
        if (isinstance(epsilon, bool) or not isinstance(epsilon, (int, float))
                or not math.isfinite(epsilon) or epsilon <= 0):
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive float. "
                f"Received: epsilon={epsilon}"
            )
        if not isinstance(center, bool) or not isinstance(scale, bool):
            raise ValueError(
                "Invalid value for argument center/scale: expected a bool. "
                f"Received: center={center}, scale={scale}"
            )
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        ndim = len(input_shape)
        raw = self.axis if isinstance(self.axis, list) else [self.axis]
        fixed = []
        for a in raw:
            if a < -ndim or a >= ndim:
                raise ValueError(
                    f"Invalid value for argument axis: expected axes in range for "
                    f"rank {ndim}. Received: axis={self.axis}"
                )
            fixed.append(a + ndim if a < 0 else a)
        if len(set(fixed)) != len(fixed):
            raise ValueError(
                f"Invalid value for argument axis: expected distinct axes. Received: axis={self.axis}"
            )
        fixed.sort()
        if any(input_shape[a] is None for a in fixed):
            raise ValueError(
                "Invalid input_shape: expected known sizes on the normalized axes. "
                f"Received: input_shape={input_shape}"
            )
        self.axis = fixed
        wshape = tuple(input_shape[a] for a in fixed)
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=wshape, initializer="ones")
        if self.center:
            self.beta = self.add_weight(name="beta", shape=wshape, initializer="zeros")

    def call(self, inputs):
        x = tf.convert_to_tensor(inputs)
        ndim = x.shape.rank
        bshape = [x.shape[d] if d in self.axis else 1 for d in range(ndim)]
        mu = tf.reduce_mean(x, axis=self.axis, keepdims=True)
        var = tf.reduce_mean(tf.math.squared_difference(x, mu), axis=self.axis, keepdims=True)
        y = (x - mu) * tf.math.rsqrt(var + tf.constant(self.epsilon, dtype=x.dtype))
        if self.scale:
            y = y * tf.reshape(tf.cast(self.gamma, x.dtype), bshape)
        if self.center:
            y = y + tf.reshape(tf.cast(self.beta, x.dtype), bshape)
        return y

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        base_config = super().get_config()
        return {
            **base_config,
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
