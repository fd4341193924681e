import keras
import tensorflow as tf


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis, self.momentum, self.epsilon = axis, momentum, epsilon
        self.center, self.scale = center, scale

    def build(self, input_shape):
        n = input_shape[self.axis]
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=(n,), initializer="ones")
        if self.center:
            self.beta = self.add_weight(name="beta", shape=(n,), initializer="zeros")
        self.moving_mean = self.add_weight(name="moving_mean", shape=(n,), initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=(n,), initializer="ones", trainable=False)

    def call(self, inputs, training=None):
        ndim = len(inputs.shape)
        axis = self.axis if self.axis >= 0 else ndim + self.axis
        axes = [i for i in range(ndim) if i != axis]
        shape = [1] * ndim
        shape[axis] = -1
        if training and self.trainable:
            mean, var = tf.nn.moments(inputs, axes=axes, keepdims=True)
            decay = 1.0 - self.momentum
            self.moving_mean.assign_sub((self.moving_mean - tf.reshape(mean, [-1])) * decay)
            self.moving_variance.assign_sub((self.moving_variance - tf.reshape(var, [-1])) * decay)
        else:
            mean = tf.reshape(self.moving_mean, shape)
            var = tf.reshape(self.moving_variance, shape)
        y = (inputs - mean) / tf.sqrt(var + self.epsilon)
        if self.scale:
            y = y * tf.reshape(self.gamma, shape)
        if self.center:
            y = y + tf.reshape(self.beta, shape)
        return y

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update(axis=self.axis, momentum=self.momentum, epsilon=self.epsilon, center=self.center, scale=self.scale)
        return config
