import keras
import tensorflow as tf


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        c = input_shape[self.axis]
        self.gamma = self.add_weight(name="gamma", shape=(c,), initializer="ones", trainable=True)
        self.beta = self.add_weight(name="beta", shape=(c,), initializer="zeros", trainable=True)
        self.moving_mean = self.add_weight(name="moving_mean", shape=(c,), initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=(c,), initializer="ones", trainable=False)

    def call(self, x, training=None):
        rank = x.shape.rank
        axis = self.axis % rank
        axes = [i for i in range(rank) if i != axis]
        bshape = [1] * rank
        bshape[axis] = -1
        if training and self.trainable:
            mean = tf.reduce_mean(x, axis=axes)
            var = tf.reduce_mean(tf.square(x - tf.reshape(mean, bshape)), axis=axes)
            self.moving_mean.assign_add((1 - self.momentum) * (mean - self.moving_mean))
            self.moving_variance.assign_add((1 - self.momentum) * (var - self.moving_variance))
        else:
            mean, var = self.moving_mean, self.moving_variance
        gamma = tf.reshape(self.gamma, bshape) if self.scale else 1.0
        beta = tf.reshape(self.beta, bshape) if self.center else 0.0
        return gamma * (x - tf.reshape(mean, bshape)) / tf.sqrt(tf.reshape(var, bshape) + self.epsilon) + beta

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return dict(super().get_config(), axis=self.axis, momentum=self.momentum, epsilon=self.epsilon,
                    center=self.center, scale=self.scale)
