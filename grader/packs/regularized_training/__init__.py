"""Assignment 2: regularization in training: early stopping, mixing augmentations, label smoothing,
sparse activations and adversarial training, written with Keras 3's API.

Declarations only: the sandbox imports this module, so it imports nothing heavier than the engine's.
"""

from grader.packs import Exercise, Pack

_AUGMENTATION = ("keras.layers.MixUp", "keras.layers.CutMix", "keras.layers.RandomErasing", "keras.layers.AugMix",
                 "keras.layers.RandAugment", "keras.layers.Pipeline")
_CROSSENTROPY = ("keras.losses.CategoricalCrossentropy", "keras.losses.categorical_crossentropy",
                 "keras.losses.CategoricalFocalCrossentropy", "keras.losses.categorical_focal_crossentropy",
                 "keras.losses.get", "keras.losses.deserialize", "keras.ops.categorical_crossentropy",
                 "keras.metrics.categorical_crossentropy", "keras.metrics.CategoricalCrossentropy",
                 "tensorflow.nn.softmax_cross_entropy_with_logits", "tensorflow.keras.losses.categorical_crossentropy")

PACK = Pack(
    name="regularized_training",
    title="Regularized training: early stopping, MixUp/CutMix/RandomErasing, label smoothing, sparsity, FGSM",
    exercises=(
        Exercise("EarlyStopping", "callbacks.py", ("keras.callbacks.EarlyStopping",)),
        Exercise("MixUp", "augmentation.py", _AUGMENTATION),
        Exercise("CutMix", "augmentation.py", _AUGMENTATION),
        Exercise("RandomErasing", "augmentation.py", _AUGMENTATION),
        Exercise("CategoricalCrossentropy", "losses.py", _CROSSENTROPY),
        Exercise("ActivityRegularization", "sparsity.py", (
            "keras.layers.ActivityRegularization", "keras.regularizers.L1", "keras.regularizers.L2",
            "keras.regularizers.L1L2", "keras.regularizers.l1", "keras.regularizers.l2", "keras.regularizers.l1_l2",
            "keras.regularizers.get")),
        Exercise("AdversarialModel", "adversarial.py"),
    ),
    theory=("early_stopping", "augmentation", "label_smoothing", "sparsity", "adversarial", "summary"),
    experiment="experiment",
    shipped=("datasets", "docs/experiment_training"),
)
