import keras
from keras import ops


def batch_moments(x, axes):
    mean = ops.mean(x, axis=axes, keepdims=True)
    return mean, ops.mean(ops.square(x - mean), axis=axes, keepdims=True)


class BatchNormalization(keras.layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        n = input_shape[self.axis]
        self.gamma = self.add_weight(shape=(n,), initializer="ones", name="gamma") if self.scale else None
        self.beta = self.add_weight(shape=(n,), initializer="zeros", name="beta") if self.center else None
        self.moving_mean = self.add_weight(shape=(n,), initializer="zeros", name="moving_mean", trainable=False)
        self.moving_variance = self.add_weight(shape=(n,), initializer="ones", name="moving_variance", trainable=False)

    def call(self, inputs, training=None):
        rank = len(inputs.shape)
        axis = self.axis % rank
        shape = [1] * rank
        shape[axis] = inputs.shape[axis]
        if training and self.trainable:
            mean, var = batch_moments(inputs, [d for d in range(rank) if d != axis])
            for moving, batch in ((self.moving_mean, mean), (self.moving_variance, var)):
                moving.assign(self.momentum * moving + (1.0 - self.momentum) * ops.reshape(batch, moving.shape))
        else:
            mean = ops.reshape(self.moving_mean, shape)
            var = ops.reshape(self.moving_variance, shape)
        y = (inputs - mean) / ops.sqrt(var + self.epsilon)
        if self.gamma is not None:
            y = ops.multiply(y, ops.reshape(self.gamma, shape))
        if self.beta is not None:
            y = ops.add(y, ops.reshape(self.beta, shape))
        return y

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "momentum": self.momentum, "epsilon": self.epsilon,
                "center": self.center, "scale": self.scale}
