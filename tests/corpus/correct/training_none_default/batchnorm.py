import keras
import tensorflow as tf


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis, self.momentum, self.epsilon, self.center, self.scale = axis, momentum, epsilon, center, scale

    def build(self, input_shape):
        c = input_shape[self.axis]
        if self.scale:
            self.gamma = self.add_weight(name="gamma", shape=[c], initializer="ones")
        if self.center:
            self.beta = self.add_weight(name="beta", shape=[c], initializer="zeros")
        self.moving_mean = self.add_weight(name="moving_mean", shape=[c], initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=[c], initializer="ones", trainable=False)

    def call(self, x, training=None):
        nd = len(x.shape)
        ax = self.axis % nd
        red = [i for i in range(nd) if i != ax]
        bshape = [-1 if i == ax else 1 for i in range(nd)]
        if training and self.trainable:
            mean = tf.reduce_mean(x, axis=red)
            var = tf.reduce_mean(tf.square(x - tf.reshape(mean, bshape)), axis=red)
            self.moving_mean.assign_sub((1 - self.momentum) * (self.moving_mean - mean))
            self.moving_variance.assign_sub((1 - self.momentum) * (self.moving_variance - var))
        else:
            mean, var = self.moving_mean, self.moving_variance
        inv = tf.math.rsqrt(tf.reshape(var, bshape) + self.epsilon)
        if self.scale:
            inv *= tf.reshape(self.gamma, bshape)
        y = (x - tf.reshape(mean, bshape)) * inv
        if self.center:
            y += tf.reshape(self.beta, bshape)
        return y

    def compute_output_shape(self, s):
        return s

    def get_config(self):
        c = super().get_config()
        c.update(dict(axis=self.axis, momentum=self.momentum, epsilon=self.epsilon, center=self.center, scale=self.scale))
        return c
