"""BatchNormalization: normalize each feature with statistics of the batch."""

import math

import keras
import tensorflow as tf


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
            raise ValueError(
                f"Invalid value for argument axis: expected an int. Received: axis={axis}"
            )
        if not _is_number(momentum) or momentum < 0 or momentum > 1:
            raise ValueError(
                "Invalid value for argument momentum: expected a float in [0, 1]. "
                f"Received: momentum={momentum}"
            )
        if not _is_number(epsilon) or math.isinf(epsilon) or epsilon <= 0:
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive float. "
                f"Received: epsilon={epsilon}"
            )
        for name, v in (("center", center), ("scale", scale)):
            if not isinstance(v, bool):
                raise ValueError(
                    f"Invalid value for argument {name}: expected a bool. "
                    f"Received: {name}={v}"
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

    def build(self, input_shape):
        ndim = len(input_shape)
        if self.axis >= ndim or self.axis < -ndim:
            raise ValueError(
                f"Invalid value for argument axis: expected an axis of a rank-{ndim} "
                f"input. Received: axis={self.axis}"
            )
        if input_shape[self.axis] is None:
            raise ValueError(
                "Invalid input_shape: expected the feature axis size to be known. "
                f"Received: input_shape={input_shape}"
            )
        c = input_shape[self.axis]
        self.gamma = (
            self.add_weight(shape=(c,), name="gamma", initializer="ones")
            if self.scale else None
        )
        self.beta = (
            self.add_weight(shape=(c,), name="beta", initializer="zeros")
            if self.center else None
        )
        self.moving_mean = self.add_weight(
            shape=(c,), name="moving_mean", initializer="zeros", trainable=False
        )
        self.moving_variance = self.add_weight(
            shape=(c,), name="moving_variance", initializer="ones", trainable=False
        )

    def call(self, inputs, training=None):
        x = tf.convert_to_tensor(inputs)
        ndim = x.shape.rank
        ax = self.axis if self.axis >= 0 else self.axis + ndim
        red = [d for d in range(ndim) if d != ax]
        shape = [1] * ndim
        shape[ax] = -1

        if training and self.trainable:
            mu = tf.reduce_mean(x, axis=red, keepdims=True)
            var = tf.reduce_mean(tf.math.squared_difference(x, mu), axis=red, keepdims=True)
            mu_v = tf.reshape(mu, [-1])
            var_v = tf.reshape(var, [-1])
            m = self.momentum
            self.moving_mean.assign(
                tf.cast(self.moving_mean, x.dtype) * m + mu_v * (1.0 - m)
            )
            self.moving_variance.assign(
                tf.cast(self.moving_variance, x.dtype) * m + var_v * (1.0 - m)
            )
        else:
            mu = tf.reshape(tf.cast(self.moving_mean, x.dtype), shape)
            var = tf.reshape(tf.cast(self.moving_variance, x.dtype), shape)

        inv = tf.math.rsqrt(var + tf.constant(self.epsilon, dtype=x.dtype))
        if self.scale:
            inv = inv * tf.reshape(tf.cast(self.gamma, x.dtype), shape)
        y = (x - mu) * inv
        if self.center:
            y = y + tf.reshape(tf.cast(self.beta, x.dtype), shape)
        return y

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        base_config = super().get_config()
        config = dict(
            axis=self.axis,
            momentum=self.momentum,
            epsilon=self.epsilon,
            center=self.center,
            scale=self.scale,
        )
        return {**base_config, **config}


def _is_number(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value == value
