"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras
from keras import ops


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
        if not isinstance(axis, int) or isinstance(axis, bool):
            raise ValueError(
                "Invalid value for argument axis: expected an int. "
                f"Received: axis={axis!r}"
            )
        if not _is_number(momentum) or not (0 <= momentum <= 1):
            raise ValueError(
                "Invalid value for argument momentum: expected a float in "
                f"[0, 1]. Received: momentum={momentum!r}"
            )
        if not _is_number(epsilon) or not math.isfinite(epsilon) or epsilon <= 0:
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
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None
        self.moving_mean = None
        self.moving_variance = None
        self.supports_masking = True

    def build(self, input_shape):
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise ValueError(
                "Invalid value for argument axis: expected an axis in "
                f"[{-rank}, {rank}). Received: axis={self.axis}"
            )
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError(
                "Invalid input shape: expected a known size on axis "
                f"{self.axis}. Received: input_shape={input_shape}"
            )
        shape = (dim,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, initializer="ones", trainable=True, name="gamma"
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, initializer="zeros", trainable=True, name="beta"
            )
        self.moving_mean = self.add_weight(
            shape=shape, initializer="zeros", trainable=False, name="moving_mean"
        )
        self.moving_variance = self.add_weight(
            shape=shape,
            initializer="ones",
            trainable=False,
            name="moving_variance",
        )

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        axis = self.axis % rank
        reduce_axes = [i for i in range(rank) if i != axis]
        bshape = [1] * rank
        bshape[axis] = inputs.shape[axis]
        dtype = inputs.dtype

        if training and self.trainable:
            # 1) 배치 축(0)에서 평균/분산  2) 남은 축(공간 축)에서 평균
            rest = [a - 1 for a in reduce_axes if a != 0]
            mean_b = ops.mean(inputs, axis=0)
            var_b = ops.mean(ops.square(inputs - mean_b), axis=0)
            mean = ops.mean(mean_b, axis=rest) if rest else mean_b
            variance = ops.mean(var_b, axis=rest) if rest else var_b
            m = self.momentum
            self.moving_mean.assign(
                ops.cast(self.moving_mean, dtype) * m + mean * (1.0 - m)
            )
            self.moving_variance.assign(
                ops.cast(self.moving_variance, dtype) * m + variance * (1.0 - m)
            )
        else:
            mean = ops.cast(self.moving_mean, dtype)
            variance = ops.cast(self.moving_variance, dtype)

        inv = 1.0 / ops.sqrt(variance + self.epsilon)
        if self.scale:
            inv = inv * ops.cast(self.gamma, dtype)
        out = (inputs - ops.reshape(mean, bshape)) * ops.reshape(inv, bshape)
        if self.center:
            out = out + ops.reshape(ops.cast(self.beta, dtype), bshape)
        return out

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
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not math.isnan(value)
