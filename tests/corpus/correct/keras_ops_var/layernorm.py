from keras import layers, ops


class LayerNormalization(layers.Layer):
    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale

    def build(self, input_shape):
        rank = len(input_shape)
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        self._axes = sorted(a % rank for a in axes)
        shape = tuple(input_shape[a] for a in self._axes)
        if self.scale:
            self.gamma = self.add_weight(shape=shape, initializer="ones", name="gamma")
        if self.center:
            self.beta = self.add_weight(shape=shape, initializer="zeros", name="beta")

    def call(self, x, training=None):
        mean, var = ops.moments(x, axes=self._axes, keepdims=True)
        out = (x - mean) / ops.sqrt(var + self.epsilon)
        shape = [x.shape[i] if i in self._axes else 1 for i in range(len(x.shape))]
        if self.scale:
            out = out * ops.reshape(self.gamma, shape)
        if self.center:
            out = out + ops.reshape(self.beta, shape)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon, "center": self.center, "scale": self.scale}
