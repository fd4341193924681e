"""LayerNormalization: normalize each sample with its own statistics.

정규화 축들을 ops.transpose 로 뒤쪽에 모아서 계산한 뒤 원래 순서로 되돌린다.
"""

import math

import keras
from keras import ops


def _invalid(name, expected, value):
    return ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value!r}")


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            if not axis:
                raise _invalid("axis", "a non-empty list of ints", axis)
            for a in axis:
                if isinstance(a, bool) or not isinstance(a, int):
                    raise _invalid("axis", "an int or a list of ints", axis)
            axis = list(axis)
        elif isinstance(axis, bool) or not isinstance(axis, int):
            raise _invalid("axis", "an int or a list of ints", axis)
        if isinstance(epsilon, bool) or not isinstance(epsilon, (int, float)) \
                or not math.isfinite(epsilon) or epsilon <= 0:
            raise _invalid("epsilon", "a positive float", epsilon)
        if not isinstance(center, bool):
            raise _invalid("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _invalid("scale", "a bool", scale)
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        rank = len(input_shape)
        axes = list(self.axis) if isinstance(self.axis, list) else [self.axis]
        canon = []
        for a in axes:
            if a < -rank or a >= rank:
                raise _invalid("axis", f"axes of a rank-{rank} input", self.axis)
            a = a + rank if a < 0 else a
            if a in canon:
                raise _invalid("axis", "each axis at most once", self.axis)
            if input_shape[a] is None:
                raise _invalid("input_shape", "known sizes on the normalized axes", tuple(input_shape))
            canon.append(a)
        self.axis = sorted(canon)
        wshape = tuple(input_shape[a] for a in self.axis)
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=wshape, initializer="ones")
        if self.center:
            self.beta = self.add_weight(name="beta", shape=wshape, initializer="zeros")

    def call(self, inputs):
        rank = len(inputs.shape)
        k = len(self.axis)
        perm = [i for i in range(rank) if i not in self.axis] + list(self.axis)
        inverse = [perm.index(i) for i in range(rank)]
        x = ops.transpose(inputs, perm)            # (..., *normalized)
        tail = tuple(range(rank - k, rank))
        mean = ops.mean(x, axis=tail, keepdims=True)
        diff = ops.subtract(x, mean)
        var = ops.mean(ops.multiply(diff, diff), axis=tail, keepdims=True)
        y = ops.divide(diff, ops.sqrt(ops.add(var, ops.convert_to_tensor(self.epsilon, dtype=x.dtype))))
        # gamma/beta 의 모양 (n1, n2, ...) 이 x 의 마지막 k 축과 같으므로 그대로 broadcast
        if self.scale:
            y = ops.multiply(y, ops.cast(self.gamma, x.dtype))
        if self.center:
            y = ops.add(y, ops.cast(self.beta, x.dtype))
        return ops.transpose(y, inverse)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {"axis": self.axis, "epsilon": self.epsilon, "center": self.center, "scale": self.scale}
        return {**base_config, **config}
