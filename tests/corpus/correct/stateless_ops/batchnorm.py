import keras
from keras import ops


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        shape = (input_shape[self.axis],)
        self.gamma = self.add_weight(shape=shape, initializer=keras.initializers.Ones(), name="gamma", trainable=self.scale)
        self.beta = self.add_weight(shape=shape, initializer=keras.initializers.Zeros(), name="beta", trainable=self.center)
        self.moving_mean = self.add_weight(shape=shape, initializer="zeros", name="moving_mean", trainable=False)
        self.moving_variance = self.add_weight(shape=shape, initializer="ones", name="moving_variance", trainable=False)

    def call(self, inputs, training=False):
        ndim = len(inputs.shape)
        axis = self.axis if self.axis >= 0 else self.axis + ndim
        reduction = [d for d in range(ndim) if d != axis]
        if training and self.trainable:
            mean, variance = ops.moments(inputs, axes=reduction)
            self.moving_mean.assign(self.moving_mean * self.momentum + mean * (1 - self.momentum))
            self.moving_variance.assign(self.moving_variance * self.momentum + variance * (1 - self.momentum))
        else:
            mean, variance = self.moving_mean, self.moving_variance
        shape = [1] * ndim
        shape[axis] = inputs.shape[axis]
        x_hat = (inputs - ops.reshape(mean, shape)) * ops.rsqrt(ops.reshape(variance, shape) + self.epsilon)
        out = x_hat
        if self.scale:
            out = out * ops.reshape(self.gamma, shape)
        if self.center:
            out = out + ops.reshape(self.beta, shape)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), **dict(axis=self.axis, momentum=self.momentum, epsilon=self.epsilon,
                                               center=self.center, scale=self.scale)}
