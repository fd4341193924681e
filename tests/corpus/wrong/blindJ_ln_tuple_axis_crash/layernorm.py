"""LayerNormalization: normalize each sample with its own statistics."""

import math

import keras


@keras.saving.register_keras_serializable(package="regularization")
class LayerNormalization(keras.layers.Layer):
    """Normalizes each sample over the feature axes, independently of the batch."""

    def __init__(
        self, axis=-1, epsilon=1e-3, center=True, scale=True, **kwargs
    ):
        super().__init__(**kwargs)

        def _is_int(v):
            return isinstance(v, int) and not isinstance(v, bool)

        if _is_int(axis):
            pass
        elif (
            isinstance(axis, (list, tuple))
            and len(axis) > 0
            and all(_is_int(a) for a in axis)
        ):
            pass
        else:
            raise ValueError(
                "Invalid value for argument axis: expected an int or a "
                f"non-empty list of ints. Received: axis={axis!r}"
            )
        if (
            not isinstance(epsilon, (int, float))
            or isinstance(epsilon, bool)
            or not math.isfinite(epsilon)
            or epsilon <= 0
        ):
            raise ValueError(
                "Invalid value for argument epsilon: expected a positive "
                f"float. Received: epsilon={epsilon!r}"
            )
        for name, value in (("center", center), ("scale", scale)):
            if not isinstance(value, bool):
                raise ValueError(
                    f"Invalid value for argument {name}: expected a bool. "
                    f"Received: {name}={value!r}"
                )
        self.axis = axis
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.gamma = None
        self.beta = None

    def build(self, input_shape):
        ndim = len(input_shape)
        # int 이면 리스트로 감싸기
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        norm = []
        for a in axes:
            if not -ndim <= a < ndim:
                raise ValueError(
                    "Invalid value for argument axis: expected axes in "
                    f"[{-ndim}, {ndim}). Received: axis={self.axis}"
                )
            a = a % ndim
            if a in norm:
                raise ValueError(
                    "Invalid value for argument axis: expected distinct axes. "
                    f"Received: axis={self.axis}"
                )
            if input_shape[a] is None:
                raise ValueError(
                    "Invalid input shape: expected a known size on axis "
                    f"{a}. Received: input_shape={input_shape}"
                )
            norm.append(a)
        self.axis = sorted(norm)
        shape = tuple(input_shape[a] for a in self.axis)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, initializer="ones", trainable=True, name="gamma"
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape, initializer="zeros", trainable=True, name="beta"
            )

    def call(self, inputs):
        ndim = len(inputs.shape)
        bshape = [1] * ndim
        for a in self.axis:
            bshape[a] = inputs.shape[a]
        mean = keras.ops.mean(inputs, axis=self.axis, keepdims=True)
        diff = inputs - mean
        variance = keras.ops.mean(keras.ops.square(diff), axis=self.axis, keepdims=True)
        out = diff / keras.ops.sqrt(variance + self.epsilon)
        if self.scale:
            out = keras.ops.reshape(keras.ops.cast(self.gamma, inputs.dtype), bshape) * out
        if self.center:
            out = out + keras.ops.reshape(keras.ops.cast(self.beta, inputs.dtype), bshape)
        return out

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        base_config = super().get_config()
        config = {
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
        }
        return {**base_config, **config}
