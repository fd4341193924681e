"""Assignment 3: optimization: SGD with momentum and Nesterov, Adagrad, RMSprop, Adam, weight
initialization and random hyper-parameter search, written with Keras 3's API.

Declarations only: the sandbox imports this module, so it imports nothing heavier than the engine's.
"""

from grader.packs import Exercise, Pack

_OPTIMIZERS = ("keras.optimizers.SGD", "keras.optimizers.Adagrad", "keras.optimizers.RMSprop", "keras.optimizers.Adam",
               "keras.optimizers.AdamW", "keras.optimizers.Adamax", "keras.optimizers.Nadam", "keras.optimizers.Adadelta",
               "keras.optimizers.Ftrl", "keras.optimizers.Lion", "keras.optimizers.Lamb", "keras.optimizers.Muon",
               "keras.optimizers.LossScaleOptimizer", "keras.optimizers.get", "keras.optimizers.deserialize",
               "tensorflow.keras.optimizers.SGD", "tensorflow.keras.optimizers.Adam",
               "tensorflow.compat.v1.train.AdamOptimizer", "tensorflow.compat.v1.train.MomentumOptimizer",
               "tensorflow.compat.v1.train.AdagradOptimizer", "tensorflow.compat.v1.train.RMSPropOptimizer",
               "tensorflow.raw_ops.ApplyAdam", "tensorflow.raw_ops.ResourceApplyAdam")
_INITIALIZERS = ("keras.initializers.GlorotUniform", "keras.initializers.GlorotNormal", "keras.initializers.HeNormal",
                 "keras.initializers.HeUniform", "keras.initializers.VarianceScaling", "keras.initializers.LecunNormal",
                 "keras.initializers.LecunUniform", "keras.initializers.get", "keras.initializers.deserialize",
                 "keras.initializers.glorot_uniform", "keras.initializers.he_normal")

PACK = Pack(
    name="optimization",
    title="Optimization: SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, Glorot/He initialization, random search",
    exercises=(
        Exercise("SGD", "optimizers.py", _OPTIMIZERS),
        Exercise("Adagrad", "optimizers.py", _OPTIMIZERS),
        Exercise("RMSprop", "optimizers.py", _OPTIMIZERS),
        Exercise("Adam", "optimizers.py", _OPTIMIZERS),
        Exercise("GlorotUniform", "initializers.py", _INITIALIZERS),
        Exercise("HeNormal", "initializers.py", _INITIALIZERS),
        Exercise("sample_hyperparameters", "search.py"),
        Exercise("narrow", "search.py"),
    ),
    theory=("optimizers", "initialization", "search", "summary"),
    experiment="experiment",
    shipped=("datasets", "docs/experiment_optimization"),
)
