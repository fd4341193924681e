"""Delegation policy, static half: aliases resolved, scoped to the exercise's class."""

from __future__ import annotations

import pytest

from grader.checks.policy import canonical, forbidden_uses
from conftest import PACK

DROPOUT = PACK.exercise("Dropout").forbidden
L2 = PACK.exercise("L2").forbidden


@pytest.mark.parametrize(
    "source",
    [
        "import keras\nclass Dropout:\n    def call(self, x):\n        return keras.layers.Dropout(0.3)(x)\n",
        "import keras.random as kr\nclass Dropout:\n    def call(self, x):\n        return kr.dropout(x, 0.3)\n",
        "from tensorflow.nn import dropout as d\nclass Dropout:\n    def call(self, x):\n        return d(x, 0.3)\n",
        "import tensorflow as tf\nclass Dropout:\n    def call(self, x):\n        return tf.keras.layers.Dropout(0.3)(x)\n",
        "from keras.src.random.random import dropout\nclass Dropout:\n    def call(self, x):\n        return dropout(x, 0.3)\n",
        "import keras\nhelper = keras.random.dropout\nclass Dropout:\n    def call(self, x):\n        return helper(x, 0.3)\n",
        "import keras\ndef drop(x):\n    return keras.random.dropout(x, 0.3)\nclass Dropout:\n    def call(self, x):\n        return drop(x)\n",
        "class Dropout:\n    def call(self, x):\n        from keras.layers import Dropout as D\n        return D(0.3)(x)\n",
    ],
)
def test_delegation_is_found_through_aliases_and_helpers(source):
    uses = forbidden_uses(source, "Dropout", DROPOUT)
    assert uses, source
    assert all(u.line > 0 for u in uses)


def test_own_code_and_other_classes_are_not_blamed():
    source = (
        "import keras\n"
        "class L1(keras.regularizers.Regularizer):\n"
        "    def __call__(self, x):\n        return keras.regularizers.L1(0.01)(x)\n"
        "class L2(keras.regularizers.Regularizer):\n"
        "    def __call__(self, x):\n        return 0.01 * keras.ops.sum(keras.ops.square(x))\n"
    )
    assert forbidden_uses(source, "L2", L2) == []
    assert [u.name for u in forbidden_uses(source, "L1", L2)] == ["keras.regularizers.L1"]


def test_syntax_errors_are_left_to_the_worker():
    assert forbidden_uses("class Dropout(:\n", "Dropout", DROPOUT) == []


def test_canonical_spellings():
    assert canonical("tf.nn.dropout") == "tensorflow.nn.dropout"
    assert canonical("tf.keras.layers.Dropout") == "keras.layers.Dropout"
    assert canonical("tensorflow.keras.random.dropout") == "keras.random.dropout"


def test_a_wrapped_keras_class_still_builds_and_runs():
    """The run-time tripwire wraps forbidden Keras classes for the whole worker: the grader's own probes may
    still build them (Keras reads the argument names of __init__ when it makes a layer)."""
    import numpy as np

    import keras
    from grader.probes import tripwire

    tripwire.install(("keras.layers.ActivityRegularization",))
    layer = keras.layers.ActivityRegularization(l1=0.5)
    assert np.array_equal(layer(np.ones((2, 3), np.float32)), np.ones((2, 3)))
    assert np.isclose(float(layer.losses[0]), 1.5)
