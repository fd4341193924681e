from keras import layers, ops


class BatchNormalization(layers.Layer):
    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        dim = input_shape[self.axis]
        self.gamma = self.add_weight(shape=(dim,), initializer="ones", name="gamma") if self.scale else None
        self.beta = self.add_weight(shape=(dim,), initializer="zeros", name="beta") if self.center else None
        self.moving_mean = self.add_weight(shape=(dim,), initializer="zeros", trainable=False, name="moving_mean")
        self.moving_variance = self.add_weight(shape=(dim,), initializer="ones", trainable=False, name="moving_variance")

    def call(self, x, training=False):
        rank = len(x.shape)
        axis = self.axis % rank
        reduce = tuple(i for i in range(rank) if i != axis)
        shape = [1] * rank
        shape[axis] = x.shape[axis]
        if training and self.trainable:
            mean = ops.mean(x, axis=reduce)
            var = ops.var(x, axis=reduce)
            m = self.momentum
            self.moving_mean.assign(m * self.moving_mean + (1 - m) * mean)
            self.moving_variance.assign(m * self.moving_variance + (1 - m) * var)
        else:
            mean, var = self.moving_mean, self.moving_variance
        y = (x - ops.reshape(mean, shape)) / ops.sqrt(ops.reshape(var, shape) + self.epsilon)
        if self.gamma is not None:
            y = y * ops.reshape(self.gamma, shape)
        if self.beta is not None:
            y = y + ops.reshape(self.beta, shape)
        return y

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = {"axis": self.axis, "momentum": self.momentum, "epsilon": self.epsilon, "center": self.center, "scale": self.scale}
        return {**super().get_config(), **config}
