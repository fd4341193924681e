import keras
import tensorflow as tf


class LayerNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        rank = len(input_shape)
        axes = [self.axis] if isinstance(self.axis, int) else list(self.axis)
        self.norm_axes = sorted(a + rank if a < 0 else a for a in axes)
        param_shape = [input_shape[a] for a in self.norm_axes]
        self.gamma = self.add_weight(name="gamma", shape=param_shape, initializer="ones") if self.scale else None
        self.beta = self.add_weight(name="beta", shape=param_shape, initializer="zeros") if self.center else None

    def call(self, inputs):
        mean = tf.reduce_mean(inputs, axis=self.norm_axes, keepdims=True)
        variance = tf.math.reduce_variance(inputs, axis=self.norm_axes, keepdims=True)
        normalized = (inputs - mean) / tf.sqrt(variance + self.epsilon)
        rank = len(inputs.shape)
        shape = [inputs.shape[d] if d in self.norm_axes else 1 for d in range(rank)]
        if self.gamma is not None:
            normalized = normalized * tf.reshape(self.gamma, shape)
        if self.beta is not None:
            normalized = normalized + tf.reshape(self.beta, shape)
        return normalized

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update(axis=self.axis, epsilon=self.epsilon, center=self.center, scale=self.scale)
        return config
