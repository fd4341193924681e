"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)

        def is_int(v):
            return isinstance(v, int) and not isinstance(v, bool)

        if isinstance(axis, (list, tuple)):
            if len(axis) == 0 or not all(is_int(a) for a in axis):
                raise ValueError(
                    "Invalid value for argument axis: expected an int or a non-empty list "
                    f"of ints. Received: axis={axis!r}"
                )
            axis = list(axis)
        elif not is_int(axis):
            raise ValueError(
                "Invalid value for argument axis: expected an int or a non-empty list "
                f"of ints. Received: axis={axis!r}"
            )
        if isinstance(epsilon, bool) or not isinstance(epsilon, (int, float)) \
                or not (0 < epsilon < math.inf):
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive float. "
                f"Received: epsilon={epsilon!r}"
            )
        if not isinstance(center, bool):
            raise ValueError(f"Invalid value for argument center: expected a bool. Received: center={center!r}")
        if not isinstance(scale, bool):
            raise ValueError(f"Invalid value for argument scale: expected a bool. Received: scale={scale!r}")
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        n = len(input_shape)
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        pos = []
        for a in axes:
            if a < -n or a >= n:
                raise ValueError(
                    f"Invalid value for argument axis: expected axes for rank {n}. Received: axis={self.axis}"
                )
            pos.append(a + n if a < 0 else a)
        if len(pos) != len(set(pos)):
            raise ValueError(
                f"Invalid value for argument axis: expected no duplicates. Received: axis={self.axis}"
            )
        pos = sorted(pos)
        for a in pos:
            if input_shape[a] is None:
                raise ValueError(
                    "Invalid value for argument input_shape: expected known sizes on "
                    f"the normalized axes. Received: input_shape={input_shape}"
                )
        self.axis = pos
        wshape = tuple(input_shape[a] for a in pos)
        if self.scale:
            self.gamma = self.add_weight(shape=wshape, initializer="ones", name="gamma")
        if self.center:
            self.beta = self.add_weight(shape=wshape, initializer="zeros", name="beta")

    def call(self, inputs):
        rank = len(inputs.shape)
        count = 1
        for a in self.axis:
            count *= inputs.shape[a]      # 정규화 축 크기는 빌드 때 알려져 있음
        s = ops.sum(inputs, axis=self.axis, keepdims=True)
        mean = s / count
        dev = inputs - mean
        var = ops.sum(dev * dev, axis=self.axis, keepdims=True) / count
        normed = dev / ops.sqrt(var + self.epsilon)
        target = [inputs.shape[a] if a in self.axis else 1 for a in range(rank)]
        if self.scale:
            normed = normed * ops.reshape(ops.cast(self.gamma, inputs.dtype), target)
        if self.center:
            normed = normed + ops.reshape(ops.cast(self.beta, inputs.dtype), target)
        return normed

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        cfg = super().get_config()
        cfg.update(axis=self.axis, epsilon=self.epsilon, center=self.center, scale=self.scale)
        return cfg
