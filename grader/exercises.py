"""The exercises: one per class the student writes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    name: str
    """The class the student implements; also the tag of its tests in results.json."""
    filename: str
    """The file, inside the submission folder, that defines the class."""
    forbidden: tuple[str, ...] = ()
    """Built-ins this exercise re-implements: using any of them gives the exercise 0.
    Dotted names as Keras and TensorFlow export them (``tf.``/``tf.keras.`` aliases are understood)."""
    cost: float = 1.0
    """Relative time its probes take (measured), to share one submission's exercises fairly between workers."""


_REGULARIZERS = (
    "keras.regularizers.L1", "keras.regularizers.L2", "keras.regularizers.L1L2", "keras.regularizers.l1",
    "keras.regularizers.l2", "keras.regularizers.l1_l2", "keras.regularizers.get", "keras.regularizers.deserialize",
)
_NORMALIZATION = (
    "keras.layers.BatchNormalization", "keras.layers.LayerNormalization", "keras.layers.GroupNormalization",
    "keras.ops.batch_normalization", "keras.ops.layer_normalization", "keras.ops.rms_normalization",
    "tensorflow.nn.batch_normalization", "tensorflow.nn.fused_batch_norm",
    "tensorflow.compat.v1.layers.batch_normalization", "tensorflow.compat.v1.nn.fused_batch_norm",
)

EXERCISES: tuple[Exercise, ...] = (
    Exercise("L1", "regularizers.py", _REGULARIZERS),
    Exercise("L2", "regularizers.py", _REGULARIZERS),
    Exercise("L1L2", "regularizers.py", _REGULARIZERS),
    Exercise("GaussianNoise", "noise.py", ("keras.layers.GaussianNoise",), cost=1.8),
    Exercise("Dropout", "dropout.py", (
        "keras.layers.Dropout", "keras.layers.SpatialDropout1D", "keras.layers.SpatialDropout2D",
        "keras.layers.SpatialDropout3D", "keras.layers.AlphaDropout", "keras.random.dropout",
        "tensorflow.nn.dropout", "tensorflow.compat.v1.nn.dropout", "tensorflow.nn.experimental.stateless_dropout",
    ), cost=2.2),
    Exercise("BatchNormalization", "batchnorm.py", _NORMALIZATION, cost=2.9),
    Exercise("LayerNormalization", "layernorm.py", _NORMALIZATION, cost=2.4),
)

FILENAMES: tuple[str, ...] = tuple(dict.fromkeys(e.filename for e in EXERCISES))


def exercise(name: str) -> Exercise:
    for ex in EXERCISES:
        if ex.name == name:
            return ex
    raise KeyError(f"Unknown exercise {name!r}: expected one of {[e.name for e in EXERCISES]}")
