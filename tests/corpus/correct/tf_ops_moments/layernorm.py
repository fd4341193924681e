import keras
import tensorflow as tf


class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def _axes(self, ndim):
        axes = self.axis if isinstance(self.axis, (list, tuple)) else [self.axis]
        return sorted(a % ndim for a in axes)

    def build(self, input_shape):
        shape = [input_shape[a] for a in self._axes(len(input_shape))]
        self.gamma = self.add_weight(name="gamma", shape=shape, initializer="ones") if self.scale else None
        self.beta = self.add_weight(name="beta", shape=shape, initializer="zeros") if self.center else None

    def call(self, inputs, training=None):
        axes = self._axes(len(inputs.shape))
        mean, variance = tf.nn.moments(inputs, axes=axes, keepdims=True)
        y = (inputs - mean) * tf.math.rsqrt(variance + self.epsilon)
        shape = [inputs.shape[i] if i in axes else 1 for i in range(len(inputs.shape))]
        if self.gamma is not None:
            y = y * tf.reshape(self.gamma, shape)
        if self.beta is not None:
            y = y + tf.reshape(self.beta, shape)
        return y

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon, "center": self.center, "scale": self.scale}
