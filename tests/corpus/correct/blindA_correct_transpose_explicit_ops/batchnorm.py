"""BatchNormalization: normalize each feature with statistics of the batch.

feature 축을 ops.transpose 로 맨 뒤로 보내서 (channels-last) 계산한 뒤 되돌린다.
"""

import math

import keras
from keras import ops


def _invalid(name, expected, value):
    return ValueError(f"Invalid value for argument {name}: expected {expected}. Received: {name}={value!r}")


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
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise _invalid("axis", "an int", axis)
        if not _is_number(momentum) or momentum < 0 or momentum > 1:
            raise _invalid("momentum", "a float in [0, 1]", momentum)
        if not _is_number(epsilon) or not math.isfinite(epsilon) or epsilon <= 0:
            raise _invalid("epsilon", "a positive finite float", epsilon)
        if not isinstance(center, bool):
            raise _invalid("center", "a bool", center)
        if not isinstance(scale, bool):
            raise _invalid("scale", "a bool", scale)
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
        if self.axis < -rank or self.axis >= rank:
            raise _invalid("axis", f"an axis of a rank-{rank} input", self.axis)
        c = input_shape[self.axis]
        if c is None:
            raise _invalid("input_shape", "a known size on the feature axis", tuple(input_shape))
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=(c,), initializer="ones")
        if self.center:
            self.beta = self.add_weight(name="beta", shape=(c,), initializer="zeros")
        self.moving_mean = self.add_weight(name="moving_mean", shape=(c,), initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=(c,), initializer="ones", trainable=False)

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        ax = self.axis % rank
        perm = [i for i in range(rank) if i != ax] + [ax]
        inverse = [perm.index(i) for i in range(rank)]
        x = ops.transpose(inputs, perm)          # (..., C)
        lead = tuple(range(rank - 1))            # C 를 제외한 모든 축

        if training and self.trainable:
            mean = ops.mean(x, axis=lead)
            diff = ops.subtract(x, mean)
            var = ops.mean(ops.multiply(diff, diff), axis=lead)
            keep = ops.convert_to_tensor(self.momentum, dtype=x.dtype)
            new = ops.convert_to_tensor(1.0 - self.momentum, dtype=x.dtype)
            self.moving_mean.assign(
                ops.add(ops.multiply(ops.cast(self.moving_mean, x.dtype), keep), ops.multiply(mean, new))
            )
            self.moving_variance.assign(
                ops.add(ops.multiply(ops.cast(self.moving_variance, x.dtype), keep), ops.multiply(var, new))
            )
        else:
            mean = ops.cast(self.moving_mean, x.dtype)
            var = ops.cast(self.moving_variance, x.dtype)
            diff = ops.subtract(x, mean)

        inv = ops.divide(ops.cast(1.0, x.dtype), ops.sqrt(ops.add(var, ops.convert_to_tensor(self.epsilon, dtype=x.dtype))))
        if self.scale:
            inv = ops.multiply(inv, ops.cast(self.gamma, x.dtype))
        y = ops.multiply(diff, inv)
        if self.center:
            y = ops.add(y, ops.cast(self.beta, x.dtype))
        return ops.transpose(y, inverse)

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
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    return isinstance(value, int)
