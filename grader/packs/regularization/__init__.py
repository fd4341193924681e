"""Assignment 1: regularization layers and penalties written with Keras 3's API.

Declarations only: the sandbox imports this module, so it imports nothing heavier than the engine's.
"""

from grader.packs import Exercise, Pack

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

PACK = Pack(
    name="regularization",
    title="Regularization: L1/L2 penalties, Gaussian noise, dropout, batch and layer normalization",
    exercises=(
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
    ),
    theory=("regularizers", "noise", "dropout", "batchnorm", "layernorm", "summary"),
    experiment="experiment",
    shipped=("datasets", "docs/experiment"),
)
