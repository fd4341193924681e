"""LayerNormalization: normalize each sample with its own statistics.

y = x * a + b  with  a = gamma / sqrt(var + eps),  b = beta - mean * a
"""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            axis_ok = len(axis) > 0 and all(type(a) is int for a in axis)
            axis = list(axis)
        else:
            axis_ok = type(axis) is int
        if not axis_ok:
            raise ValueError(
                "Invalid value for argument axis: expected an int or a non-empty list of ints. "
                f"Received: axis={axis}"
            )
        if type(epsilon) not in (int, float) or not math.isfinite(epsilon) or epsilon <= 0:
            raise ValueError(
                f"Invalid value for argument epsilon: expected a positive float. Received: epsilon={epsilon}"
            )
        for name, v in (("center", center), ("scale", scale)):
            if type(v) is not bool:
                raise ValueError(f"Invalid value for argument {name}: expected a bool. Received: {name}={v}")
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        rank = len(input_shape)
        given = self.axis if isinstance(self.axis, list) else [self.axis]
        for a in given:
            if not -rank <= a < rank:
                raise ValueError(
                    f"Invalid value for argument axis: expected values in [-{rank}, {rank - 1}]. "
                    f"Received: axis={self.axis}"
                )
        axes = sorted({a % rank for a in given})
        if len(axes) != len(given):
            raise ValueError(f"Invalid value for argument axis: expected unique axes. Received: axis={self.axis}")
        if any(input_shape[a] is None for a in axes):
            raise ValueError(
                "Invalid input shape: expected defined sizes on the normalized axes. "
                f"Received: input_shape={input_shape}"
            )
        self.axis = axes
        shape = tuple(input_shape[a] for a in axes)
        if self.scale:
            self.gamma = self.add_weight(shape=shape, name="gamma", initializer="ones", trainable=True)
        if self.center:
            self.beta = self.add_weight(shape=shape, name="beta", initializer="zeros", trainable=True)

    def call(self, inputs):
        dtype = inputs.dtype
        rank = len(inputs.shape)
        bshape = [inputs.shape[i] if i in self.axis else 1 for i in range(rank)]
        mean = ops.mean(inputs, axis=self.axis, keepdims=True)
        var = ops.var(inputs, axis=self.axis, keepdims=True)
        a = ops.rsqrt(var + self.epsilon)
        if self.scale:
            a = a * ops.reshape(ops.cast(self.gamma, dtype), bshape)
        b = -mean * a
        if self.center:
            b = b + ops.reshape(ops.cast(self.beta, dtype), bshape)
        return inputs * a + b

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"axis": self.axis, "epsilon": self.epsilon, "center": self.center, "scale": self.scale}
        return {**base_config, **config}
