"""BatchNormalization: normalize each feature with statistics of the batch.

평균/분산을 합(sum)과 개수(count)로 직접 계산한다.
"""

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
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise ValueError(f"Invalid value for argument axis: expected an int. Received: axis={axis!r}")
        if not _is_number(momentum) or not (0.0 <= momentum <= 1.0):
            raise ValueError(
                "Invalid value for argument momentum: expected a float in [0, 1]. "
                f"Received: momentum={momentum!r}"
            )
        if not _is_number(epsilon) or not (0.0 < epsilon < math.inf):
            raise ValueError(
                "Invalid value for argument epsilon: expected a finite float > 0. "
                f"Received: epsilon={epsilon!r}"
            )
        if not isinstance(center, bool):
            raise ValueError(f"Invalid value for argument center: expected a bool. Received: center={center!r}")
        if not isinstance(scale, bool):
            raise ValueError(f"Invalid value for argument scale: expected a bool. Received: scale={scale!r}")
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
        n = len(input_shape)
        if self.axis < -n or self.axis >= n:
            raise ValueError(
                f"Invalid value for argument axis: expected an axis of a rank-{n} input. "
                f"Received: axis={self.axis}"
            )
        size = input_shape[self.axis]
        if size is None:
            raise ValueError(
                "Invalid value for argument input_shape: expected a known feature size. "
                f"Received: input_shape={input_shape}"
            )
        if self.scale:
            self.gamma = self.add_weight(shape=(size,), initializer="ones", name="gamma")
        if self.center:
            self.beta = self.add_weight(shape=(size,), initializer="zeros", name="beta")
        self.moving_mean = self.add_weight(
            shape=(size,), initializer="zeros", name="moving_mean", trainable=False
        )
        self.moving_variance = self.add_weight(
            shape=(size,), initializer="ones", name="moving_variance", trainable=False
        )

    def _stats(self, x, axes):
        # count = 줄이는 축들의 크기의 곱 (batch 크기는 동적일 수 있음)
        dyn = ops.shape(x)
        count = ops.cast(1, x.dtype)
        for a in axes:
            count = count * ops.cast(dyn[a], x.dtype)
        mean = ops.sum(x, axis=axes, keepdims=True) / count
        sq = ops.sum(ops.square(x - mean), axis=axes, keepdims=True)
        return mean, sq / count

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        ax = self.axis + rank if self.axis < 0 else self.axis
        axes = tuple(a for a in range(rank) if a != ax)
        target = tuple(inputs.shape[ax] if a == ax else 1 for a in range(rank))

        use_batch = bool(training) and self.trainable
        if use_batch:
            mean, var = self._stats(inputs, axes)
            m = self.momentum
            new_mm = ops.cast(self.moving_mean, inputs.dtype) * m + ops.reshape(mean, (-1,)) * (1 - m)
            new_mv = ops.cast(self.moving_variance, inputs.dtype) * m + ops.reshape(var, (-1,)) * (1 - m)
            self.moving_mean.assign(new_mm)
            self.moving_variance.assign(new_mv)
        else:
            mean = ops.reshape(ops.cast(self.moving_mean, inputs.dtype), target)
            var = ops.reshape(ops.cast(self.moving_variance, inputs.dtype), target)

        inv = 1.0 / ops.sqrt(var + self.epsilon)
        if self.scale:
            inv = inv * ops.reshape(ops.cast(self.gamma, inputs.dtype), target)
        out = (inputs - mean) * inv
        if self.center:
            out = out + ops.reshape(ops.cast(self.beta, inputs.dtype), target)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        cfg = super().get_config()
        cfg.update(
            axis=self.axis,
            momentum=self.momentum,
            epsilon=self.epsilon,
            center=self.center,
            scale=self.scale,
        )
        return cfg


def _is_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return not math.isnan(value)
