"""The third assignment: every reference optimizer follows its Keras twin's trajectory eagerly and inside
tf.function, and the initializers and the search draw as they should (full marks and skeletons: tests/test_packs.py)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
import tensorflow as tf

import keras
from grader import packs

PACK = packs.get("optimization")
GRADIENTS = [np.array(g, np.float32) for g in ([0.5, -1e-3, 2.0], [1e-4, 0.3, -0.7], [-0.2, 1e-3, 1e-4],
                                                [0.9, -0.5, 0.0], [1e-3, 1e-3, -1e-3])]


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"reference_{name}", PACK.solutions / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference():
    return {name: _module(name) for name in ("optimizers", "initializers", "search")}


def _trajectory(optimizer, traced: bool) -> np.ndarray:
    """Two variables of different shapes, stepped by the same log of gradients."""
    v, w = keras.Variable(np.ones(3, np.float32)), keras.Variable(np.full((2, 2), 0.5, np.float32))
    optimizer.build([v, w])

    def step(g):
        optimizer.apply([g, tf.reshape(g[:2], (2, 1)) * tf.ones((2, 2))], [v, w])

    step = tf.function(step) if traced else step
    out = []
    for g in GRADIENTS:
        step(tf.constant(g))
        out.append(np.concatenate([v.numpy().ravel(), w.numpy().ravel()]))
    return np.array(out)


def _halving():
    return keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5)


CASES = [
    ("SGD", {"learning_rate": 0.1}), ("SGD", {"learning_rate": 0.1, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}), ("SGD", {"learning_rate": "halving", "momentum": 0.9}),
    ("Adagrad", {"learning_rate": 0.1}), ("Adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.5, "epsilon": 1e-2}),
    ("RMSprop", {"learning_rate": 0.01}), ("RMSprop", {"learning_rate": 0.01, "momentum": 0.5, "centered": True, "rho": 0.8}),
    ("RMSprop", {"learning_rate": "halving", "momentum": 0.9}),
    ("Adam", {"learning_rate": 0.01}), ("Adam", {"learning_rate": 0.01, "epsilon": 1e-2, "amsgrad": True, "beta_2": 0.9}),
    ("Adam", {"learning_rate": 0.01, "weight_decay": 0.1}),
]


@pytest.mark.parametrize("traced", [False, True], ids=["eager", "tf.function"])
@pytest.mark.parametrize("name, kwargs", CASES)
def test_optimizers_follow_their_keras_twins(reference, name, kwargs, traced):
    def made(cls):
        return cls(**{**kwargs, "learning_rate": _halving()} if kwargs["learning_rate"] == "halving" else kwargs)

    mine = _trajectory(made(getattr(reference["optimizers"], name)), traced)
    twin = _trajectory(made(getattr(keras.optimizers, name)), traced)
    np.testing.assert_allclose(mine, twin, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("shape", [(), (5,), (3, 4), (5, 40, 60), (3, 3, 16, 32)])
def test_fans_and_draws_agree_with_keras(reference, shape):
    from keras.src.initializers.random_initializers import compute_fans

    module = reference["initializers"]
    assert module.compute_fans(shape) == tuple(int(f) for f in compute_fans(shape))
    if len(shape) >= 2:
        for name in ("GlorotUniform", "HeNormal"):
            mine = getattr(module, name)(seed=3)
            np.testing.assert_array_equal(mine(shape), getattr(keras.initializers, name)(seed=3)(shape))
            np.testing.assert_array_equal(mine(shape), mine(shape))  # one instance, the same values each call


def test_search_is_reproducible_log_uniform_and_narrows_to_the_best(reference):
    search = reference["search"]
    ranges = {"learning_rate": (1e-6, 1e-2), "weight_decay": (1e-8, 1e-4)}
    draws = search.sample_hyperparameters(4000, ranges, seed=0)
    assert search.sample_hyperparameters(50, ranges, seed=7) == search.sample_hyperparameters(50, ranges, seed=7)
    assert search.sample_hyperparameters(50, ranges, seed=7) != search.sample_hyperparameters(50, ranges, seed=8)
    logs = np.log10([d["learning_rate"] for d in draws])
    assert abs(logs.mean() - -4.0) < 0.1 and np.histogram(logs, bins=4, range=(-6, -2))[0].min() > 900
    results = [({"learning_rate": 10.0**-k, "weight_decay": 1e-6}, score) for k, score in ((3, 0.9), (5, 0.5), (4, 0.8))]
    assert search.narrow(results, ranges, 2) == {"learning_rate": (1e-4, 1e-3), "weight_decay": (1e-6 / 10**0.5, 1e-6 * 10**0.5)}
    with pytest.raises(ValueError, match="learning_rate"):
        search.sample_hyperparameters(3, {"learning_rate": (1e-2, 1e-6)})

