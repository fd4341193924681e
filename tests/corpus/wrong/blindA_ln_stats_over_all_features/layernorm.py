"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras


def _bad(name, expected, value):
    return ValueError(
        f"Invalid value for argument {name}: expected {expected}. "
        f"Received: {name}={value!r}"
    )


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            if len(axis) == 0 or not all(_is_int(a) for a in axis):
                raise _bad("axis", "an int or a non-empty list of ints", axis)
            axis = list(axis)
        elif not _is_int(axis):
            raise _bad("axis", "an int or a non-empty list of ints", axis)
        if (
            not isinstance(epsilon, (int, float))
            or isinstance(epsilon, bool)
            or not math.isfinite(epsilon)
            or epsilon <= 0
        ):
            raise _bad("epsilon", "a positive float", epsilon)
        if not isinstance(center, bool):
            raise _bad("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _bad("scale", "a bool", scale)
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.supports_masking = True
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        rank = len(input_shape)
        axes = [self.axis] if isinstance(self.axis, int) else list(self.axis)
        norm = []
        for a in axes:
            if not -rank <= a < rank:
                raise _bad("axis", f"axes in [-{rank}, {rank})", self.axis)
            a = a % rank
            if a in norm:
                raise _bad("axis", "distinct axes", self.axis)
            if input_shape[a] is None:
                raise ValueError(
                    "Invalid input shape: expected known sizes on the "
                    f"normalized axes. Received: input_shape={input_shape}"
                )
            norm.append(a)
        self.axis = sorted(norm)
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
        ops = keras.ops
        ndim = len(inputs.shape)
        bshape = [1] * ndim
        for a in self.axis:
            bshape[a] = inputs.shape[a]
        # 샘플 하나의 모든 feature 에 대해 평균/분산
        feat_axes = list(range(1, ndim))
        mean = ops.mean(inputs, axis=feat_axes, keepdims=True)
        var = ops.mean(ops.square(inputs - mean), axis=feat_axes, keepdims=True)
        out = (inputs - mean) / ops.sqrt(var + self.epsilon)
        if self.scale:
            out = ops.reshape(ops.cast(self.gamma, inputs.dtype), bshape) * out
        if self.center:
            out = out + ops.reshape(ops.cast(self.beta, inputs.dtype), bshape)
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
